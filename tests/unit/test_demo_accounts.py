"""Demo accounts exist only when the demo is loaded, once, and log in only in demo mode."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from data_model.auth import attempt_login
from data_model.bootstrap import prepare_database
from data_model.db import session_factory
from data_model.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from data_model.models import Department, User


def _users(engine: Engine) -> dict[str, tuple[str, str | None, bool]]:
    with session_factory(engine)() as session:
        rows = session.execute(
            select(User.username, User.role, Department.code, User.is_demo).outerjoin(
                Department, User.department_id == Department.id
            )
        ).all()
    return {username: (role, code, is_demo) for username, role, code, is_demo in rows}


def test_no_demo_accounts_without_the_demo(engine: Engine) -> None:
    prepare_database(engine, with_demo=False)
    assert _users(engine) == {}


def test_demo_accounts_are_made_once_and_log_in_only_in_demo_mode(engine: Engine) -> None:
    prepare_database(engine, with_demo=True)
    prepare_database(engine, with_demo=True)
    assert _users(engine) == {
        "koordinaattori": ("coordinator", None, True),
        "toimialajohtaja": ("department_head", "hyvinvointi", True),
        "toimialajohtaja2": ("department_head", "kaupunkiymparisto", True),
        "valtuutettu": ("council", None, True),
    }
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count()).select_from(User)) == len(DEMO_ACCOUNTS)
        for username, *_ in DEMO_ACCOUNTS:
            assert attempt_login(session, username, DEMO_PASSWORD, allow_demo=True).status == "ok"
            assert attempt_login(session, username, DEMO_PASSWORD, allow_demo=False).status == "invalid"
