"""Who is logged in, checked against the database on every run, and the login lock-out.

The login cookie carries only a username and cannot be revoked, so the app asks
`active_user` on every run. Password checks go through `attempt_login`, which keeps a
time-windowed count of failures per username in `LoginAttempt` (the authenticator's own
counter is not time-windowed and is shared by every session).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import LoginAttempt, User, utcnow
from .passwords import hash_password, verify_password
from .permissions import CurrentUser
from .services.audit import record

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_DURATION = timedelta(minutes=15)
# No real username is longer (the column is 60): a longer one is refused before anything is
# stored, so a megabyte username cannot grow the database or break PostgreSQL's column.
MAX_USERNAME_LENGTH = 60

LoginStatus = Literal["ok", "invalid", "locked"]


@dataclass(frozen=True)
class LoginResult:
    """What a login attempt came to; `locked_until` is set when the username is locked."""

    status: LoginStatus
    user: CurrentUser | None = None
    must_change_password: bool = False
    locked_until: datetime | None = None


@cache
def _unknown_user_hash() -> str:
    return hash_password(secrets.token_urlsafe(24))


def normalise_username(username: str) -> str:
    """Usernames are compared trimmed and in lower case everywhere."""
    return username.strip().lower()


def _may_log_in(user: User | None, allow_demo: bool) -> bool:
    return user is not None and user.active and (allow_demo or not user.is_demo)


def _as_current(user: User) -> CurrentUser:
    return CurrentUser(user.id, user.username, user.role, user.department_id, user.display_name)


def _find(session: Session, username: str) -> User | None:
    return session.scalars(select(User).where(User.username == normalise_username(username))).first()


def active_user(session: Session, username: str | None, allow_demo: bool = False) -> CurrentUser | None:
    """The user `username` as services see them, or None when they may not be logged in:
    missing, deactivated, or a demo account outside demo mode."""
    if not username:
        return None
    user = _find(session, username)
    return _as_current(user) if user is not None and _may_log_in(user, allow_demo) else None


def must_change_password(session: Session, username: str) -> bool:
    """True when the user was given a one-time password that they have not yet replaced."""
    user = _find(session, username)
    return bool(user and user.must_change_password)


def credentials(session: Session, allow_demo: bool = False) -> dict[str, Any]:
    """The credentials dict streamlit-authenticator expects, holding only users who may log in."""
    users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.username)).all()
    return {
        "usernames": {
            user.username: {
                "email": user.email,
                "first_name": user.display_name,
                "last_name": "",
                "password": user.password_hash,
                "roles": [user.role],
            }
            for user in users
            if _may_log_in(user, allow_demo)
        }
    }


def locked_until(session: Session, username: str, now: datetime | None = None) -> datetime | None:
    """When the lock on `username` ends, or None when it is not locked at `now`.

    A lock starts at the failure that makes five within fifteen minutes and lasts fifteen
    minutes; a successful login clears the count. Attempts refused during a lock are not
    stored as failures, so waiting out the lock always works.
    """
    now = now or utcnow()
    name = normalise_username(username)
    # A lock that still holds began after now - LOCK_DURATION, from failures no older than
    # FAILURE_WINDOW before that: nothing earlier can matter.
    horizon = now - LOCK_DURATION - FAILURE_WINDOW
    last_success = session.scalar(
        select(LoginAttempt.at)
        .where(LoginAttempt.username == name, LoginAttempt.success.is_(True), LoginAttempt.at > horizon)
        .order_by(LoginAttempt.at.desc())
        .limit(1)
    )
    since = max(horizon, last_success) if last_success else horizon
    failures = session.scalars(
        select(LoginAttempt.at)
        .where(
            LoginAttempt.username == name,
            LoginAttempt.success.is_(False),
            LoginAttempt.at > since,
            LoginAttempt.at <= now,
        )
        .order_by(LoginAttempt.at)
    ).all()
    lock_end: datetime | None = None
    window: list[datetime] = []
    for failed_at in failures:
        window = [at for at in window if failed_at - at < FAILURE_WINDOW] + [failed_at]
        if len(window) >= MAX_FAILURES:
            lock_end = failed_at + LOCK_DURATION
            window = []
    return lock_end if lock_end is not None and lock_end > now else None


def attempt_login(
    session: Session, username: str, password: str, now: datetime | None = None, allow_demo: bool = False
) -> LoginResult:
    """Check a username and password, record the attempt, and lock the username after too
    many failures. Failures and lock-outs are written to the audit log."""
    now = now or utcnow()
    name = normalise_username(username)
    if len(name) > MAX_USERNAME_LENGTH:
        # Same cost as a wrong password, so the refusal says nothing about who exists.
        verify_password(password, _unknown_user_hash())
        return LoginResult("invalid")
    user = _find(session, name)
    user_id = user.id if user else None

    lock_end = locked_until(session, name, now)
    if lock_end is not None:
        _audit_login_event(session, name, user_id, "login_refused_locked", now)
        return LoginResult("locked", locked_until=lock_end)

    # An unknown username still costs one bcrypt check, so timing does not reveal who exists.
    stored_hash = user.password_hash if user is not None else _unknown_user_hash()
    valid = verify_password(password, stored_hash) and _may_log_in(user, allow_demo)
    session.add(LoginAttempt(username=name, at=now, success=valid))
    session.flush()
    if valid and user is not None:
        return LoginResult("ok", user=_as_current(user), must_change_password=user.must_change_password)

    _audit_login_event(session, name, user_id, "login_failed", now)
    lock_end = locked_until(session, name, now)
    if lock_end is not None:
        _audit_login_event(session, name, user_id, "locked_out", now, until=lock_end)
        return LoginResult("locked", locked_until=lock_end)
    return LoginResult("invalid")


def _audit_login_event(
    session: Session,
    username: str,
    user_id: int | None,
    event: str,
    now: datetime,
    until: datetime | None = None,
) -> None:
    # The actor of a failed login is unknown, so no user is credited; the attempted
    # username is kept so the coordinator can see whom the attempts targeted.
    entry = record(
        session,
        None,
        event,
        entity="app_user",
        entity_id=user_id,
        after={"locked_until": until.isoformat()} if until else None,
        bump=False,
    )
    entry.username = username
    entry.at = now
