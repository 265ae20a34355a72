"""Test data built the way the app builds it."""

from __future__ import annotations

from sqlalchemy import Engine

from data_model.db import transaction
from data_model.permissions import CurrentUser
from data_model.services import users

TEST_PASSWORD = "Testi-salasana-2025"


def create_user(
    engine: Engine, username: str, role: str, department_code: str | None = None, active: bool = True
) -> CurrentUser:
    """A user made through the user service (so it passes the same rules), returned as the
    services see the acting user. The password is TEST_PASSWORD and is not one-time."""
    with transaction(engine) as session:
        user = users.create_user(
            session,
            users.SYSTEM_ACTOR,
            username,
            role,
            username.capitalize(),
            TEST_PASSWORD,
            department_code=department_code,
            must_change_password=False,
        )
        if not active:
            assert user.id is not None
            users.set_active(session, users.SYSTEM_ACTOR, user.id, False)
        return user


def create_role_users(engine: Engine) -> dict[str, CurrentUser]:
    """One user per role, and a second department head in another department."""
    return {
        "coordinator": create_user(engine, "koordinaattori", "coordinator"),
        "department_head": create_user(engine, "toimialajohtaja", "department_head", "hyvinvointi"),
        "other_department_head": create_user(
            engine, "toimialajohtaja2", "department_head", "kaupunkiymparisto"
        ),
        "council": create_user(engine, "valtuutettu", "council"),
    }
