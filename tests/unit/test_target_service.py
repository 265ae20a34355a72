"""Targets are written through the services only: the coordinator records, edits, retires and
decides; a department head proposes for their own department only; council writes nothing.
Each write is checked, validated per field, audited, and bumps the data version."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from data_model.data_versions import TARGETS, data_versions
from data_model.db import session_factory, transaction
from data_model.metrics.targets import target_proposals
from data_model.models import AuditEntry, Target
from data_model.permissions import CurrentUser, PermissionDenied
from data_model.services.targets import (
    TargetNotFound,
    decide_proposal,
    edit_target,
    propose_target,
    record_target,
    retire_target,
)
from data_model.target_rules import TargetInput
from data_model.validation import ValidationError
from tests.factories import create_role_users
from tests.unit.action_inputs import department_id

TODAY = date(2026, 11, 28)


def youth_target(**changes: Any) -> TargetInput:
    values: dict[str, Any] = {
        "figure": "group_participation_rate",
        "subject": "youth_15_29",
        "period_start": date(2026, 1, 1),
        "period_end": date(2029, 5, 31),
        "target_value": "5 %",
        "direction": "at_least",
        "set_by": "council",
        "decision": "Kaupunginvaltuusto 12.6.2026 § 45",
    }
    values.update(changes)
    return TargetInput(**values)


def _state(engine: Engine) -> tuple[Any, ...]:
    with session_factory(engine)() as session:
        rows = tuple(
            session.execute(select(Target.id, Target.status, Target.target_value).order_by(Target.id))
        )
        audits = session.scalar(select(func.count()).select_from(AuditEntry))
        return rows, audits, data_versions(session)[TARGETS]


def _entries(session: Session, target_id: int) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "target", AuditEntry.entity_id == target_id)
            .order_by(AuditEntry.id)
        )
    )


def test_coordinator_records_an_accepted_target_audited_and_versioned(engine: Engine) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    before = _state(engine)[2]
    with transaction(engine) as session:
        target = record_target(session, coordinator, youth_target(), TODAY)
        target_id = target.id
        assert (target.status, target.target_value, target.subject) == ("accepted", 0.05, "youth_15_29")
        [entry] = _entries(session, target_id)
        assert (entry.event, entry.user_id) == ("create", coordinator.id)
        assert entry.after is not None and entry.after["decision"] == "Kaupunginvaltuusto 12.6.2026 § 45"
    assert _state(engine)[2] > before


def test_edit_and_retire_keep_the_history(engine: Engine) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    with transaction(engine) as session:
        target_id = record_target(session, coordinator, youth_target(), TODAY).id
    with transaction(engine) as session:
        edit_target(session, coordinator, target_id, youth_target(target_value="8"), TODAY)
    with transaction(engine) as session:
        retire_target(session, coordinator, target_id)
    with transaction(engine) as session:
        entries = _entries(session, target_id)
        assert [entry.event for entry in entries] == ["create", "update", "retire"]
        assert entries[1].before is not None and entries[1].after is not None
        assert (entries[1].before["target_value"], entries[1].after["target_value"]) == (0.05, 0.08)
        assert session.get(Target, target_id).status == "retired"  # type: ignore[union-attr]
    # A retired target is kept as it was: neither edited nor retired again.
    for write in (
        lambda s: edit_target(s, coordinator, target_id, youth_target(), TODAY),
        lambda s: retire_target(s, coordinator, target_id),
    ):
        with pytest.raises(TargetNotFound), transaction(engine) as session:
            write(session)


def test_department_head_proposes_for_own_department_and_coordinator_decides(engine: Engine) -> None:
    people = create_role_users(engine)
    with transaction(engine) as session:
        own = department_id(session, "hyvinvointi")
        proposal = propose_target(
            session,
            people["department_head"],
            youth_target(department_id=own, decision="", set_by="council"),
            TODAY,
        )
        first, second = (
            proposal.id,
            propose_target(
                session, people["department_head"], youth_target(department_id=own, decision=""), TODAY
            ).id,
        )
        assert (proposal.status, proposal.set_by) == ("proposed", "department")
    with transaction(engine) as session:
        shown = target_proposals(session, people["department_head"])
        assert {row.id for row in shown} == {first, second}
        with pytest.raises(ValidationError) as refused:
            decide_proposal(session, people["coordinator"], first, accept=True)
        assert set(refused.value.errors) == {"decision"}
    with transaction(engine) as session:
        decide_proposal(
            session, people["coordinator"], first, accept=True, decision="Hyvinvointilautakunta 3.3.2026 § 12"
        )
        decide_proposal(session, people["coordinator"], second, accept=False)
    with transaction(engine) as session:
        assert session.get(Target, first).status == "accepted"  # type: ignore[union-attr]
        assert session.get(Target, second).status == "declined"  # type: ignore[union-attr]
        assert [entry.event for entry in _entries(session, first)] == ["create", "accept"]
        assert [entry.event for entry in _entries(session, second)] == ["create", "decline"]
        # Decided once: a declined proposal cannot be accepted afterwards.
        with pytest.raises(TargetNotFound):
            decide_proposal(session, people["coordinator"], second, accept=True, decision="x")


def _wrong_users(
    people: dict[str, CurrentUser], own: int, other: int, target_id: int
) -> list[tuple[str, Callable[[Session], object]]]:
    head, council = people["department_head"], people["council"]
    return [
        ("head records", lambda s: record_target(s, head, youth_target(department_id=own), TODAY)),
        ("council records", lambda s: record_target(s, council, youth_target(), TODAY)),
        (
            "head proposes for another",
            lambda s: propose_target(s, head, youth_target(department_id=other), TODAY),
        ),
        (
            "head proposes for the city",
            lambda s: propose_target(s, head, youth_target(department_id=None), TODAY),
        ),
        ("council proposes", lambda s: propose_target(s, council, youth_target(department_id=own), TODAY)),
        ("head edits", lambda s: edit_target(s, head, target_id, youth_target(target_value="1"), TODAY)),
        ("head accepts", lambda s: decide_proposal(s, head, target_id, accept=True, decision="x")),
        ("council declines", lambda s: decide_proposal(s, council, target_id, accept=False)),
        ("head retires", lambda s: retire_target(s, head, target_id)),
        ("council retires", lambda s: retire_target(s, council, target_id)),
    ]


def test_every_target_write_as_the_wrong_user_is_refused_with_nothing_written(engine: Engine) -> None:
    people = create_role_users(engine)
    with transaction(engine) as session:
        own, other = department_id(session, "hyvinvointi"), department_id(session, "kaupunkiymparisto")
        target_id = propose_target(
            session, people["other_department_head"], youth_target(department_id=other), TODAY
        ).id
    before = _state(engine)
    for name, write in _wrong_users(people, own, other, target_id):
        with pytest.raises(PermissionDenied), transaction(engine) as session:
            write(session)
        assert _state(engine) == before, name


def test_proposals_are_read_by_the_coordinator_and_the_own_department_only(engine: Engine) -> None:
    people = create_role_users(engine)
    with transaction(engine) as session:
        own = department_id(session, "hyvinvointi")
        propose_target(session, people["department_head"], youth_target(department_id=own), TODAY)
    with session_factory(engine)() as session:
        assert len(target_proposals(session, people["coordinator"])) == 1
        assert target_proposals(session, people["other_department_head"]) == []
        with pytest.raises(PermissionDenied):
            target_proposals(session, people["other_department_head"], own)
        with pytest.raises(PermissionDenied):
            target_proposals(session, people["council"])


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"figure": "no_such_figure"}, "figure"),
        ({"subject": None}, "subject"),
        ({"subject": "residents"}, "subject"),
        ({"figure": "actions_per_form", "subject": "youth_15_29"}, "subject"),
        ({"department_id": 10**6}, "department_id"),
        ({"period_start": None}, "period_start"),
        ({"period_end": date(2025, 12, 31)}, "period_end"),
        ({"period_end": "31.13.2029"}, "period_end"),
        ({"period_end": date(2040, 1, 1)}, "period_end"),
        ({"target_value": ""}, "target_value"),
        ({"target_value": "paljon"}, "target_value"),
        ({"target_value": "150"}, "target_value"),
        ({"figure": "actions_logged", "subject": None, "target_value": "2,5"}, "target_value"),
        ({"figure": "group_representation", "target_value": "-1"}, "target_value"),
        ({"direction": "about"}, "direction"),
        ({"set_by": "mayor"}, "set_by"),
        ({"decision": ""}, "decision"),
        ({"decision": "x" * 201}, "decision"),
    ],
)
def test_bad_targets_are_refused_per_field(engine: Engine, changes: dict[str, Any], field: str) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    before = _state(engine)
    with pytest.raises(ValidationError) as refused, transaction(engine) as session:
        record_target(session, coordinator, youth_target(**changes), TODAY)
    assert field in refused.value.errors
    assert refused.value.errors[field].text("en")  # said in English too
    assert _state(engine) == before


def test_values_are_stored_in_the_figures_unit(engine: Engine) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    base = youth_target()
    with transaction(engine) as session:
        share = record_target(session, coordinator, replace(base, target_value="12,5"), TODAY)
        index = record_target(
            session, coordinator, replace(base, figure="group_representation", target_value="0,8"), TODAY
        )
        count = record_target(
            session,
            coordinator,
            replace(base, figure="actions_per_form", subject="paatos", target_value=40),
            TODAY,
        )
        city = record_target(
            session, coordinator, replace(base, figure="balance_score", target_value="0.5"), TODAY
        )
        assert (share.target_value, index.target_value, count.target_value) == (0.125, 0.8, 40.0)
        assert (city.subject, city.target_value) == (None, 0.5)  # a figure of the whole scope has no subject
