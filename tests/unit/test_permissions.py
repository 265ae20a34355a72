"""Who may do what, checked against DESIGN.md's role table written out here by hand: every
permission for every role, in the user's own department and in another; and every user
service called as a role that may not use it is refused with nothing written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from data_model.data_versions import data_versions
from data_model.db import session_factory, transaction
from data_model.models import ROLES, AuditEntry, User
from data_model.permissions import (
    PAGES,
    PERMISSIONS,
    CurrentUser,
    PermissionDenied,
    can,
    pages_for,
    require,
)
from data_model.services import users
from tests.factories import TEST_PASSWORD, create_role_users

OWN, OTHER = 10, 20
# DESIGN.md: department heads write only their own department's actions and reports; the
# coordinator writes everything and manages users; council members only read.
# permission -> role -> (allowed in own department, allowed in another department)
EXPECTED: dict[str, dict[str, tuple[bool, bool]]] = {
    "action.write": {
        "coordinator": (True, True),
        "department_head": (True, False),
        "council": (False, False),
    },
    "report.write": {
        "coordinator": (True, True),
        "department_head": (True, False),
        "council": (False, False),
    },
    "initiative.write": {
        "coordinator": (True, True),
        "department_head": (True, False),
        "council": (False, False),
    },
    "programme.write": {
        "coordinator": (True, True),
        "department_head": (False, False),
        "council": (False, False),
    },
    "reference.write": {
        "coordinator": (True, True),
        "department_head": (False, False),
        "council": (False, False),
    },
    "users.manage": {
        "coordinator": (True, True),
        "department_head": (False, False),
        "council": (False, False),
    },
    # Targets: the coordinator records them and decides proposals; a department head proposes
    # for their own department only.
    "target.write": {
        "coordinator": (True, True),
        "department_head": (False, False),
        "council": (False, False),
    },
    "target.propose": {
        "coordinator": (True, True),
        "department_head": (True, False),
        "council": (False, False),
    },
    "experience.write": {
        "coordinator": (True, True),
        "department_head": (False, False),
        "council": (False, False),
    },
}
WRITING_PAGES = {
    "log_action",
    "actions",
    "import_actions",
    "reports",
    "programme_admin",
    "experience",
    "users",
    "audit",
}


def test_every_permission_has_an_expectation() -> None:
    # A new permission must be added to EXPECTED above, saying who may use it.
    assert set(PERMISSIONS) == set(EXPECTED)


@pytest.mark.parametrize("permission", sorted(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_role_table(permission: str, role: str) -> None:
    user = CurrentUser(1, "kayttaja", role, OWN)
    own, other = EXPECTED[permission][role]
    assert can(user, permission, OWN) is own
    assert can(user, permission, OTHER) is other
    for department_id, allowed in ((OWN, own), (OTHER, other)):
        if allowed:
            require(user, permission, department_id)
        else:
            with pytest.raises(PermissionDenied, match=r"oikeutta|oman toimialasi"):
                require(user, permission, department_id)


@pytest.mark.parametrize("permission", sorted(EXPECTED))
def test_nobody_unknown_or_without_department_gets_own_scope(permission: str) -> None:
    assert not can(None, permission, OWN)
    assert not can(CurrentUser(1, "x", "admin", OWN), permission, OWN)
    # A department head without a department owns nothing, not even "no department".
    assert not can(CurrentUser(1, "x", "department_head", None), permission, None)
    with pytest.raises(PermissionDenied):
        require(None, permission)


def test_unknown_permission_is_refused_for_everyone() -> None:
    for role in ROLES:
        assert not can(CurrentUser(1, "x", role, OWN), "no.such.permission", OWN)


def test_council_gets_no_writing_page_and_coordinator_gets_all() -> None:
    assert not set(pages_for("council")) & WRITING_PAGES
    assert set(pages_for("department_head")) & WRITING_PAGES == {
        "log_action",
        "actions",
        "import_actions",
        "reports",
    }
    assert pages_for("coordinator") == list(PAGES)
    assert pages_for(None) == []


# --- the user service as each role ------------------------------------------------------------


def _state(session: Session) -> tuple[Any, ...]:
    """Everything a user service could change."""
    return (
        tuple(
            session.execute(
                select(
                    User.username,
                    User.role,
                    User.department_id,
                    User.active,
                    User.password_hash,
                    User.must_change_password,
                    User.display_name,
                ).order_by(User.id)
            )
        ),
        session.scalar(select(func.count()).select_from(AuditEntry)),
        data_versions(session),
    )


def _calls(target: CurrentUser) -> dict[str, Callable[[Session, CurrentUser], object]]:
    assert target.id is not None
    target_id = target.id
    return {
        "create_user": lambda s, actor: users.create_user(
            s, actor, "uusi.kayttaja", "council", "Uusi Käyttäjä", "Uusi-salasana-2026"
        ),
        "update_user": lambda s, actor: users.update_user(s, actor, target_id, "coordinator", "Uusi nimi"),
        "deactivate": lambda s, actor: users.set_active(s, actor, target_id, False),
        "one_time_password": lambda s, actor: users.set_one_time_password(
            s, actor, target_id, "Kerta-salasana-2026"
        ),
    }


@pytest.mark.parametrize("call", ["create_user", "update_user", "deactivate", "one_time_password"])
@pytest.mark.parametrize("role_key", ["department_head", "other_department_head", "council"])
def test_user_service_refuses_other_roles_and_writes_nothing(
    engine: Engine, call: str, role_key: str
) -> None:
    people = create_role_users(engine)
    actor, target = (
        people[role_key],
        people["department_head" if role_key != "department_head" else "council"],
    )
    with session_factory(engine)() as session:
        before = _state(session)
    with pytest.raises(PermissionDenied), transaction(engine) as session:
        _calls(target)[call](session, actor)
    with session_factory(engine)() as session:
        assert _state(session) == before


@pytest.mark.parametrize("call", ["create_user", "update_user", "deactivate", "one_time_password"])
def test_user_service_lets_the_coordinator(engine: Engine, call: str) -> None:
    people = create_role_users(engine)
    with session_factory(engine)() as session:
        before = _state(session)
    with transaction(engine) as session:
        _calls(people["council"])[call](session, people["coordinator"])
    with session_factory(engine)() as session:
        after = _state(session)
    assert after != before
    assert after[1] == before[1] + 1  # exactly one audit entry


def test_nobody_changes_another_users_password_as_their_own(engine: Engine) -> None:
    people = create_role_users(engine)
    # The acting user's id and username must name the same, active account.
    forged = CurrentUser(people["council"].id, "koordinaattori", "coordinator")
    with session_factory(engine)() as session:
        before = _state(session)
    with pytest.raises(PermissionDenied), transaction(engine) as session:
        users.change_own_password(session, forged, TEST_PASSWORD, "Uusi-salasana-2026")
    with session_factory(engine)() as session:
        assert _state(session) == before


# --- every other write service, as a role or department that may not use it -------------------


def _everything(session: Session) -> tuple[Any, ...]:
    """A fingerprint of what any write leaves: the audit log, the data version, actions and
    reports with their versions."""
    from data_model.models import Action, DepartmentReport

    return (
        session.scalar(select(func.count()).select_from(AuditEntry)),
        data_versions(session),
        tuple(session.execute(select(Action.id, Action.version, Action.deleted_at).order_by(Action.id))),
        session.scalar(select(func.count()).select_from(DepartmentReport)),
    )


def _first_id(session: Session, model: Any) -> int:
    return int(session.scalar(select(model.id).order_by(model.id).limit(1)))


def _wrong_calls(action_id: int, department_id: int) -> dict[str, Callable[[Session, CurrentUser], object]]:
    """One call of every write service, on the Hyvinvointitoimiala's records."""
    from datetime import date

    from data_model.models import SwotItem
    from data_model.services import actions, programme, reports
    from data_model.services import settings as settings_service
    from tests.unit.action_inputs import valid_input

    return {
        "create_action": lambda s, u: actions.create_action(s, u, valid_input(s)),
        "update_action": lambda s, u: actions.update_action(
            s, u, action_id, 1, valid_input(s, title="Muutettu")
        ),
        "move_action_here": lambda s, u: actions.update_action(
            s, u, action_id, 1, valid_input(s, department="kaupunkiymparisto")
        ),
        "soft_delete_action": lambda s, u: actions.soft_delete_action(s, u, action_id),
        "restore_action": lambda s, u: actions.restore_action(s, u, action_id),
        "mark_feedback_given": lambda s, u: actions.mark_feedback_given(
            s, u, action_id, date(2025, 4, 1), "Kerrottiin tiedotteella."
        ),
        "submit_department_report": lambda s, u: reports.submit_department_report(
            s, u, department_id, date(2025, 1, 1), date(2025, 6, 30), "Raportti."
        ),
        "programme.create_item": lambda s, u: programme.create_item(
            s, u, "channel", {"name_fi": "Uusi", "target_groups": ["residents"]}
        ),
        "programme.update_item": lambda s, u: programme.update_item(
            s, u, "swot", _first_id(s, SwotItem), {"text": "Muutettu"}
        ),
        "programme.set_active": lambda s, u: programme.set_active(
            s, u, "swot", _first_id(s, SwotItem), False
        ),
        "settings.update_setting": lambda s, u: settings_service.update_setting(s, u, "gap_threshold", "0.7"),
    }


def _refusals() -> list[tuple[str, str]]:
    # Council may write nothing; the other department's head nothing of Hyvinvointitoimiala's;
    # the own head may not move an action to another department, nor touch the programme.
    calls = sorted(_wrong_calls(0, 0))
    cases = [(role, call) for role in ("council", "other_department_head") for call in calls]
    cases += [("department_head", call) for call in calls if call.startswith("programme.")]
    return [*cases, ("department_head", "move_action_here")]


@pytest.mark.parametrize(("role_key", "call"), _refusals())
def test_every_write_service_refuses_and_writes_nothing(engine: Engine, role_key: str, call: str) -> None:
    from data_model.models import Department
    from data_model.services import actions
    from tests.unit.action_inputs import valid_input

    people = create_role_users(engine)
    with transaction(engine) as session:
        action = actions.create_action(session, people["department_head"], valid_input(session))
        action_id = action.id
        department_id = session.scalars(select(Department.id).where(Department.code == "hyvinvointi")).one()
    with session_factory(engine)() as session:
        before = _everything(session)
    with pytest.raises(PermissionDenied), transaction(engine) as session:
        _wrong_calls(action_id, department_id)[call](session, people[role_key])
    with session_factory(engine)() as session:
        assert _everything(session) == before
