"""The database itself refuses a value outside a coded column's choices, and a second
population total for one year, whatever code writes it."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import IntegrityError

from data_model.db import transaction
from data_model.models import PopulationFigure
from data_model.schema import alembic_config, migrate
from data_model.services.targets import record_target
from tests.factories import create_user
from tests.unit.read_world import TODAY, city_target

CODED_COLUMNS = [
    ("action", "format"),
    ("action", "source"),
    ("app_user", "role"),
    ("opportunity", "statutory"),
    ("swot_item", "quadrant"),
    ("responsibility", "cadence"),
    ("responsibility", "evidence"),
    ("department", "kind"),
    ("audience_group", "kind"),
    ("target", "direction"),
    ("target", "set_by"),
    ("target", "status"),
]


def _set_everywhere(engine: Engine, table: str, column: str, value: str) -> None:
    with transaction(engine) as session:
        session.execute(text(f"UPDATE {table} SET {column} = :value"), {"value": value})  # noqa: S608


@pytest.mark.parametrize(("table", "column"), CODED_COLUMNS)
def test_database_refuses_a_value_outside_the_choices(engine: Engine, table: str, column: str) -> None:
    coordinator = create_user(engine, "kirsi", "coordinator")
    if table == "target":  # the seed holds no targets: one row for the UPDATE to touch
        with transaction(engine) as session:
            record_target(session, coordinator, city_target(), TODAY)
    with pytest.raises(IntegrityError):
        _set_everywhere(engine, table, column, "something_else")


def test_a_valid_choice_is_still_accepted(engine: Engine) -> None:
    _set_everywhere(engine, "action", "format", "online")


def test_database_refuses_a_second_population_total_for_a_year(engine: Engine) -> None:
    with transaction(engine) as session:
        year = session.scalars(
            select(PopulationFigure.year).where(PopulationFigure.audience_group_id.is_(None))
        ).first()
    assert year is not None
    with pytest.raises(IntegrityError), transaction(engine) as session:
        session.add(PopulationFigure(audience_group_id=None, year=year, count=1))


def test_upgrade_adds_the_checks_to_a_database_with_data(empty_engine: Engine) -> None:
    config = alembic_config(empty_engine)
    with empty_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        # A row written as 0001 knew it: today's seed carries columns later migrations add.
        connection.execute(
            text(
                "INSERT INTO swot_item (code, quadrant, text_fi, text_en, indicator, sort_order, active)"
                " VALUES ('s_vanha', 'strength', 'Vanha kohta', 'An old item', NULL, 0, :yes)"
            ),
            {"yes": True},
        )
    migrate(empty_engine)
    with pytest.raises(IntegrityError):
        _set_everywhere(empty_engine, "swot_item", "quadrant", "maybe")


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("initiator_kind", "'mayor'"),
        ("source", "'import'"),
        ("signatories", "0"),
        ("decision_date", "'2000-01-01'"),
    ],
)
def test_database_refuses_an_initiative_outside_its_rules(engine: Engine, column: str, value: str) -> None:
    from data_model.services.initiatives import create_initiative
    from tests.unit.initiative_inputs import initiative_input

    coordinator = create_user(engine, "kirsi", "coordinator")
    with transaction(engine) as session:
        create_initiative(session, coordinator, initiative_input(session))
    with pytest.raises(IntegrityError), transaction(engine) as session:
        session.execute(text(f"UPDATE initiative SET {column} = {value}"))  # noqa: S608
