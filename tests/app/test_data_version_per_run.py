"""Cached reads are keyed by the data version: it is read once per script run, not once per
read, and a write in a run makes that run's later reads see it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event
from streamlit.testing.v1 import AppTest

from data_model.services.audit import DATA_VERSION_KEY

OVERVIEW = "pages/reports/overview.py"


@contextmanager
def version_reads() -> Iterator[list[str]]:
    seen: list[str] = []

    def listener(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if "setting" in statement and DATA_VERSION_KEY in str(parameters):
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", listener)


def test_a_rerun_of_the_overview_reads_the_data_version_once(open_app: Callable[..., AppTest]) -> None:
    at = open_app("koordinaattori", OVERVIEW)
    assert not at.exception
    with version_reads() as seen:
        at.run()
    assert not at.exception
    assert len(seen) == 1
