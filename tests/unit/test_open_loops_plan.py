"""The feedback loop asks each action of the period whether it is a planning or a decision
one (a look-up by its key), not for a list of every such action: at 100,000 actions the list
was 75,000 ids, built for each read of a quarter's open loops (0.12 s against 0.007 s)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, event

from data_model.db import session_factory
from data_model.metrics.feedback import feedback_loop
from data_model.metrics.filters import MetricFilters
from tests.factories import READER


def test_the_open_loops_look_up_each_actions_forms(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        # PostgreSQL plans IN and EXISTS alike (a semi-join); SQLite's plan shows the rule.
        return
    sent: list[tuple[str, object]] = []

    def keep(_conn: object, _cursor: object, statement: str, parameters: object, *_args: object) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        with session_factory(engine)() as session:
            feedback_loop(
                session,
                READER,
                MetricFilters(start=date(2025, 1, 1), end=date(2025, 3, 31)),
                date(2025, 6, 1),
            )
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    loops = [item for item in sent if "action_form" in item[0]]
    assert loops, sent
    with engine.connect() as connection:
        for statement, parameters in loops:
            plan = " ".join(
                row[-1] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            )
            assert "LIST SUBQUERY" not in plan, plan
