"""Test data built the way the app builds it."""

from __future__ import annotations

from sqlalchemy import Engine, select

from data_model.db import transaction
from data_model.models import Department, User
from data_model.passwords import hash_password
from data_model.permissions import CurrentUser

TEST_PASSWORD = "Testi-salasana-2025"


def create_user(
    engine: Engine, username: str, role: str, department_code: str | None = None, active: bool = True
) -> CurrentUser:
    """A user in the database, returned as the services see the acting user."""
    with transaction(engine) as session:
        department_id = None
        if department_code:
            department_id = session.scalars(
                select(Department.id).where(Department.code == department_code)
            ).one()
        user = User(
            username=username,
            display_name=username.capitalize(),
            password_hash=hash_password(TEST_PASSWORD),
            role=role,
            department_id=department_id,
            active=active,
        )
        session.add(user)
        session.flush()
        return CurrentUser(user.id, username, role, department_id, user.display_name)


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


# Any signed-in user may read the summaries; a council member is the least privileged one.
READER = CurrentUser(None, "lukija", "council", None, "Lukija")
# The programme editor's lists are the coordinator's.
EDITOR = CurrentUser(None, "toimittaja", "coordinator", None, "Toimittaja")
