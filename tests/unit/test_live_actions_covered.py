"""The readers that group every live action up to a day by opportunity or department read
the covering index, not every action's row (at 100,000 actions the catalogue's use, the
duties' evidence and the unused opportunities took 0.3–0.4 s each from the rows, about half
from the index)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, event

from data_model.db import session_factory
from data_model.metrics.catalogue import catalogue_usage
from data_model.metrics.coverage import unused_opportunities
from data_model.metrics.filters import MetricFilters
from tests.factories import READER

TODAY = date(2026, 12, 7)


def _plans(engine: Engine, read: object) -> list[str]:
    sent: list[tuple[str, object]] = []

    def keep(_conn: object, _cursor: object, statement: str, parameters: object, *_args: object) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        with session_factory(engine)() as session:
            read(session)  # type: ignore[operator]
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    plans = []
    with engine.connect() as connection:
        for statement, parameters in sent:
            if "max(action.start_date)" in statement:
                rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
                plans.append(" ".join(row[-1] for row in rows))
    return plans


def test_the_unused_opportunities_and_the_catalogue_read_the_covering_index(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        # PostgreSQL's planner picks by the table's size; SQLite's plan shows the rule.
        return
    plans = _plans(engine, lambda session: unused_opportunities(session, READER, MetricFilters(), TODAY))
    plans += _plans(engine, lambda session: catalogue_usage(session, READER, TODAY))
    assert len(plans) >= 2, plans
    for plan in plans:
        assert "COVERING INDEX ix_action_live_by_date_covered" in plan, plan
