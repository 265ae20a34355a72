"""User accounts: the coordinator creates, edits, deactivates and reactivates users and sets
one-time passwords; every user changes their own password. Every change is audited, never
with a password or its hash."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth import PASSWORD_CHANGE_SOURCE, check_password_guess, normalise_username, revoke_sessions
from ..clock import fmt_stored
from ..i18n import Message, Named, msg
from ..models import ROLES, Department, User, utcnow
from ..passwords import hash_password, password_problem
from ..permissions import COORDINATOR, DEPARTMENT_HEAD, CurrentUser, PermissionDenied, require, require_read
from ..text_safety import clean_text
from ..validation import ValidationError, check_email
from .audit import changed, record, values_of

# The actor for accounts made from the command line or by the demo loader: whoever runs
# those already holds the database, so there is no logged-in user to credit.
SYSTEM_ACTOR = CurrentUser(None, "järjestelmä", COORDINATOR, None, "Järjestelmä")

ENTITY = "app_user"
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,59}$")
PERSON_TEXT_MAX = 200  # the columns' length


def _person(display_name: str, email: str, errors: dict[str, Message]) -> tuple[str, str]:
    """A user's name and e-mail cleaned and checked; messages go into `errors`."""
    name = clean_text(str(display_name or "")).strip()
    address, problem = check_email(email)
    if problem:
        errors["email"] = problem
    if not name:
        errors["display_name"] = msg("users.error.name_missing")
    elif len(name) > PERSON_TEXT_MAX:
        errors["display_name"] = msg("users.error.name_too_long", maximum=PERSON_TEXT_MAX)
    return name, address


@dataclass(frozen=True)
class UserRow:
    """One user as the user list shows them (never the password hash)."""

    id: int
    username: str
    display_name: str
    email: str
    role: str
    department_code: str | None
    department_name: str | None
    active: bool
    must_change_password: bool
    is_demo: bool
    created_at: datetime


def list_users(session: Session, actor: CurrentUser | None) -> list[UserRow]:
    """Every user, active first, by username; only the coordinator may read them (e-mails)."""
    require_read(actor, "users.read")
    rows = session.execute(
        select(User, Department.code, Department.name_fi)
        .outerjoin(Department, User.department_id == Department.id)
        .order_by(User.active.desc(), User.username)
    ).all()
    return [
        UserRow(
            user.id,
            user.username,
            user.display_name,
            user.email,
            user.role,
            code,
            name,
            user.active,
            user.must_change_password,
            user.is_demo,
            user.created_at,
        )
        for user, code, name in rows
    ]


def department_choices(session: Session, actor: CurrentUser | None) -> list[tuple[str, str]]:
    """(code, Finnish name) of the active departments a user can belong to, for the user
    editor (the coordinator's)."""
    require_read(actor, "users.read")
    rows = session.execute(
        select(Department.code, Department.name_fi)
        .where(Department.active.is_(True))
        .order_by(Department.sort_order, Department.name_fi)
    ).all()
    return [(code, name) for code, name in rows]


# What the audit log keeps of a user: never the password or its hash.
AUDITED = (
    "username",
    "display_name",
    "email",
    "role",
    "department_id",
    "active",
    "must_change_password",
    "is_demo",
)


def _snapshot(user: User) -> dict[str, Any]:
    return values_of(user, AUDITED)


def _department_id(
    session: Session, role: str, department_code: str | None, errors: dict[str, Message]
) -> int | None:
    if role not in ROLES:
        errors["role"] = msg("users.error.unknown_role")
        return None
    if not department_code:
        if role == DEPARTMENT_HEAD:
            errors["department"] = msg("users.error.department_required")
        return None
    department_id = session.scalar(select(Department.id).where(Department.code == department_code))
    if department_id is None:
        errors["department"] = msg("users.error.unknown_department")
    return department_id


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise ValidationError.one("user", "users.error.not_found")
    return user


def create_user(
    session: Session,
    actor: CurrentUser,
    username: str,
    role: str,
    display_name: str,
    password: str,
    department_code: str | None = None,
    email: str = "",
    must_change_password: bool = True,
    is_demo: bool = False,
) -> CurrentUser:
    """Create a user; by default the password is one-time and must be changed at first login."""
    require(actor, "users.manage")
    name = normalise_username(username)
    errors: dict[str, Message] = {}
    if not USERNAME_PATTERN.match(name):
        errors["username"] = msg("users.error.username_format")
    elif session.scalar(select(User.id).where(User.username == name)) is not None:
        errors["username"] = msg("users.error.username_taken")
    display_name, email = _person(display_name, email, errors)
    department_id = _department_id(session, role, department_code, errors)
    problem = password_problem(password, name, is_demo=is_demo)
    if problem:
        errors["password"] = problem
    if errors:
        raise ValidationError(errors)
    user = User(
        username=name,
        display_name=display_name,
        email=email,
        password_hash=hash_password(password),
        role=role,
        department_id=department_id,
        active=True,
        must_change_password=must_change_password,
        is_demo=is_demo,
    )
    session.add(user)
    session.flush()
    record(session, actor, "create", ENTITY, user.id, after=_snapshot(user))
    return CurrentUser(user.id, user.username, user.role, user.department_id, user.display_name)


def update_user(
    session: Session,
    actor: CurrentUser,
    user_id: int,
    role: str,
    display_name: str,
    department_code: str | None = None,
    email: str = "",
) -> None:
    """Change a user's role, department, name or email."""
    require(actor, "users.manage")
    user = _user(session, user_id)
    errors: dict[str, Message] = {}
    display_name, email = _person(display_name, email, errors)
    department_id = _department_id(session, role, department_code, errors)
    if user.id == actor.id and role != user.role:
        errors["role"] = msg("users.error.own_role")
    if errors:
        raise ValidationError(errors)
    with changed(session, actor, "update", ENTITY, user, _snapshot):
        if (role, department_id) != (user.role, user.department_id):
            # What the user may see changes: sessions opened under the old role end.
            revoke_sessions(user)
        user.role, user.department_id = role, department_id
        user.display_name, user.email = display_name, email


def set_active(session: Session, actor: CurrentUser, user_id: int, active: bool) -> None:
    """Deactivate (locks the user out at once, cookie or not) or reactivate a user."""
    require(actor, "users.manage")
    user = _user(session, user_id)
    if user.id == actor.id and not active:
        raise ValidationError.one("active", "users.error.own_deactivation")
    if user.active == active:
        return
    with changed(session, actor, "restore" if active else "deactivate", ENTITY, user, _snapshot):
        user.active = active
        revoke_sessions(user)


def set_one_time_password(session: Session, actor: CurrentUser, user_id: int, password: str) -> None:
    """Give a user a password they must change at their next login."""
    require(actor, "users.manage")
    user = _user(session, user_id)
    problem = password_problem(password, user.username)
    if problem:
        raise ValidationError({"password": problem})
    with changed(session, actor, "password_reset", ENTITY, user, _snapshot):
        user.password_hash = hash_password(password)
        user.must_change_password = True
        user.password_set_at = utcnow()
        # Whoever knew the old password (or holds a cookie made with it) is out.
        revoke_sessions(user)


@dataclass(frozen=True)
class PasswordChange:
    """What a password change came to: the messages by field when refused; otherwise the
    new session version, for the session that made the change to carry on with."""

    errors: dict[str, Message]
    session_version: int | None = None


def change_own_password(
    session: Session, actor: CurrentUser, current_password: str, new_password: str
) -> PasswordChange:
    """The logged-in user replaces their password; clears a one-time password's mark and
    ends every other session of the user. Guesses of the current password are limited like
    logins (per user, from any address). A refusal is returned rather than raised: the
    caller's transaction must commit the counted guess, or the limit would never hold."""
    user = session.get(User, actor.id) if actor.id is not None else None
    if user is None or not user.active or user.username != actor.username:
        raise PermissionDenied(msg("permission.denied"))
    errors: dict[str, Message] = {}
    guess = check_password_guess(session, user, current_password, PASSWORD_CHANGE_SOURCE)
    if isinstance(guess, datetime):
        until = Named(fmt_stored(guess, lang="fi"), fmt_stored(guess, lang="en"))
        errors["current_password"] = msg("users.error.too_many_guesses", until=until)
    elif not guess:
        errors["current_password"] = msg("users.error.wrong_password")
    problem = password_problem(new_password, user.username)
    if problem:
        errors["new_password"] = problem
    elif new_password == current_password:
        errors["new_password"] = msg("users.error.same_password")
    if errors:
        return PasswordChange(errors)
    with changed(session, actor, "password_change", ENTITY, user, _snapshot):
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        user.password_set_at = utcnow()
        revoke_sessions(user)
    return PasswordChange({}, user.session_version)
