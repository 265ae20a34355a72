"""The login lock-out: five failures for one username from one source within fifteen minutes
lock that pair for fifteen minutes, even for the right password; failures and lock-outs are
audited, refusals during a lock are not. The clock is passed in, so nothing sleeps."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from data_model.auth import active_user, attempt_login, locked_until, login_accounts
from data_model.db import transaction
from data_model.models import AuditEntry, LoginThrottle
from tests.factories import TEST_PASSWORD, create_user

T0 = datetime(2026, 3, 2, 9, 0)
WRONG = "väärä-salasana-123"


def _fail(session: Session, username: str, times: int, start: datetime, step: timedelta) -> None:
    for number in range(times):
        result = attempt_login(session, username, WRONG, now=start + number * step)
        assert result.status in ("invalid", "locked")


def _events(session: Session, username: str) -> list[str]:
    return list(
        session.scalars(
            select(AuditEntry.event).where(AuditEntry.username == username).order_by(AuditEntry.id)
        )
    )


def test_right_password_logs_in_and_wrong_one_does_not(engine: Engine, session: Session) -> None:
    create_user(engine, "valtuutettu", "council")
    assert attempt_login(session, "valtuutettu", WRONG, now=T0).status == "invalid"
    result = attempt_login(session, " Valtuutettu", TEST_PASSWORD, now=T0)
    assert result.status == "ok"
    assert result.user is not None and result.user.username == "valtuutettu"
    assert session.scalar(select(LoginThrottle.failures).where(LoginThrottle.username == "valtuutettu")) == 0


def test_five_failures_lock_then_fifteen_minutes_unlock(engine: Engine, session: Session) -> None:
    create_user(engine, "valtuutettu", "council")
    _fail(session, "valtuutettu", 4, T0, timedelta(minutes=2))
    assert locked_until(session, "valtuutettu", "unknown", T0 + timedelta(minutes=7)) is None
    fifth = T0 + timedelta(minutes=8)
    result = attempt_login(session, "valtuutettu", WRONG, now=fifth)
    assert result.status == "locked"
    assert result.locked_until == fifth + timedelta(minutes=15)

    refused = attempt_login(session, "valtuutettu", TEST_PASSWORD, now=fifth + timedelta(minutes=1))
    assert refused.status == "locked" and refused.user is None
    still = attempt_login(
        session, "valtuutettu", TEST_PASSWORD, now=fifth + timedelta(minutes=14, seconds=59)
    )
    assert still.status == "locked"

    after = attempt_login(session, "valtuutettu", TEST_PASSWORD, now=fifth + timedelta(minutes=15, seconds=1))
    assert after.status == "ok"
    # Refusals during the lock are not audited (they would let anyone grow the database).
    assert _events(session, "valtuutettu") == [*["login_failed"] * 5, "locked_out"]
    locked = session.scalars(select(AuditEntry).where(AuditEntry.event == "locked_out")).one()
    assert locked.after == {"locked_until": (fifth + timedelta(minutes=15)).isoformat(), "source": "unknown"}
    assert locked.user_id is None


def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(engine: Engine, session: Session) -> None:
    create_user(engine, "valtuutettu", "council")
    _fail(session, "valtuutettu", 8, T0, timedelta(minutes=4))
    assert locked_until(session, "valtuutettu", "unknown", T0 + timedelta(minutes=29)) is None
    assert attempt_login(session, "valtuutettu", TEST_PASSWORD, now=T0 + timedelta(minutes=30)).status == "ok"


def test_a_success_clears_the_count(engine: Engine, session: Session) -> None:
    create_user(engine, "valtuutettu", "council")
    _fail(session, "valtuutettu", 4, T0, timedelta(minutes=1))
    assert attempt_login(session, "valtuutettu", TEST_PASSWORD, now=T0 + timedelta(minutes=5)).status == "ok"
    _fail(session, "valtuutettu", 4, T0 + timedelta(minutes=6), timedelta(minutes=1))
    assert locked_until(session, "valtuutettu", "unknown", T0 + timedelta(minutes=10)) is None


def test_lock_is_per_username_and_unknown_names_lock_too(engine: Engine, session: Session) -> None:
    create_user(engine, "valtuutettu", "council")
    create_user(engine, "koordinaattori", "coordinator")
    _fail(session, "valtuutettu", 5, T0, timedelta(seconds=30))
    assert (
        attempt_login(session, "koordinaattori", TEST_PASSWORD, now=T0 + timedelta(minutes=3)).status == "ok"
    )
    _fail(session, "eiole", 5, T0, timedelta(seconds=30))
    assert locked_until(session, "eiole", "unknown", T0 + timedelta(minutes=3)) is not None
    assert "locked_out" in _events(session, "eiole")


def test_deactivated_and_demo_users_cannot_log_in(engine: Engine, session: Session) -> None:
    create_user(engine, "entinen", "council", active=False)
    demo = create_user(engine, "demokayttaja", "council")
    with transaction(engine) as writing:
        from data_model.models import User

        user = writing.get(User, demo.id)
        assert user is not None
        user.is_demo = True
    assert attempt_login(session, "entinen", TEST_PASSWORD, now=T0).status == "invalid"
    assert active_user(session, "entinen") is None
    assert "entinen" not in login_accounts(session).credentials()["usernames"]
    # A demo account works only in demo mode.
    assert attempt_login(session, "demokayttaja", TEST_PASSWORD, now=T0).status == "invalid"
    assert active_user(session, "demokayttaja") is None
    assert "demokayttaja" not in login_accounts(session).credentials()["usernames"]
    assert attempt_login(session, "demokayttaja", TEST_PASSWORD, now=T0, allow_demo=True).status == "ok"
    assert active_user(session, "demokayttaja", allow_demo=True) == demo
    assert login_accounts(session, allow_demo=True).credentials()["usernames"]["demokayttaja"]["roles"] == [
        "council"
    ]
