"""Users, the login throttle and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow
from .choices import ROLES, one_of
from .reference import Department


class User(Base):
    """A person who logs in. Department heads belong to one department."""

    __tablename__ = "app_user"
    __table_args__ = (one_of("role", ROLES),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    # department_head | coordinator | council
    role: Mapped[str] = mapped_column(String(20))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Carried in the login cookie and the session; raised by logout, a password change or
    # reset, deactivation and a role change, which ends every session issued before.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # When the current password was set: a one-time password stops working after a while.
    password_set_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    department: Mapped[Department | None] = relationship()


class LoginThrottle(Base):
    """Failed password guesses for one username from one source (a client address, or a
    form such as the password change), counted in a window; `lock_count` makes each new
    lock of the same pair longer. One row per pair, updated in place, so refused guesses
    do not grow the database."""

    __tablename__ = "login_throttle"
    __table_args__ = (UniqueConstraint("username", "source"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60))
    source: Mapped[str] = mapped_column(String(64))
    window_start: Mapped[datetime] = mapped_column(DateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    lock_count: Mapped[int] = mapped_column(Integer, default=0)


# Security events are audited but change no figure: they must not move the data version or
# the freshness line ("Tiedot päivitetty"), or every mistyped password recomputes every cache.
SECURITY_EVENTS = ("login_failed", "login_refused_locked", "locked_out")


class AuditEntry(Base):
    """Who did what and when, with the values before and after."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(60), default="")
    # create | update | delete | restore | import | login_failed | locked_out | …
    event: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str] = mapped_column(String(60), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
