"""A failed login changes no data: the freshness line every page shows and the data version
the caches are keyed by stay as they were, however often someone mistypes a password."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import streamlit as st
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.data_versions import data_versions
from data_model.db import session_factory, transaction
from data_model.i18n import t
from data_model.permissions import CurrentUser
from data_model.services.reports import submit_department_report
from tests.app.test_login import log_in_with_form
from tests.audit_times import move_every_change_to
from tests.unit.action_inputs import department_id

# The last change, moved to a moment no run of the test happens in: a login audited as a data
# change would move the line to now.
LAST_CHANGE = datetime(2026, 12, 2, 23, 30)
LINE = t("app.freshness", when="3.12.2026 klo 01.30")


def _freshness(at: AppTest) -> list[str]:
    return [str(caption.value) for caption in at.caption if str(caption.value) == LINE]


def test_failed_logins_leave_the_freshness_line_and_the_data_version(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    with transaction(app_engine) as session:  # a data change: a department's report
        submit_department_report(
            session,
            role_users["department_head"],
            department_id(session, "hyvinvointi"),
            date(2025, 1, 1),
            date(2025, 6, 30),
            "Kevään kuulemiset toteutuivat suunnitellusti.",
        )
        move_every_change_to(session, LAST_CHANGE)
    with session_factory(app_engine)() as session:
        versions = data_versions(session)
    assert _freshness(open_app("koordinaattori", page="pages/reports/overview.py")) == [LINE]
    guesser = open_app()
    for _ in range(6):  # five failures, then one refused by the lock-out they cause
        log_in_with_form(guesser, "valtuutettu", "väärä-salasana-123")
    assert not guesser.exception
    with session_factory(app_engine)() as session:
        assert data_versions(session) == versions
    st.cache_data.clear()  # read afresh, as a process that cached nothing yet would
    assert _freshness(open_app("koordinaattori", page="pages/reports/overview.py")) == [LINE]
