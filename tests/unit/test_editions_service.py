"""The coordinator starts the next edition from the seeded one: everything is copied (retired
items too), the copy is edited and retired in, and the earlier edition and the actions logged
under it stay as they were. Anyone else is refused and nothing is written."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from data_model.db import session_factory, transaction
from data_model.editions import edition_in_force
from data_model.metrics.actions_list import action_choices
from data_model.models import (
    Action,
    Actor,
    AuditEntry,
    Channel,
    DevelopmentMeasure,
    DevelopmentPrinciple,
    Opportunity,
    ProgrammeEdition,
    Responsibility,
    SwotItem,
)
from data_model.permissions import CurrentUser, PermissionDenied
from data_model.services.actions import create_action
from data_model.services.editions import start_next_edition, update_edition
from data_model.services.errors import ValidationError
from data_model.services.programme import create_item, editable_items, set_active, update_item
from tests.unit.action_inputs import valid_input

TODAY = date(2026, 11, 28)
NEXT = {
    "name_fi": "Osallistuva Heinola 2026–2029",
    "name_en": "Participatory Heinola 2026–2029",
    "period_start": date(2026, 1, 1),
    "period_end": date(2029, 12, 31),
}
APPROVAL = {"approved_by": "council", "approved_on": date(2026, 3, 16), "approval_section": "§ 31"}
PER_EDITION: tuple[Any, ...] = (
    SwotItem,
    Opportunity,
    DevelopmentPrinciple,
    DevelopmentMeasure,
    Channel,
    Actor,
    Responsibility,
)


def _first_edition(session: Session) -> ProgrammeEdition:
    return session.scalars(select(ProgrammeEdition).order_by(ProgrammeEdition.id)).first()  # type: ignore[return-value]


def _items(session: Session, model: Any, edition_id: int) -> dict[str, tuple[Any, ...]]:
    rows = session.scalars(select(model).where(model.edition_id == edition_id))
    text = (
        "text_fi" if hasattr(model, "text_fi") else ("title_fi" if hasattr(model, "title_fi") else "name_fi")
    )
    return {row.code: (getattr(row, text), getattr(row, "active", True)) for row in rows}


def _start(engine: Engine, user: CurrentUser, **changes: Any) -> dict[str, Any]:
    with transaction(engine) as session:
        return start_next_edition(session, user, {**NEXT, **changes}, TODAY)


def test_the_next_edition_is_a_full_copy_and_a_draft(engine: Engine, users: dict[str, CurrentUser]) -> None:
    with transaction(engine) as session:
        session.scalars(select(Channel).where(Channel.code == "instagram")).one().active = False
    new = _start(engine, users["coordinator"])
    with session_factory(engine)() as session:
        first = _first_edition(session)
        for model in PER_EDITION:
            assert _items(session, model, new["id"]) == _items(session, model, first.id), model.__tablename__
        copy = session.scalars(
            select(Channel).where(Channel.edition_id == new["id"], Channel.code == "instagram")
        ).one()
        assert not copy.active  # retired items are carried over, still retired
        original = session.scalars(
            select(Channel).where(Channel.edition_id == first.id, Channel.code == "instagram")
        ).one()
        assert {g.code for g in copy.target_groups} == {g.code for g in original.target_groups}
        measure = session.scalars(
            select(DevelopmentMeasure).where(DevelopmentMeasure.edition_id == new["id"])
        ).first()
        assert measure is not None and measure.principle.edition_id == new["id"]
        duty = session.scalars(select(Responsibility).where(Responsibility.edition_id == new["id"])).first()
        assert duty is not None and duty.actor.edition_id == new["id"]
        opportunity = session.scalars(select(Opportunity).where(Opportunity.edition_id == new["id"])).first()
        assert opportunity is not None and opportunity.forms
        # A draft is never in force: the seeded edition still is, today and on the new period's days.
        assert edition_in_force(session, TODAY).id == first.id
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "programme_edition")).one()
        assert entry.event == "create" and entry.after["name_fi"] == NEXT["name_fi"]


@pytest.mark.parametrize("role", ["department_head", "council", None])
def test_only_the_coordinator_starts_or_approves_an_edition(
    engine: Engine, users: dict[str, CurrentUser], role: str | None
) -> None:
    user = users[role] if role else None
    with pytest.raises(PermissionDenied), transaction(engine) as session:
        start_next_edition(session, user, NEXT, TODAY)
    with session_factory(engine)() as session:
        first_id = _first_edition(session).id
        assert session.scalar(select(func.count()).select_from(ProgrammeEdition)) == 1
    with pytest.raises(PermissionDenied), transaction(engine) as session:
        update_edition(session, user, first_id, {"name_fi": "Muutettu"})
    with session_factory(engine)() as session:
        assert _first_edition(session).name_fi == "Osallistuva Heinola 2023–2025"
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name_fi": " "}, "name_fi"),
        ({"name_fi": "Osallistuva Heinola 2023–2025"}, "name_fi"),
        ({"period_end": date(2025, 12, 31)}, "period_end"),
        ({"period_start": "31.2.2026"}, "period_start"),
        ({"period_start": date(2022, 1, 1), "period_end": date(2022, 12, 31)}, "period_start"),
    ],
)
def test_a_bad_next_edition_is_refused_with_a_message(
    engine: Engine, users: dict[str, CurrentUser], changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        _start(engine, users["coordinator"], **changes)
    assert field in refused.value.errors
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count()).select_from(ProgrammeEdition)) == 1


def test_one_draft_at_a_time_and_an_approval_needs_body_date_and_section(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    new = _start(engine, users["coordinator"])
    with pytest.raises(ValidationError) as refused:
        _start(engine, users["coordinator"], name_fi="Kolmas")
    assert "name_fi" in refused.value.errors
    with pytest.raises(ValidationError) as incomplete, transaction(engine) as session:
        update_edition(session, users["coordinator"], new["id"], {"approved_on": date(2026, 3, 16)})
    assert set(incomplete.value.errors) == {"approved_by", "approval_section"}
    with transaction(engine) as session:
        after = update_edition(session, users["coordinator"], new["id"], APPROVAL)
    assert after["approval_section"] == 31 and after["approved_on"] == "2026-03-16"


def test_editing_the_next_edition_leaves_the_earlier_one_and_its_actions_alone(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    coordinator = users["coordinator"]
    with transaction(engine) as session:
        old_action = create_action(session, coordinator, valid_input(session, start_date=date(2025, 3, 1)))
        first = _first_edition(session)
        before = {model: _items(session, model, first.id) for model in PER_EDITION}
    new = _start(engine, coordinator)
    with transaction(engine) as session:
        swot = editable_items(session, coordinator, "swot", new["id"])
        update_item(session, coordinator, "swot", swot[0]["id"], {"text_fi": "Uuden painoksen vahvuus"})
        measure = next(
            m
            for m in editable_items(session, coordinator, "measure", new["id"])
            if m["code"] == "helpot_osallistumiskeinot"
        )
        set_active(session, coordinator, "measure", measure["id"], False)
        added = create_item(
            session,
            coordinator,
            "channel",
            {"name_fi": "Uusi kanava", "target_groups": ["youth_15_29"]},
            new["id"],
        )
        update_edition(session, coordinator, new["id"], APPROVAL)
    with session_factory(engine)() as session:
        assert {model: _items(session, model, first.id) for model in PER_EDITION} == before
        action = session.get(Action, old_action.id)
        assert action is not None
        assert {m.edition_id for m in action.measures} == {first.id}
        assert action.opportunity is not None and action.opportunity.edition_id == first.id
        # The approved edition is in force from its period's start; before it, the first one.
        assert edition_in_force(session, date(2025, 12, 31)).id == first.id
        assert edition_in_force(session, date(2026, 1, 1)).id == new["id"]
        assert edition_in_force(session, TODAY).id == new["id"]
        # The action form offers each day's edition: the retired measure and the new channel
        # in the new edition only.
        old_choices = action_choices(session, coordinator, date(2025, 6, 1))
        new_choices = action_choices(session, coordinator, date(2026, 6, 1))
        assert "helpot_osallistumiskeinot" in {c.key for c in old_choices.measures}
        assert "helpot_osallistumiskeinot" not in {c.key for c in new_choices.measures}
        assert added["code"] in {c.key for c in new_choices.channels}
        assert added["code"] not in {c.key for c in old_choices.channels}


def test_an_action_links_to_the_items_of_the_edition_in_force_on_its_start(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    coordinator = users["coordinator"]
    new = _start(engine, coordinator)
    with transaction(engine) as session:
        update_edition(session, coordinator, new["id"], APPROVAL)
    with transaction(engine) as session:
        first_id = _first_edition(session).id
        earlier = create_action(
            session, coordinator, valid_input(session, start_date=date(2025, 11, 1), end_date=None)
        )
        later = create_action(
            session, coordinator, valid_input(session, start_date=date(2026, 2, 1), end_date=None)
        )
    with session_factory(engine)() as session:
        for created, edition_id in ((earlier, first_id), (later, new["id"])):
            action = session.get(Action, created.id)
            assert action is not None and action.opportunity is not None
            assert action.opportunity.edition_id == edition_id
            assert {m.edition_id for m in action.measures} == {edition_id}
            assert {c.edition_id for c in action.channels} == {edition_id}
