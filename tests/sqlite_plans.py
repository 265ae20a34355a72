"""SQLite's query plans of what a reader sends: the one helper of the tests that check a
statement is answered from an index, not by reading every row."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from data_model.db import session_factory


def sqlite_plans(engine: Engine, read: Callable[[Session], object], containing: str) -> list[str]:
    """EXPLAIN QUERY PLAN of each statement `read(session)` sends whose SQL holds `containing`,
    each plan's steps joined into one line, in the order they were sent."""
    sent: list[tuple[str, object]] = []

    def keep(_conn: object, _cursor: object, statement: str, parameters: object, *_args: object) -> None:
        if containing in statement:
            sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        with session_factory(engine)() as session:
            read(session)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    with engine.connect() as connection:
        return [
            " | ".join(
                row[-1] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            )
            for statement, parameters in sent
        ]
