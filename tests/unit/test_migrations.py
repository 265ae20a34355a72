"""The Alembic migrations build exactly the schema the models describe, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from data_model.models import Base
from data_model.schema import migrate


def test_migrations_match_the_models(empty_engine: Engine) -> None:
    migrate(empty_engine)
    with empty_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_migrating_twice_is_harmless(empty_engine: Engine) -> None:
    migrate(empty_engine)
    migrate(empty_engine)
    tables = set(inspect(empty_engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


# The columns the dashboard filters (area, form, channel) and groups by (audience group) on.
LOOKED_UP = {
    "action": ("area_id",),
    "action_reach": ("audience_group_id",),
    "action_form": ("participation_form_id",),
    "action_channel": ("channel_id",),
    "action_measure": ("development_measure_id",),
    "action_intended_group": ("audience_group_id",),
}


def test_filter_and_link_columns_lead_an_index(empty_engine: Engine) -> None:
    migrate(empty_engine)
    inspector = inspect(empty_engine)
    for table, columns in LOOKED_UP.items():
        leading = {index["column_names"][0] for index in inspector.get_indexes(table)}
        for column in columns:
            assert column in leading, f"{table}.{column}"
