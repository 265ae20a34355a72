"""Who is logged in, checked against the database on every run; the password check with
its lock-out; ending sessions.

Every session (and its login cookie) carries the user's `session_version`: `LoginAccounts.session_check`
honours it only while it equals the one stored, so raising the stored one (logout, a
password change or reset, deactivation, a role change) ends every session issued before,
in every tab and browser, on its next run. Password checks go through `attempt_login`,
which counts guesses per username and source in `login_throttle` (the authenticator's own
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

from . import login_throttle
from .models import User, utcnow
from .passwords import hash_password, verify_password
from .permissions import CurrentUser
from .services.audit import record

# No real username is longer (the column is 60): a longer one is refused before anything is
# stored, so a megabyte username cannot grow the database or break PostgreSQL's column.
MAX_USERNAME_LENGTH = 60
# A one-time password given by the coordinator works this long, then a new one is needed.
ONE_TIME_PASSWORD_LIFETIME = timedelta(days=7)
# The throttle's source for guesses at the password-change form (per user, any address).
PASSWORD_CHANGE_SOURCE = "password-change"  # noqa: S105 (a source name, not a password)

LoginStatus = Literal["ok", "invalid", "locked", "expired"]
SessionRefusal = Literal["inactive", "ended"]


@dataclass(frozen=True)
class LoginResult:
    """What a login attempt came to; `locked_until` is set when the username is locked for
    this source, `session_version` when the login succeeded."""

    status: LoginStatus
    user: CurrentUser | None = None
    must_change_password: bool = False
    locked_until: datetime | None = None
    session_version: int = 0


@dataclass(frozen=True)
class SessionCheck:
    """A session checked against the database: the user, or why the session has ended."""

    user: CurrentUser | None
    must_change_password: bool = False
    refusal: SessionRefusal | None = None


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


def one_time_password_expired(user: User, now: datetime | None = None) -> bool:
    """True when `user` still has a one-time password and it is older than its lifetime."""
    return (
        user.must_change_password and user.password_set_at <= (now or utcnow()) - ONE_TIME_PASSWORD_LIFETIME
    )


def revoke_sessions(user: User) -> None:
    """End every session of `user`: their cookies and open tabs stop working on the next run.
    Called in the caller's transaction by whatever changed the user."""
    user.session_version = (user.session_version or 0) + 1


def active_user(session: Session, username: str | None, allow_demo: bool = False) -> CurrentUser | None:
    """The user `username` as services see them, or None when they may not be logged in:
    missing, deactivated, or a demo account outside demo mode."""
    if not username:
        return None
    user = _find(session, username)
    return _as_current(user) if user is not None and _may_log_in(user, allow_demo) else None


def log_out(session: Session, username: str, session_version: object) -> None:
    """End the session at `session_version` and with it every other session of the user
    (other tabs, other browsers); a session already ended changes nothing."""
    user = _find(session, username)
    if user is not None and user.session_version == session_version:
        revoke_sessions(user)
        session.flush()


def must_change_password(session: Session, username: str) -> bool:
    """True when the user was given a one-time password that they have not yet replaced."""
    user = _find(session, username)
    return bool(user and user.must_change_password)


@dataclass(frozen=True)
class Account:
    """What the login needs of one account that may log in."""

    user: CurrentUser
    email: str
    password_hash: str
    session_version: int
    must_change_password: bool


def _account(user: User) -> Account:
    return Account(
        _as_current(user), user.email, user.password_hash, user.session_version, user.must_change_password
    )


def _session_check(account: Account | None, session_version: object) -> SessionCheck:
    if account is None:
        return SessionCheck(None, refusal="inactive")
    if not isinstance(session_version, int) or session_version != account.session_version:
        return SessionCheck(None, refusal="ended")
    return SessionCheck(account.user, must_change_password=account.must_change_password)


@dataclass(frozen=True)
class LoginAccounts:
    """The accounts that may log in, as read at the start of a run: the authenticator's
    credentials and the check of the run's session both come from this one read, so a
    deactivation or a raised session version takes effect on the next run, as before."""

    by_username: dict[str, Account]

    def credentials(self) -> dict[str, Any]:
        """The credentials dict streamlit-authenticator expects."""
        return {
            "usernames": {
                username: {
                    "email": account.email,
                    "first_name": account.user.display_name,
                    "last_name": "",
                    "password": account.password_hash,
                    "roles": [account.user.role],
                }
                for username, account in self.by_username.items()
            }
        }

    def session_check(self, username: str | None, session_version: object) -> SessionCheck:
        """Check a session on every run: the user when they may still log in and the session's
        version is current; otherwise why not ("inactive": missing, deactivated or a demo
        account outside demo mode; "ended": logged out or changed elsewhere)."""
        account = self.by_username.get(normalise_username(username)) if username else None
        return _session_check(account, session_version)


def login_accounts(session: Session, allow_demo: bool = False) -> LoginAccounts:
    """Every account that may log in (active, and a demo account only in demo mode), in one
    statement: read once per run, never cached."""
    users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.username)).all()
    return LoginAccounts({user.username: _account(user) for user in users if _may_log_in(user, allow_demo)})


def locked_until(
    session: Session, username: str, source: str, now: datetime | None = None
) -> datetime | None:
    """When the lock on `username` for guesses from `source` ends, or None when not locked."""
    return login_throttle.locked_until(session, normalise_username(username), source, now or utcnow())


def check_password_guess(
    session: Session, user: User, password: str, source: str, now: datetime | None = None
) -> datetime | bool | None:
    """One guess at `user`'s password under the lock-out rule: True when right, False when
    wrong, or the lock's end (a datetime) when the guess was refused or locked the pair.
    Failures and lock-outs are audited; refused guesses write nothing."""
    now = now or utcnow()
    lock_end = login_throttle.take_guess(session, user.username, source, now)
    if lock_end is not None:
        return lock_end
    if verify_password(password, user.password_hash):
        login_throttle.guess_succeeded(session, user.username, source)
        return True
    return _count_failure(session, user.username, user.id, source, now) or False


def _count_failure(
    session: Session, name: str, user_id: int | None, source: str, now: datetime
) -> datetime | None:
    _audit_login_event(session, name, user_id, "login_failed", now, source)
    lock_end = login_throttle.guess_failed(session, name, source, now)
    if lock_end is not None:
        _audit_login_event(session, name, user_id, "locked_out", now, source, until=lock_end)
    return lock_end


def attempt_login(
    session: Session,
    username: str,
    password: str,
    now: datetime | None = None,
    allow_demo: bool = False,
    source: str = "unknown",
) -> LoginResult:
    """Check a username and password coming from `source` (the client's address), and lock
    the pair after too many failures. Failures and lock-outs are written to the audit log;
    guesses refused during a lock write nothing at all."""
    now = now or utcnow()
    name = normalise_username(username)
    if len(name) > MAX_USERNAME_LENGTH:
        # Same cost as a wrong password, so the refusal says nothing about who exists.
        verify_password(password, _unknown_user_hash())
        return LoginResult("invalid")
    lock_end = login_throttle.take_guess(session, name, source, now)
    if lock_end is not None:
        return LoginResult("locked", locked_until=lock_end)

    user = _find(session, name)
    # An unknown username still costs one bcrypt check, so timing does not reveal who exists.
    stored_hash = user.password_hash if user is not None else _unknown_user_hash()
    valid = verify_password(password, stored_hash) and _may_log_in(user, allow_demo)
    if valid and user is not None:
        login_throttle.guess_succeeded(session, name, source)
        if one_time_password_expired(user, now):
            return LoginResult("expired")
        return LoginResult(
            "ok",
            user=_as_current(user),
            must_change_password=user.must_change_password,
            session_version=user.session_version,
        )
    lock_end = _count_failure(session, name, user.id if user else None, source, now)
    if lock_end is not None:
        return LoginResult("locked", locked_until=lock_end)
    return LoginResult("invalid")


def _audit_login_event(
    session: Session,
    username: str,
    user_id: int | None,
    event: str,
    now: datetime,
    source: str,
    until: datetime | None = None,
) -> None:
    # The actor of a failed login is unknown, so no user is credited; the attempted
    # username is kept so the coordinator can see whom the attempts targeted, and from where.
    after: dict[str, str] = {"source": login_throttle.bounded_source(source)}
    if until:
        after["locked_until"] = until.isoformat()
    entry = record(session, None, event, entity="app_user", entity_id=user_id, after=after, bump=False)
    entry.username = username
    entry.at = now
