"""A run reads the accounts once: the authenticator's credentials and the check of the
run's session come from the same statement, and a deactivation still ends the session on
the very next run (that statement is never cached)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Engine, update
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.models import User
from tests.sql_statements import sql_statements

OVERVIEW = "pages/reports/overview.py"


def _reads_accounts(statement: str, _parameters: Any) -> bool:
    return "FROM app_user" in statement


def account_reads() -> AbstractContextManager[list[str]]:
    return sql_statements(keep=_reads_accounts)


def test_a_signed_in_run_reads_the_accounts_once(open_app: Callable[..., AppTest]) -> None:
    at = open_app("koordinaattori", OVERVIEW)
    assert not at.exception
    with account_reads() as seen:
        at.run()
    assert not at.exception
    assert len(seen) == 1


def test_a_deactivation_ends_the_session_on_the_next_run(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("koordinaattori", OVERVIEW)
    assert not at.exception
    with transaction(app_engine) as session:
        session.execute(update(User).where(User.username == "koordinaattori").values(active=False))
    with account_reads() as seen:
        at.run()
    assert len(seen) == 1
    assert not at.session_state["authentication_status"]
