"""Who may do what, in one table. Services call `require`; pages use `pages_for` only to
decide what to show, never as the only guard."""

from __future__ import annotations

from dataclasses import dataclass

COORDINATOR = "coordinator"
DEPARTMENT_HEAD = "department_head"
COUNCIL = "council"

ANY = "any"  # every department
OWN = "own"  # only the user's own department

# permission -> role -> scope
PERMISSIONS: dict[str, dict[str, str]] = {
    "action.write": {COORDINATOR: ANY, DEPARTMENT_HEAD: OWN},
    "report.write": {COORDINATOR: ANY, DEPARTMENT_HEAD: OWN},
    "programme.write": {COORDINATOR: ANY},  # catalogue, SWOT, steps, channels, duties
    "reference.write": {COORDINATOR: ANY},  # departments, areas, groups, population, settings
    "users.manage": {COORDINATOR: ANY},
    "audit.read": {COORDINATOR: ANY},
}

# page key -> roles that get the page in their navigation
PAGES: dict[str, tuple[str, ...]] = {
    "overview": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "reach": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "council": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "swot": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "catalogue": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "steps": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "channels": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "responsibilities": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "log_action": (COORDINATOR, DEPARTMENT_HEAD),
    "actions": (COORDINATOR, DEPARTMENT_HEAD),
    "import_actions": (COORDINATOR, DEPARTMENT_HEAD),
    "reports": (COORDINATOR, DEPARTMENT_HEAD),
    "programme_admin": (COORDINATOR,),
    "users": (COORDINATOR,),
    "audit": (COORDINATOR,),
}


class PermissionDenied(PermissionError):
    """The acting user may not do this; the message is shown to them as it is."""


@dataclass(frozen=True)
class CurrentUser:
    """The acting user as services see it: who, which role, which department."""

    id: int | None
    username: str
    role: str
    department_id: int | None = None
    display_name: str = ""


def can(user: CurrentUser | None, permission: str, department_id: int | None = None) -> bool:
    """True when `user` holds `permission` (for `department_id` when the scope is OWN)."""
    if user is None:
        return False
    scope = PERMISSIONS.get(permission, {}).get(user.role)
    if scope == ANY:
        return True
    if scope == OWN:
        return user.department_id is not None and department_id == user.department_id
    return False


def require(user: CurrentUser | None, permission: str, department_id: int | None = None) -> None:
    """Raise PermissionDenied unless `can(...)`."""
    if can(user, permission, department_id):
        return
    if user is not None and PERMISSIONS.get(permission, {}).get(user.role) == OWN:
        raise PermissionDenied("Voit muuttaa vain oman toimialasi tietoja.")
    raise PermissionDenied("Sinulla ei ole oikeutta tähän toimintoon.")


def pages_for(role: str | None) -> list[str]:
    """The page keys a role sees, in menu order."""
    return [key for key, roles in PAGES.items() if role in roles]
