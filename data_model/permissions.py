"""Who may do what, in one table for writes and one for reads. Services call `require`
(writes) and `require_read` (reads); pages use `pages_for` and `may_open` to decide what to
show, never as the only guard."""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import MessageError, msg

COORDINATOR = "coordinator"
DEPARTMENT_HEAD = "department_head"
COUNCIL = "council"

ANY = "any"  # every department
OWN = "own"  # only the user's own department

# permission -> role -> scope
PERMISSIONS: dict[str, dict[str, str]] = {
    "action.write": {COORDINATOR: ANY, DEPARTMENT_HEAD: OWN},
    "report.write": {COORDINATOR: ANY, DEPARTMENT_HEAD: OWN},
    # Municipal initiatives: the coordinator registers all; a head those their department handles.
    "initiative.write": {COORDINATOR: ANY, DEPARTMENT_HEAD: OWN},
    "programme.write": {COORDINATOR: ANY},  # catalogue, SWOT, steps, channels, duties
    "reference.write": {COORDINATOR: ANY},  # departments, areas, groups, population, settings
    "users.manage": {COORDINATOR: ANY},
    # Record, edit and retire targets; accept or decline a department's proposal.
    "target.write": {COORDINATOR: ANY},
    # Propose a target: a department head for their own department only.
    "target.propose": {COORDINATOR: ANY, DEPARTMENT_HEAD: OWN},
    # Survey results on residents' experience of participation: the coordinator's to record.
    "experience.write": {COORDINATOR: ANY},
}

# read permission -> role -> scope. Nobody logged out holds any of them: the login page and the
# accessibility statement read no data, and the public view reads only through readers that
# take no user at all and return public aggregates (metrics.public_view, data_model.disclosure).
READ_PERMISSIONS: dict[str, dict[str, str]] = {
    # Aggregates, the programme, the council report: DESIGN.md lets every role see every
    # dashboard.
    "summary.read": {COORDINATOR: ANY, DEPARTMENT_HEAD: ANY, COUNCIL: ANY},
    # Single actions (the list, the edit form, an export of rows) and submitted reports: the
    # department's head and the coordinator.
    "actions.read": {COORDINATOR: ANY, DEPARTMENT_HEAD: OWN},
    "reports.read": {COORDINATOR: ANY, DEPARTMENT_HEAD: OWN},
    # Users with their e-mail addresses.
    "users.read": {COORDINATOR: ANY},
    # The audit log holds before/after values of users, settings and every department's
    # actions, so it is the coordinator's alone; a department head sees who last changed an
    # action on the action itself.
    "audit.read": {COORDINATOR: ANY},
    # The initiative register: what was proposed and decided is public by nature (no names are
    # kept), and the council is to be told of it, so every role reads every department's.
    "initiatives.read": {COORDINATOR: ANY, DEPARTMENT_HEAD: ANY, COUNCIL: ANY},
    # The programme editor's item lists (retired items too) and raw settings.
    "programme_admin.read": {COORDINATOR: ANY},
    # Targets proposed and not (yet) accepted: the coordinator's, and the proposing
    # department head's for their own department. Accepted targets are summaries.
    "target_proposals.read": {COORDINATOR: ANY, DEPARTMENT_HEAD: OWN},
}

# page key -> roles that get the page in their navigation
PAGES: dict[str, tuple[str, ...]] = {
    "overview": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "reach": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "council": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "targets": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "evaluation": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "swot": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "catalogue": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "steps": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "channels": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "responsibilities": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "log_action": (COORDINATOR, DEPARTMENT_HEAD),
    "actions": (COORDINATOR, DEPARTMENT_HEAD),
    "import_actions": (COORDINATOR, DEPARTMENT_HEAD),
    "reports": (COORDINATOR, DEPARTMENT_HEAD),
    "initiatives": (COORDINATOR, DEPARTMENT_HEAD, COUNCIL),
    "programme_admin": (COORDINATOR,),
    "experience": (COORDINATOR,),
    "users": (COORDINATOR,),
    "audit": (COORDINATOR,),
}


class PermissionDenied(MessageError, PermissionError):
    """The acting user may not do this; its `message` is shown to them in their language."""


@dataclass(frozen=True)
class CurrentUser:
    """The acting user as services see it: who, which role, which department."""

    id: int | None
    username: str
    role: str
    department_id: int | None = None
    display_name: str = ""


def _scope(permission: str, role: str) -> str | None:
    return (PERMISSIONS.get(permission) or READ_PERMISSIONS.get(permission, {})).get(role)


def can(user: CurrentUser | None, permission: str, department_id: int | None = None) -> bool:
    """True when `user` holds `permission`, a write or a read one (for `department_id` when
    the scope is OWN)."""
    if user is None:
        return False
    scope = _scope(permission, user.role)
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
        raise PermissionDenied(msg("permission.own_department_only"))
    raise PermissionDenied(msg("permission.denied"))


def require_read(user: CurrentUser | None, permission: str, department_id: int | None = None) -> None:
    """Raise PermissionDenied unless `user` may read what `permission` covers (a key of
    READ_PERMISSIONS), in `department_id` when their scope is OWN."""
    if permission in READ_PERMISSIONS and can(user, permission, department_id):
        return
    if user is not None and READ_PERMISSIONS.get(permission, {}).get(user.role) == OWN:
        raise PermissionDenied(msg("permission.read_own_department_only"))
    raise PermissionDenied(msg("permission.read_denied"))


def pages_for(role: str | None) -> list[str]:
    """The page keys a role sees, in menu order."""
    return [key for key, roles in PAGES.items() if role in roles]


def readable_department(user: CurrentUser | None, permission: str, requested: int | None) -> int | None:
    """The department a read of `permission` may cover, given the one `requested` (None =
    every department the user may see).

    The coordinator gets what they ask for. A department head asking for every department is
    narrowed to their own; asking for another department is refused, so a wrong filter is
    never quietly answered with other data."""
    require_read(user, permission, requested if requested is not None else _own(user))
    if user is not None and _scope(permission, user.role) == OWN:
        return user.department_id
    return requested


def chooses_department(user: CurrentUser | None, permission: str) -> bool:
    """True when `permission` covers every department for `user`, so a page offers a choice of
    department; otherwise the user's own department is the only one."""
    return user is not None and _scope(permission, user.role) == ANY


def may_open(user: CurrentUser | None, page_key: str) -> bool:
    """True when `user`'s role gets the page `page_key` (nobody logged out gets any)."""
    return user is not None and page_key in pages_for(user.role)


def _own(user: CurrentUser | None) -> int | None:
    return user.department_id if user is not None else None
