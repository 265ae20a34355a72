"""The lock-out for password guesses: counted per username *and* source, so an attacker's
guesses lock the attacker's source, not the account's owner elsewhere.

A guess first takes a slot with one conditional UPDATE of the pair's single row; when the
window already holds MAX_FAILURES guesses, or the pair is locked, the UPDATE matches
nothing and the guess is refused without checking the password or writing anything. The
database serialises that UPDATE (a row lock on PostgreSQL, the write lock on SQLite), so
parallel guesses cannot all pass a check made before any of them was counted. A right
password gives its slot back; the guess that fills the window locks the pair, for
LOCK_DURATION doubled with each lock since the last success, up to MAX_LOCK.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .models import LoginThrottle

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_DURATION = timedelta(minutes=15)
MAX_LOCK = timedelta(hours=24)
# The column's length; an address is at most 45 characters.
MAX_SOURCE_LENGTH = 64


def bounded_source(source: str | None) -> str:
    """The source as stored: never empty, never longer than the column."""
    return (source or "").strip()[:MAX_SOURCE_LENGTH] or "unknown"


def _ensure_row(session: Session, username: str, source: str, now: datetime) -> None:
    values = {
        "username": username,
        "source": source,
        "window_start": now,
        "failures": 0,
        "locked_until": None,
        "lock_count": 0,
    }
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(insert(LoginThrottle).values(**values).on_conflict_do_nothing())


def _pair(username: str, source: str) -> ColumnElement[bool]:
    return and_(LoginThrottle.username == username, LoginThrottle.source == source)


def _row(username: str, source: str) -> Select[Any]:
    # Fresh from the database: the UPDATEs here bypass the session's copies.
    return select(LoginThrottle).where(_pair(username, source)).execution_options(populate_existing=True)


def take_guess(session: Session, username: str, source: str, now: datetime) -> datetime | None:
    """Count one guess for (`username`, `source`) before its password is checked. None when
    the guess may go ahead; otherwise when the pair may guess again (nothing is written)."""
    source = bounded_source(source)
    _ensure_row(session, username, source, now)
    window_open = LoginThrottle.window_start > now - FAILURE_WINDOW
    # Backoff is forgotten a day after the last lock ended.
    lock_forgotten = LoginThrottle.locked_until < now - MAX_LOCK
    taken = session.execute(
        update(LoginThrottle)
        .where(
            _pair(username, source),
            or_(LoginThrottle.locked_until.is_(None), LoginThrottle.locked_until <= now),
            or_(~window_open, LoginThrottle.failures < MAX_FAILURES),
        )
        .values(
            failures=case((window_open, LoginThrottle.failures + 1), else_=1),
            window_start=case((window_open, LoginThrottle.window_start), else_=now),
            lock_count=case((lock_forgotten, 0), else_=LoginThrottle.lock_count),
        )
        .execution_options(synchronize_session=False)
    )
    if getattr(taken, "rowcount", 0) == 1:
        return None
    row: LoginThrottle = session.scalars(_row(username, source)).one()
    if row.locked_until is not None and row.locked_until > now:
        return row.locked_until
    return row.window_start + FAILURE_WINDOW


def guess_failed(session: Session, username: str, source: str, now: datetime) -> datetime | None:
    """After a wrong password: lock the pair when its window is full; the lock's end, or None."""
    source = bounded_source(source)
    row: LoginThrottle = session.scalars(_row(username, source)).one()
    if row.failures < MAX_FAILURES:
        return None
    lock_end = now + min(LOCK_DURATION * (1 << min(row.lock_count, 16)), MAX_LOCK)
    row.locked_until, row.lock_count = lock_end, row.lock_count + 1
    row.failures, row.window_start = 0, now
    session.flush()
    return lock_end


def guess_succeeded(session: Session, username: str, source: str) -> None:
    """A right password: the pair starts afresh (no failures, no backoff)."""
    session.execute(
        update(LoginThrottle)
        .where(_pair(username, bounded_source(source)))
        .values(failures=0, lock_count=0, locked_until=None)
        .execution_options(synchronize_session=False)
    )


def locked_until(session: Session, username: str, source: str, now: datetime) -> datetime | None:
    """When the lock on (`username`, `source`) ends, or None when it is not locked at `now`."""
    row: LoginThrottle | None = session.scalars(_row(username, bounded_source(source))).first()
    until = row.locked_until if row is not None else None
    return until if until is not None and until > now else None
