"""Counting the SQL a piece of code sends: the one listener the tests and the bench share, and
the count of one read as a page's script run sends it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from data_model.db import session_factory
from data_model.run_reads import hand_to, run_reads

T = TypeVar("T")


@contextmanager
def sql_statements(
    target: Engine | type[Engine] = Engine, keep: Callable[[str, Any], bool] | None = None
) -> Iterator[list[str]]:
    """Every SQL statement sent while the block runs, in order: by `target` (one engine, or by
    default every engine in the process), and of those only what `keep(statement, parameters)`
    accepts when it is given. The list grows as the block runs, so it can be read inside it."""
    seen: list[str] = []

    def listener(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if keep is None or keep(statement, parameters):
            seen.append(statement)

    event.listen(target, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(target, "before_cursor_execute", listener)


def statements_of(engine: Engine, read: Callable[[Session], T]) -> tuple[T, list[str]]:
    """What `read(session)` answers and every statement it sends on `engine`, in a fresh session
    handed first what a page's script run reads before its reads (data_model.run_reads: the
    thresholds and the last change), so what is counted is what the read costs a page."""
    with session_factory(engine)() as session:
        hand_to(session, run_reads(session))
        with sql_statements(engine) as sent:
            answer = read(session)
    return answer, sent
