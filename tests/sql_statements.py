"""Counting the SQL a piece of code sends: the one listener the tests and the bench share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event


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
