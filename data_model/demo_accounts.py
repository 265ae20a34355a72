"""The demo accounts (demo mode only): one per role, and a second department head in another
department, all with the same published password. They are marked `is_demo`, so they
cannot log in outside demo mode and `python -m data_model demo --remove` deletes them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import User
from .services.users import SYSTEM_ACTOR, create_user

DEMO_PASSWORD = "Osallisuus-demo-2025"  # noqa: S105 (published in the README, demo mode only)

# username, role, department code, display name
DEMO_ACCOUNTS: tuple[tuple[str, str, str | None, str], ...] = (
    ("koordinaattori", "coordinator", None, "Demo Koordinaattori"),
    ("toimialajohtaja", "department_head", "hyvinvointi", "Demo Toimialajohtaja (hyvinvointi)"),
    ("toimialajohtaja2", "department_head", "kaupunkiymparisto", "Demo Toimialajohtaja (kaupunkiympäristö)"),
    ("valtuutettu", "council", None, "Demo Valtuutettu"),
)


def ensure_demo_accounts(session: Session) -> None:
    """Create the demo accounts that are missing; a username already taken is left alone."""
    taken = set(session.scalars(select(User.username)))
    for username, role, department, name in DEMO_ACCOUNTS:
        if username in taken:
            continue
        create_user(
            session,
            SYSTEM_ACTOR,
            username,
            role,
            name,
            DEMO_PASSWORD,
            department_code=department,
            must_change_password=False,
            is_demo=True,
        )
