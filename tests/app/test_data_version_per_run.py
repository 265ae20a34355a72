"""Cached reads are keyed by the data version: it is read once per script run, not once per
read, and a write in a run makes that run's later reads see it."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import streamlit as st
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from data_model import clock
from data_model.data_versions import DATA_VERSION_KEY
from data_model.db import transaction
from data_model.models import AuditEntry
from data_model.services.audit import record
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


def _reads_settings(statement: str, _parameters: Any) -> bool:
    return "FROM setting" in statement


def test_a_cold_render_reads_the_settings_table_once(open_app: Callable[..., AppTest]) -> None:
    # The thresholds come with the data versions: no figure reads them again (they were a
    # statement of their own in every cold render that applies them).
    at = open_app("koordinaattori", OVERVIEW)
    assert not at.exception
    st.cache_data.clear()
    with sql_statements(keep=_reads_settings) as seen:
        at.run()
    assert not at.exception
    assert len(seen) == 1


def _reads_the_audit_log(statement: str, _parameters: Any) -> bool:
    return "FROM audit_entry" in statement


def test_a_cold_render_shows_the_last_change_without_reading_the_audit_log(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    with transaction(app_engine) as session:
        record(session, None, "update", entity="department")
        changed = session.scalar(select(func.max(AuditEntry.at)))
    assert changed is not None
    at = open_app("koordinaattori", OVERVIEW)
    st.cache_data.clear()
    with sql_statements(keep=_reads_the_audit_log) as seen:
        at.run()
    assert not at.exception
    assert seen == []
    assert any(clock.fmt_stored(changed) in str(caption.value) for caption in at.caption)
