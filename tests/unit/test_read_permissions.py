"""Who may read what, checked against DESIGN.md's roles written out here by hand: every read
permission for every role, in the user's own department and in another; and every read
service called as each role that may not read it (and as nobody) is refused, and as a role
that may, answers with data.

The read services, the building blocks and their reasons are listed in tests.unit.read_inventory:
a new public function in data_model.metrics, .services or .exports that takes a session must
be listed there as a read service, or be a write service (it calls `require`), or be named as
a building block with the reason it needs no check: the enumeration cannot be outgrown
silently."""

from __future__ import annotations

import inspect

import pytest

from data_model.db import session_factory
from data_model.models import ROLES
from data_model.permissions import READ_PERMISSIONS, CurrentUser, PermissionDenied, can, require_read
from tests.unit.read_inventory import READ_SERVICES
from tests.unit.read_world import World
from tests.unit.session_functions import is_write, session_functions
from tests.unit.unchecked_readers import BUILDING_BLOCKS, PUBLIC_READERS

OWN, OTHER = 10, 20
# permission -> role -> (may read in own department, may read in another department)
EXPECTED: dict[str, dict[str, tuple[bool, bool]]] = {
    "summary.read": {
        "coordinator": (True, True),
        "department_head": (True, True),
        "council": (True, True),
    },
    "actions.read": {
        "coordinator": (True, True),
        "department_head": (True, False),
        "council": (False, False),
    },
    "reports.read": {
        "coordinator": (True, True),
        "department_head": (True, False),
        "council": (False, False),
    },
    "users.read": {"coordinator": (True, True), "department_head": (False, False), "council": (False, False)},
    "audit.read": {"coordinator": (True, True), "department_head": (False, False), "council": (False, False)},
    "programme_admin.read": {
        "coordinator": (True, True),
        "department_head": (False, False),
        "council": (False, False),
    },
    "initiatives.read": {
        "coordinator": (True, True),
        "department_head": (True, True),
        "council": (True, True),
    },
    "target_proposals.read": {
        "coordinator": (True, True),
        "department_head": (True, False),
        "council": (False, False),
    },
}


def test_every_read_permission_has_an_expectation() -> None:
    assert set(READ_PERMISSIONS) == set(EXPECTED)


@pytest.mark.parametrize("permission", sorted(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_read_role_table(permission: str, role: str) -> None:
    user = CurrentUser(1, "kayttaja", role, OWN)
    own, other = EXPECTED[permission][role]
    assert can(user, permission, OWN) is own
    assert can(user, permission, OTHER) is other
    for department_id, allowed in ((OWN, own), (OTHER, other)):
        if allowed:
            require_read(user, permission, department_id)
        else:
            with pytest.raises(PermissionDenied, match=r"oikeutta|oman toimialasi"):
                require_read(user, permission, department_id)


@pytest.mark.parametrize("permission", sorted(EXPECTED))
def test_nobody_reads_anything(permission: str) -> None:
    with pytest.raises(PermissionDenied):
        require_read(None, permission)
    with pytest.raises(PermissionDenied):
        require_read(CurrentUser(1, "x", "admin", OWN), permission, OWN)


def test_a_write_permission_is_no_read_permission() -> None:
    with pytest.raises(PermissionDenied):
        require_read(CurrentUser(1, "x", "coordinator"), "users.manage")


# --- the inventory ---------------------------------------------------------------------------


def test_every_function_with_a_session_is_a_checked_read_a_write_or_a_named_building_block() -> None:
    unlisted = {
        name
        for name, function in session_functions().items()
        if not is_write(function)
        and name not in READ_SERVICES
        and name not in BUILDING_BLOCKS
        and name not in PUBLIC_READERS
    }
    assert unlisted == set(), "list each in READ_SERVICES (with a check), BUILDING_BLOCKS or PUBLIC_READERS"


def test_the_lists_name_only_functions_that_exist() -> None:
    existing = set(session_functions())
    assert set(READ_SERVICES) | set(BUILDING_BLOCKS) | set(PUBLIC_READERS) <= existing
    assert not set(READ_SERVICES) & set(BUILDING_BLOCKS)
    assert not set(PUBLIC_READERS) & (set(READ_SERVICES) | set(BUILDING_BLOCKS))


def test_a_public_reader_takes_no_user_at_all() -> None:
    # Taking no user is the point: a public reader cannot answer differently by role, so it
    # cannot leak what one role may read to the logged-out.
    functions = session_functions()
    for name in PUBLIC_READERS:
        parameters = inspect.signature(functions[name]).parameters.values()
        assert not any("CurrentUser" in str(p.annotation) or p.name == "user" for p in parameters), name


def test_every_read_service_checks_its_permission_in_its_own_code() -> None:
    functions = session_functions()
    for name, (permission, _call) in READ_SERVICES.items():
        assert f'"{permission}"' in inspect.getsource(functions[name]), name


def _refusals() -> list[tuple[str, str | None]]:
    """(service, who) for every role key that may not read the service, and nobody (None)."""
    people = {
        "coordinator": "coordinator",
        "department_head": "department_head",
        "council": "council",
    }
    cases: list[tuple[str, str | None]] = []
    for service, (permission, _call) in sorted(READ_SERVICES.items()):
        cases.append((service, None))
        cases += [(service, key) for key, role in people.items() if not EXPECTED[permission][role][0]]
        if EXPECTED[permission]["department_head"] == (True, False):
            cases.append((service, "other_department_head"))
    return cases


def _allowed() -> list[tuple[str, str]]:
    cases: list[tuple[str, str]] = []
    for service, (permission, _call) in sorted(READ_SERVICES.items()):
        cases += [(service, role) for role in ROLES if EXPECTED[permission][role][0]]
    return cases


@pytest.mark.parametrize(("service", "who"), _refusals())
def test_every_read_service_refuses_a_role_that_may_not_read_it(
    world: World, service: str, who: str | None
) -> None:
    engine, people = world
    user = people[who] if who is not None else None
    with session_factory(engine)() as session, pytest.raises(PermissionDenied):
        READ_SERVICES[service][1](session, user)


def _has_data(answer: object) -> bool:
    if isinstance(answer, tuple | list):
        return len(answer) > 0
    fields = getattr(answer, "__dataclass_fields__", None)
    if fields is not None:
        return any(_has_data(getattr(answer, name)) for name in fields)
    return answer is not None


@pytest.mark.parametrize(("service", "role"), _allowed())
def test_every_read_service_answers_a_role_that_may(world: World, service: str, role: str) -> None:
    engine, people = world
    with session_factory(engine)() as session:
        answer = READ_SERVICES[service][1](session, people[role])
    assert _has_data(answer)
