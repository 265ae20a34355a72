"""Cached reads are keyed by the data version: it is read once per script run, not once per
read, and a write in a run makes that run's later reads see it."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from streamlit.testing.v1 import AppTest

from data_model.data_versions import DATA_VERSION_KEY
from tests.sql_statements import sql_statements

OVERVIEW = "pages/reports/overview.py"


def _reads_the_version(statement: str, parameters: Any) -> bool:
    return "setting" in statement and DATA_VERSION_KEY in str(parameters)


def version_reads() -> AbstractContextManager[list[str]]:
    """The statements that read the data version, sent by any engine while the block runs."""
    return sql_statements(keep=_reads_the_version)


def test_a_rerun_of_the_overview_reads_the_data_version_once(open_app: Callable[..., AppTest]) -> None:
    at = open_app("koordinaattori", OVERVIEW)
    assert not at.exception
    with version_reads() as seen:
        at.run()
    assert not at.exception
    assert len(seen) == 1
