"""SQLite plans a period's actions through the start-date index once the database has been
prepared: without statistics it read every action through the index on `deleted_at` (null for
nearly all of them), whatever the period asked for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Select, func, select

from data_model.bootstrap import prepare_database
from data_model.db import make_engine
from data_model.exports.council_summary import period_filters
from data_model.exports.periods import period_from_key
from data_model.metrics.filters import action_conditions
from data_model.models import Action
from data_model.rollups import _per_action


def test_a_prepared_sqlite_database_reads_a_period_by_its_start_dates(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'planned.db'}")
    prepare_database(engine, with_demo=True)
    statement = select(Action.id).where(*action_conditions(period_filters(period_from_key("2025-Q3"))))
    plan = _plan(engine, statement)
    engine.dispose()
    # By the start-date index, or by the live actions' index on (deleted_at, start_date): either
    # way a range of start dates, not every live action.
    assert "start_date>" in plan and "start_date<" in plan, plan


def test_a_nearly_empty_database_keeps_no_counts_that_its_growth_would_outlive(tmp_path: Path) -> None:
    # Counted at a start with 3 actions, SQLite took action_reach for one row and scanned all
    # of it once per action; the monthly sums' rebuild at 100k ran for over 25 minutes.
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    prepare_database(engine, with_demo=False)
    per_action = select(func.count()).select_from(_per_action([]))
    plan = _plan(engine, per_action)
    engine.dispose()
    assert "SEARCH action_reach" in plan, plan


def _plan(engine: Engine, statement: Select[Any]) -> str:
    """SQLite's query plan of `statement`, its lines joined."""
    compiled = statement.compile(engine)
    with engine.connect() as connection:
        return " ".join(
            row[-1]
            for row in connection.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {compiled}",
                tuple(compiled.params[key] for key in compiled.positiontup or ()),
            )
        )
