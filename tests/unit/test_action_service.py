"""Writing actions: audited create, update, delete and restore; stale saves and wrong roles refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from data_model.db import transaction
from data_model.models import Action, AuditEntry
from data_model.permissions import CurrentUser, PermissionDenied
from data_model.services.actions import (
    VersionConflict,
    create_action,
    mark_feedback_given,
    restore_action,
    soft_delete_action,
    update_action,
)
from data_model.validation import ValidationError
from tests.unit.action_inputs import count_actions, count_audit, department_id, valid_input


def _create(engine: Engine, user: CurrentUser, department: str = "hyvinvointi") -> tuple[int, int]:
    with transaction(engine) as session:
        action = create_action(session, user, valid_input(session, department))
        return action.id, action.version


def _entries(session: Session, action_id: int) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "action", AuditEntry.entity_id == action_id)
            .order_by(AuditEntry.id)
        )
    )


def test_create_saves_every_field_and_audits_it(engine: Engine, users: dict[str, CurrentUser]) -> None:
    head = users["department_head"]
    action_id, _ = _create(engine, head)
    with transaction(engine) as session:
        action = session.get_one(Action, action_id)
        assert action.title == "Nuorten kuuleminen skeittipuistosta"
        assert {row.audience_group.code: row.count for row in action.reach} == {
            "youth_15_29": 30,
            "working_age_30_64": 5,
        }
        assert [form.code for form in action.forms] == ["suunnittelu"]
        assert action.opportunity is not None and action.opportunity.code == "asukaskyselyt"
        assert action.created_by_id == head.id
        (entry,) = _entries(session, action_id)
        assert (entry.event, entry.user_id, entry.before) == ("create", head.id, None)
        assert entry.after is not None
        assert entry.after["title"] == action.title
        assert entry.after["reach"] == {"youth_15_29": 30, "working_age_30_64": 5}
        assert entry.after["cost_eur"] == "120.50"


def test_update_records_before_and_after_and_bumps_the_version(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    head = users["department_head"]
    action_id, version = _create(engine, head)
    with transaction(engine) as session:
        changed = valid_input(session, title="Uusi otsikko", reach={"youth_15_29": 35}, channel_codes=[])
        updated = update_action(session, head, action_id, version, changed)
        assert updated.version == version + 1
    with transaction(engine) as session:
        action = session.get_one(Action, action_id)
        assert action.title == "Uusi otsikko"
        assert {row.audience_group.code: row.count for row in action.reach} == {"youth_15_29": 35}
        assert action.channels == []
        entry = _entries(session, action_id)[-1]
        assert entry.event == "update"
        assert entry.before is not None and entry.after is not None
        assert (entry.before["title"], entry.after["title"]) == (
            "Nuorten kuuleminen skeittipuistosta",
            "Uusi otsikko",
        )
        assert entry.before["channels"] == ["instagram"]
        assert entry.after["channels"] == []


def test_a_change_to_links_only_still_bumps_the_version(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    head = users["department_head"]
    action_id, version = _create(engine, head)
    with transaction(engine) as session:
        update_action(session, head, action_id, version, valid_input(session, channel_codes=["facebook"]))
    with transaction(engine) as session:
        assert session.get_one(Action, action_id).version == version + 1


def test_the_second_of_two_edits_is_refused(engine: Engine, users: dict[str, CurrentUser]) -> None:
    head, coordinator = users["department_head"], users["coordinator"]
    action_id, version = _create(engine, head)
    with transaction(engine) as session:  # the coordinator saves first
        update_action(session, coordinator, action_id, version, valid_input(session, title="Koordinaattorin"))
    with pytest.raises(VersionConflict, match="Joku muu"), transaction(engine) as session:
        update_action(session, head, action_id, version, valid_input(session, title="Päällikön"))
    with transaction(engine) as session:
        assert session.get_one(Action, action_id).title == "Koordinaattorin"


def test_a_concurrent_write_between_read_and_save_is_refused(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    # Both sessions read version 1; the version column makes the slower UPDATE match no row.
    head = users["department_head"]
    action_id, version = _create(engine, head)
    with transaction(engine) as slow:
        slow.get_one(Action, action_id)
        with transaction(engine) as fast:
            update_action(fast, head, action_id, version, valid_input(fast, title="Nopea"))
        with pytest.raises(VersionConflict):
            update_action(slow, head, action_id, version, valid_input(slow, title="Hidas"))
        slow.rollback()
    with transaction(engine) as session:
        assert session.get_one(Action, action_id).title == "Nopea"


def test_soft_delete_and_restore_are_audited_and_keep_the_row(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    head = users["department_head"]
    action_id, _ = _create(engine, head)
    with transaction(engine) as session:
        soft_delete_action(session, head, action_id)
    with transaction(engine) as session:
        action = session.get_one(Action, action_id)
        assert action.deleted_at is not None and action.deleted_by_id == head.id
        assert action.reach  # nothing but the mark is gone
        restore_action(session, head, action_id)
    with transaction(engine) as session:
        assert session.get_one(Action, action_id).deleted_at is None
        events = [entry.event for entry in _entries(session, action_id)]
        assert events == ["create", "delete", "restore"]
        delete_entry = _entries(session, action_id)[1]
        assert delete_entry.before is not None and delete_entry.after is not None
        assert delete_entry.before["deleted_at"] is None and delete_entry.after["deleted_at"] is not None


def test_a_deleted_action_cannot_be_edited_until_restored(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    head = users["department_head"]
    action_id, _ = _create(engine, head)
    with transaction(engine) as session:
        version = soft_delete_action(session, head, action_id).version
    with pytest.raises(LookupError), transaction(engine) as session:
        update_action(session, head, action_id, version, valid_input(session))


def test_department_head_cannot_write_another_departments_action(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    head, other = users["department_head"], users["other_department_head"]
    action_id, version = _create(engine, head)
    with transaction(engine) as session:
        before = (count_actions(session), count_audit(session))
    attempts: list[Callable[[Session], object]] = [
        lambda s: create_action(s, other, valid_input(s, "hyvinvointi")),
        lambda s: update_action(s, other, action_id, version, valid_input(s, "hyvinvointi", title="Vieras")),
        lambda s: update_action(s, other, action_id, version, valid_input(s, "kaupunkiymparisto")),
        lambda s: soft_delete_action(s, other, action_id),
        lambda s: restore_action(s, other, action_id),
        lambda s: mark_feedback_given(s, other, action_id, date(2025, 4, 1), "Tiedote"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied, match="oman toimialasi"), transaction(engine) as session:
            attempt(session)
    with transaction(engine) as session:
        assert (count_actions(session), count_audit(session)) == before
        assert session.get_one(Action, action_id).title == "Nuorten kuuleminen skeittipuistosta"


def test_department_head_cannot_move_an_action_into_another_department(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    head = users["department_head"]
    action_id, version = _create(engine, head)
    with pytest.raises(PermissionDenied), transaction(engine) as session:
        update_action(session, head, action_id, version, valid_input(session, "kaupunkiymparisto"))
    with transaction(engine) as session:
        assert session.get_one(Action, action_id).department_id == department_id(session, "hyvinvointi")


def test_the_coordinator_writes_for_any_department(engine: Engine, users: dict[str, CurrentUser]) -> None:
    coordinator = users["coordinator"]
    action_id, version = _create(engine, coordinator, "kaupunkiymparisto")
    with transaction(engine) as session:
        update_action(session, coordinator, action_id, version, valid_input(session, "yhteiset_palvelut"))


def test_council_cannot_write_at_all(engine: Engine, users: dict[str, CurrentUser]) -> None:
    council, head = users["council"], users["department_head"]
    action_id, version = _create(engine, head)
    with transaction(engine) as session:
        before = (count_actions(session), count_audit(session))
    attempts: list[Callable[[Session], object]] = [
        lambda s: create_action(s, council, valid_input(s)),
        lambda s: update_action(s, council, action_id, version, valid_input(s)),
        lambda s: soft_delete_action(s, council, action_id),
        lambda s: mark_feedback_given(s, council, action_id, date(2025, 4, 1), "Tiedote"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied, match="ei ole oikeutta"), transaction(engine) as session:
            attempt(session)
    with transaction(engine) as session:
        assert (count_actions(session), count_audit(session)) == before


def test_mark_feedback_given_closes_the_loop(engine: Engine, users: dict[str, CurrentUser]) -> None:
    head = users["department_head"]
    action_id, _ = _create(engine, head)
    with transaction(engine) as session:
        mark_feedback_given(
            session,
            head,
            action_id,
            date(2025, 4, 15),
            "Tiedote verkkosivuilla",
            "https://heinola.fi/tulokset",
        )
    with transaction(engine) as session:
        action = session.get_one(Action, action_id)
        assert action.feedback_given
        assert (action.feedback_date, action.feedback_method, action.feedback_url) == (
            date(2025, 4, 15),
            "Tiedote verkkosivuilla",
            "https://heinola.fi/tulokset",
        )
        entry = _entries(session, action_id)[-1]
        assert entry.event == "feedback"
        assert entry.before is not None and entry.after is not None
        assert (entry.before["feedback_given"], entry.after["feedback_given"]) == (False, True)


def test_mark_feedback_given_checks_its_values(engine: Engine, users: dict[str, CurrentUser]) -> None:
    head = users["department_head"]
    action_id, _ = _create(engine, head)
    with pytest.raises(ValidationError) as refused, transaction(engine) as session:
        mark_feedback_given(session, head, action_id, date(2025, 2, 1), "", "javascript:alert(1)")
    assert set(refused.value.errors) == {"feedback_date", "feedback_url"}
    with pytest.raises(ValidationError) as refused, transaction(engine) as session:
        mark_feedback_given(session, head, action_id, None, "")
    assert set(refused.value.errors) == {"feedback_date", "feedback_method"}
    with transaction(engine) as session:
        assert not session.get_one(Action, action_id).feedback_given


def test_an_action_is_private_until_its_department_publishes_it(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    head = users["department_head"]
    action_id, version = _create(engine, head)
    with transaction(engine) as session:
        assert session.get_one(Action, action_id).is_public is False
        update_action(session, head, action_id, version, valid_input(session, is_public=True))
    with transaction(engine) as session:
        assert session.get_one(Action, action_id).is_public is True
        update = _entries(session, action_id)[-1]
        assert update.before is not None and update.after is not None
        assert (update.before["is_public"], update.after["is_public"]) == (False, True)
