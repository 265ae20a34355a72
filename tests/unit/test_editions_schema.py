"""Programme editions in the schema and the seed: the 2023–2025 edition with its approval holds
every item, an item's code is unique within its edition only, and an existing database's items
are moved into that edition by the migration."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from data_model.db import session_factory, transaction
from data_model.models import (
    Actor,
    Channel,
    DevelopmentMeasure,
    DevelopmentPrinciple,
    Opportunity,
    ProgrammeEdition,
    Responsibility,
    SwotItem,
)
from data_model.schema import alembic_config, migrate
from data_model.seed import load_programme

PER_EDITION = (
    Opportunity,
    SwotItem,
    DevelopmentPrinciple,
    DevelopmentMeasure,
    Channel,
    Actor,
    Responsibility,
)


def test_the_seed_holds_the_2023_2025_edition_with_its_approval(session: Session) -> None:
    editions = list(session.scalars(select(ProgrammeEdition)))
    assert len(editions) == 1
    edition = editions[0]
    assert edition.name_fi == "Osallistuva Heinola 2023–2025"
    assert (edition.period_start, edition.period_end) == (date(2023, 1, 1), date(2025, 12, 31))
    assert (edition.approved_by, edition.approved_on, edition.approval_section) == (
        "city_board",
        date(2023, 10, 16),
        214,
    )
    for model in PER_EDITION:
        outside = session.scalar(
            select(func.count()).select_from(model).where(model.edition_id != edition.id)
        )
        inside = session.scalar(select(func.count()).select_from(model).where(model.edition_id == edition.id))
        assert outside == 0 and inside, model.__tablename__


def _other_edition(session: Session) -> ProgrammeEdition:
    edition = ProgrammeEdition(
        code="seuraava", name_fi="Seuraava", period_start=date(2026, 1, 1), period_end=date(2029, 12, 31)
    )
    session.add(edition)
    session.flush()
    return edition


def test_a_code_repeats_in_another_edition_but_not_in_its_own(engine: Engine) -> None:
    with transaction(engine) as session:
        item = session.scalars(select(SwotItem).order_by(SwotItem.id)).first()
        assert item is not None
        other = _other_edition(session)
        session.add(SwotItem(edition_id=other.id, code=item.code, quadrant="strength", text_fi="Sama koodi"))
    with pytest.raises(IntegrityError), transaction(engine) as session:
        session.add(
            SwotItem(edition_id=item.edition_id, code=item.code, quadrant="strength", text_fi="Toinen")
        )


def test_the_database_refuses_an_edition_ending_before_it_starts(engine: Engine) -> None:
    with pytest.raises(IntegrityError), transaction(engine) as session:
        session.add(
            ProgrammeEdition(
                code="vaara", name_fi="Väärin", period_start=date(2026, 1, 1), period_end=date(2025, 1, 1)
            )
        )


def test_the_migration_puts_an_existing_databases_items_into_the_first_edition(empty_engine: Engine) -> None:
    config = alembic_config(empty_engine)
    with empty_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0006")
        connection.execute(
            text(
                "INSERT INTO swot_item (code, quadrant, text_fi, text_en, indicator, sort_order, active)"
                " VALUES ('s_vanha', 'strength', 'Vanha kohta', 'An old item', NULL, 0, :yes)"
            ),
            {"yes": True},
        )
        connection.execute(
            text(
                "INSERT INTO development_principle (code, title_fi, title_en, description_fi, description_en,"
                " sort_order) VALUES ('p_vanha', 'Periaate', 'Principle', '', '', 0)"
            )
        )
    migrate(empty_engine)
    with session_factory(empty_engine)() as session:
        edition = session.scalars(select(ProgrammeEdition)).one()
        assert edition.code == "osallistuva_heinola_2023_2025"
        assert (edition.approved_on, edition.approval_section) == (date(2023, 10, 16), 214)
        assert session.scalars(select(SwotItem.edition_id)).all() == [edition.id]
        assert session.scalars(select(DevelopmentPrinciple.edition_id)).all() == [edition.id]
    # The seed then finds its edition already there and adds the rest of the programme to it.
    with session_factory(empty_engine)() as session, session.begin():
        load_programme(session)
    with session_factory(empty_engine)() as session:
        assert session.scalar(select(func.count()).select_from(ProgrammeEdition)) == 1
        assert (
            session.scalar(select(func.count()).select_from(SwotItem).where(SwotItem.code == "s_vanha")) == 1
        )


def test_an_empty_database_gets_its_edition_from_the_seed_only(empty_engine: Engine) -> None:
    migrate(empty_engine)
    with session_factory(empty_engine)() as session:
        assert session.scalar(select(func.count()).select_from(ProgrammeEdition)) == 0
