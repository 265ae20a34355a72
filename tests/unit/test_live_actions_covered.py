"""The readers that group every live action up to a day by opportunity or department read
the covering index, not every action's row (at 100,000 actions the catalogue's use, the
duties' evidence and the unused opportunities took 0.3–0.4 s each from the rows, about half
from the index); the catalogue's use and the duties' evidence now read only the days outside
whole months from it, by ranges of start dates (test_opportunity_use.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from data_model.metrics.coverage import unused_opportunities
from data_model.metrics.filters import MetricFilters
from tests.factories import READER
from tests.sqlite_plans import sqlite_plans

TODAY = date(2026, 12, 7)
MAX_START = "max(action.start_date)"  # the statements that group the live actions


def test_the_unused_opportunities_read_the_covering_index(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        # PostgreSQL's planner picks by the table's size; SQLite's plan shows the rule.
        return
    plans = sqlite_plans(
        engine, lambda session: unused_opportunities(session, READER, MetricFilters(), TODAY), MAX_START
    )
    assert plans, "the unused opportunities group the live actions"
    for plan in plans:
        assert "COVERING INDEX ix_action_live_by_date_covered" in plan, plan
