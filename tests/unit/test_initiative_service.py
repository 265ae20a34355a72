"""Writing initiatives: who may (coordinator any, a department head only their department's,
council none), the rules with their message keys, the audit entries and the data version."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from data_model.data_versions import INITIATIVES, data_versions
from data_model.db import session_factory, transaction
from data_model.models import AuditEntry, Initiative
from data_model.permissions import CurrentUser, PermissionDenied
from data_model.services.actions import VersionConflict
from data_model.services.initiatives import (
    InitiativeNotFound,
    create_initiative,
    restore_initiative,
    soft_delete_initiative,
    update_initiative,
)
from data_model.validation import ValidationError
from data_model.validation.initiatives import check_initiative
from tests.unit.initiative_inputs import initiative_input

TODAY = date(2026, 11, 28)


def _create(engine: Engine, user: CurrentUser, department: str = "hyvinvointi") -> tuple[int, int]:
    with transaction(engine) as session:
        initiative = create_initiative(session, user, initiative_input(session, department))
        return initiative.id, initiative.version


def _entries(session: Session, initiative_id: int) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "initiative", AuditEntry.entity_id == initiative_id)
            .order_by(AuditEntry.id)
        )
    )


def test_a_head_registers_their_departments_initiative_audited_and_versioned(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    with session_factory(engine)() as session:
        before = data_versions(session)[INITIATIVES]
    initiative_id, _ = _create(engine, users["department_head"])
    with session_factory(engine)() as session:
        stored = session.get_one(Initiative, initiative_id)
        assert (stored.title, stored.signatories, stored.initiator_kind) == (
            "Koirapuisto Kirkonkylään",
            14,
            "residents",
        )
        assert stored.decision_date is None and stored.source == "manual"
        (entry,) = _entries(session, initiative_id)
        assert entry.event == "create" and entry.after is not None and entry.after["signatories"] == 14
        assert data_versions(session)[INITIATIVES] > before


@pytest.mark.parametrize("who", ["council", "other_department_head"])
def test_council_and_another_departments_head_may_not_register(
    engine: Engine, users: dict[str, CurrentUser], who: str
) -> None:
    with transaction(engine) as session, pytest.raises(PermissionDenied):
        create_initiative(session, users[who], initiative_input(session))
    with session_factory(engine)() as session:
        assert session.scalar(select(Initiative.id)) is None


def test_nobody_logged_out_may_register(engine: Engine) -> None:
    with transaction(engine) as session, pytest.raises(PermissionDenied):
        create_initiative(session, None, initiative_input(session))  # type: ignore[arg-type]


@pytest.mark.parametrize("who", ["council", "other_department_head"])
def test_wrong_users_may_not_edit_delete_or_restore(
    engine: Engine, users: dict[str, CurrentUser], who: str
) -> None:
    initiative_id, version = _create(engine, users["coordinator"])
    user = users[who]
    with transaction(engine) as session, pytest.raises(PermissionDenied):
        update_initiative(session, user, initiative_id, version, initiative_input(session, title="Toinen"))
    with transaction(engine) as session, pytest.raises(PermissionDenied):
        soft_delete_initiative(session, user, initiative_id)
    with transaction(engine) as session:
        soft_delete_initiative(session, users["coordinator"], initiative_id)
    with transaction(engine) as session, pytest.raises(PermissionDenied):
        restore_initiative(session, user, initiative_id)


def test_a_head_may_not_move_an_initiative_to_another_department(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    initiative_id, version = _create(engine, users["department_head"])
    with transaction(engine) as session, pytest.raises(PermissionDenied):
        update_initiative(
            session,
            users["department_head"],
            initiative_id,
            version,
            initiative_input(session, "kaupunkiymparisto"),
        )


def test_the_coordinator_records_the_decision_and_the_answer(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    initiative_id, version = _create(engine, users["department_head"])
    with transaction(engine) as session:
        data = initiative_input(
            session,
            decision="Koirapuisto rakennetaan vuonna 2026.",
            decision_date=date(2025, 6, 2),
            decision_ref="Ltk 2.6.2025 § 51",
            led_to_action=True,
            told_date="4.6.2025",
            told_method="Kirje",
        )
        update_initiative(session, users["coordinator"], initiative_id, version, data)
    with session_factory(engine)() as session:
        stored = session.get_one(Initiative, initiative_id)
        assert stored.told_date == date(2025, 6, 4) and stored.led_to_action is True
        update = _entries(session, initiative_id)[-1]
        assert update.event == "update"
        assert update.before is not None and update.before["decision_date"] is None
        assert update.after is not None and update.after["decision_date"] == "2025-06-02"


def test_a_stale_save_is_refused(engine: Engine, users: dict[str, CurrentUser]) -> None:
    initiative_id, version = _create(engine, users["coordinator"])
    with transaction(engine) as session:
        update_initiative(session, users["coordinator"], initiative_id, version, initiative_input(session))
    with transaction(engine) as session, pytest.raises(VersionConflict):
        update_initiative(session, users["coordinator"], initiative_id, version, initiative_input(session))


def test_delete_hides_and_restore_brings_back(engine: Engine, users: dict[str, CurrentUser]) -> None:
    initiative_id, version = _create(engine, users["department_head"])
    with transaction(engine) as session:
        soft_delete_initiative(session, users["department_head"], initiative_id)
    with transaction(engine) as session, pytest.raises(InitiativeNotFound):
        update_initiative(
            session, users["coordinator"], initiative_id, version + 1, initiative_input(session)
        )
    with transaction(engine) as session:
        restore_initiative(session, users["department_head"], initiative_id)
    with session_factory(engine)() as session:
        assert session.get_one(Initiative, initiative_id).deleted_at is None
        assert [entry.event for entry in _entries(session, initiative_id)] == ["create", "delete", "restore"]


RULES = [
    ({"received_date": None}, "received_date", "initiative.error.received_missing"),
    ({"received_date": date(2026, 12, 1)}, "received_date", "initiative.error.in_future"),
    ({"received_date": "32.1.2025"}, "received_date", "validation.date_format"),
    ({"title": "ab"}, "title", "validation.text_too_short"),
    ({"initiator_kind": "mayor"}, "initiator_kind", "initiative.error.choose_initiator"),
    ({"signatories": 0}, "signatories", "initiative.error.signatories_min"),
    ({"signatories": ""}, "signatories", "initiative.error.signatories_min"),
    ({"signatories": "-3"}, "signatories", "validation.negative_number"),
    ({"signatories": "2,5"}, "signatories", "validation.no_decimals"),
    ({"department_id": None}, "department_id", "validation.choose_department"),
    (
        {"decision": "Ei toteuteta.", "decision_date": date(2025, 3, 1)},
        "decision_date",
        "initiative.error.decision_before_received",
    ),
    ({"decision_date": date(2025, 5, 1)}, "decision", "initiative.error.decision_missing"),
    ({"decision": "Ei toteuteta."}, "decision_date", "initiative.error.decision_date_missing"),
    ({"led_to_action": False}, "led_to_action", "initiative.error.outcome_without_decision"),
    (
        {"told_date": date(2025, 4, 1), "told_method": "Kirje"},
        "told_date",
        "initiative.error.told_without_decision",
    ),
    (
        {
            "decision": "Ei toteuteta.",
            "decision_date": date(2025, 5, 1),
            "told_date": date(2025, 4, 1),
            "told_method": "Kirje",
        },
        "told_date",
        "initiative.error.told_before_decision",
    ),
    (
        {"decision": "Ei toteuteta.", "decision_date": date(2025, 5, 1), "told_date": date(2025, 5, 2)},
        "told_method",
        "initiative.error.told_method_missing",
    ),
    ({"told_method": "Kirje"}, "told_date", "initiative.error.told_date_missing"),
]


@pytest.mark.parametrize(("changes", "field", "key"), RULES)
def test_each_rule_names_its_field_and_message(
    session: Session, changes: dict[str, object], field: str, key: str
) -> None:
    clean, errors = check_initiative(session, initiative_input(session, **changes), TODAY)
    assert clean is None
    assert errors[field].key == key


def test_a_valid_initiative_passes_and_is_cleaned(session: Session) -> None:
    clean, errors = check_initiative(
        session, initiative_input(session, title="  Penkki  ", signatories="3"), TODAY
    )
    assert errors == {}
    assert clean is not None and clean.title == "Penkki" and clean.signatories == 3


def test_a_refused_save_writes_nothing(engine: Engine, users: dict[str, CurrentUser]) -> None:
    with transaction(engine) as session, pytest.raises(ValidationError) as refused:
        create_initiative(session, users["coordinator"], initiative_input(session, signatories=0))
    assert refused.value.errors["signatories"].key == "initiative.error.signatories_min"
    with session_factory(engine)() as session:
        assert session.scalar(select(Initiative.id)) is None
