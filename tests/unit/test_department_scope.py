"""Department scoping of reads is decided in data_model: a department head asking for every
department gets their own department's records (narrowed), asking for another department is
refused; the coordinator gets what they ask for. Pages ask `chooses_department` whether to
offer a choice of department at all."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from data_model.db import session_factory
from data_model.metrics.actions_list import ActionFilter, action_for_edit, list_actions, list_reports
from data_model.models import Action
from data_model.permissions import CurrentUser, PermissionDenied, chooses_department, readable_department
from tests.unit.read_world import World, action_of, department

HEAD = CurrentUser(1, "paallikko", "department_head", 10)


def test_readable_department_narrows_all_to_own_and_refuses_another() -> None:
    assert readable_department(HEAD, "actions.read", None) == 10
    assert readable_department(HEAD, "actions.read", 10) == 10
    with pytest.raises(PermissionDenied, match="oman toimialasi"):
        readable_department(HEAD, "actions.read", 20)
    coordinator = CurrentUser(2, "koordinaattori", "coordinator")
    assert readable_department(coordinator, "actions.read", None) is None
    assert readable_department(coordinator, "actions.read", 20) == 20
    with pytest.raises(PermissionDenied):
        readable_department(CurrentUser(3, "x", "department_head", None), "actions.read", None)
    with pytest.raises(PermissionDenied):
        readable_department(None, "actions.read", None)


def test_only_the_coordinator_chooses_a_department() -> None:
    assert chooses_department(CurrentUser(2, "k", "coordinator"), "actions.read")
    assert chooses_department(CurrentUser(2, "k", "coordinator"), "action.write")
    assert not chooses_department(HEAD, "actions.read")
    assert not chooses_department(HEAD, "report.write")
    assert not chooses_department(CurrentUser(4, "v", "council"), "actions.read")
    assert not chooses_department(None, "actions.read")


def test_a_department_heads_action_list_is_their_own_department(world: World) -> None:
    engine, people = world
    with session_factory(engine)() as session:
        own, other = department(session), department(session, "kaupunkiymparisto")
        head = list_actions(session, people["department_head"], ActionFilter())
        everyone = list_actions(session, people["coordinator"], ActionFilter())
        with pytest.raises(PermissionDenied):
            list_actions(session, people["department_head"], ActionFilter(department_id=other))
        by_department = dict(
            session.execute(select(Action.id, Action.department_id).where(Action.deleted_at.is_(None))).all()
        )
    assert {row.id for row in head.rows} == {key for key, value in by_department.items() if value == own}
    assert {row.id for row in everyone.rows} == set(by_department)
    assert other in by_department.values()


def test_a_department_head_opens_only_their_own_departments_action(world: World) -> None:
    engine, people = world
    with session_factory(engine)() as session:
        own, other = action_of(session), action_of(session, "kaupunkiymparisto")
        opened = action_for_edit(session, people["department_head"], own)
        with pytest.raises(PermissionDenied):
            action_for_edit(session, people["department_head"], other)
        assert action_for_edit(session, people["coordinator"], other) is not None
        assert action_for_edit(session, people["department_head"], 10**9) is None
        with pytest.raises(PermissionDenied):
            action_for_edit(session, people["council"], 10**9)
    assert opened is not None and opened.id == own


def test_a_department_heads_reports_are_their_own_departments(world: World) -> None:
    engine, people = world
    with session_factory(engine)() as session:
        head = list_reports(session, people["other_department_head"])
        everyone = list_reports(session, people["coordinator"])
        with pytest.raises(PermissionDenied):
            list_reports(session, people["other_department_head"], department(session))
    assert len(head) == 1 and len(everyone) == 2
    assert head[0] in everyone
