"""Writing logged actions: create, update, soft delete, restore, and closing the feedback loop.

Each service takes the session and the acting user first (see the package), checks the
permission before anything else, validates, writes in the caller's transaction and audits with
the values before and after.
The caller's transaction (`db.transaction` / the pages' `write()`) rolls everything back on any
error, so nothing is ever saved half-way.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..action_values import action_input_of
from ..editions import edition_in_force
from ..i18n import Message, MessageError, msg
from ..models import (
    Action,
    ActionReach,
    AudienceGroup,
    Channel,
    DevelopmentMeasure,
    Opportunity,
    ParticipationForm,
    utcnow,
)
from ..permissions import CurrentUser, require
from ..validation import ActionInput, CleanAction, ValidationError, check_action
from . import audit

M = TypeVar("M")

ENTITY = "action"
CONFLICT_MESSAGE = msg("action.error.conflict")


class VersionConflict(MessageError, RuntimeError):
    """The action changed after it was opened for editing; the save is refused, not merged."""

    def __init__(self, message: Message = CONFLICT_MESSAGE) -> None:
        super().__init__(message)


class ActionNotFound(MessageError, LookupError):
    """No action with that id (or it is deleted when a live one is needed)."""


def action_snapshot(action: Action) -> dict[str, Any]:
    """The action's values as plain JSON types, for the audit log's before/after."""
    return {
        "department_id": action.department_id,
        "title": action.title,
        "description": action.description,
        "start_date": action.start_date.isoformat() if action.start_date else None,
        "end_date": action.end_date.isoformat() if action.end_date else None,
        "opportunity": action.opportunity.code if action.opportunity else None,
        "forms": sorted(form.code for form in action.forms),
        "measures": sorted(measure.code for measure in action.measures),
        "channels": sorted(channel.code for channel in action.channels),
        "intended_groups": sorted(group.code for group in action.intended_groups),
        "format": action.format,
        "area_id": action.area_id,
        "participants_total": action.participants_total,
        "reach": {row.audience_group.code: row.count for row in action.reach},
        "reach_estimate": action.reach_estimate,
        "officials_took_part": action.officials_took_part,
        "feedback_given": action.feedback_given,
        "feedback_date": action.feedback_date.isoformat() if action.feedback_date else None,
        "feedback_method": action.feedback_method,
        "feedback_url": action.feedback_url,
        "decision_change": action.decision_change,
        "is_public": action.is_public,
        "staff_experience": action.staff_experience,
        "cost_eur": str(action.cost_eur) if action.cost_eur is not None else None,
        "source": action.source,
        "source_note": action.source_note,
        "external_ref": action.external_ref,
        "deleted_at": action.deleted_at.isoformat() if action.deleted_at else None,
        "version": action.version,
    }


def _by_codes(session: Session, model: type[M], codes: list[str], edition_id: int | None = None) -> list[M]:
    """Rows by code; a programme item from the edition `edition_id` (its code is unique there)."""
    if not codes:
        return []
    query = select(model).where(model.code.in_(codes))  # type: ignore[attr-defined]
    if edition_id is not None:
        query = query.where(model.edition_id == edition_id)  # type: ignore[attr-defined]
    found = {item.code: item for item in session.scalars(query)}  # type: ignore[attr-defined]
    return [found[code] for code in codes]


def apply_clean(session: Session, action: Action, clean: CleanAction) -> None:
    """Copy validated values onto `action` (its links and reach rows replaced as a whole)."""
    # Lookups below must not flush a half-filled action (an early INSERT or extra version bumps).
    with session.no_autoflush:
        _copy_values(session, action, clean)


def _copy_values(session: Session, action: Action, clean: CleanAction) -> None:
    action.department_id = clean.department_id
    action.title = clean.title
    action.description = clean.description
    action.start_date = clean.start_date
    action.end_date = clean.end_date
    # The items of the edition in force on the start date (data_model.editions); a changed
    # start date that moves the action into another edition relinks it by the same codes.
    edition_id = edition_in_force(session, clean.start_date).id
    action.opportunity = (
        _by_codes(session, Opportunity, [clean.opportunity_code], edition_id)[0]
        if clean.opportunity_code
        else None
    )
    action.forms = _by_codes(session, ParticipationForm, clean.form_codes)
    action.measures = _by_codes(session, DevelopmentMeasure, clean.measure_codes, edition_id)
    action.channels = _by_codes(session, Channel, clean.channel_codes, edition_id)
    action.intended_groups = _by_codes(session, AudienceGroup, clean.intended_group_codes)
    action.format = clean.format
    action.area_id = clean.area_id
    action.participants_total = clean.participants_total
    # Change counts in place and add or drop only the groups that changed, so that a row with
    # the same key is never deleted and inserted in one flush.
    existing = {row.audience_group.code: row for row in action.reach}
    new_groups = {group.code: group for group in _by_codes(session, AudienceGroup, list(clean.reach))}
    kept = []
    for code, count in clean.reach.items():
        row = existing.get(code)
        if row is None:
            row = ActionReach(audience_group=new_groups[code], count=count)
        row.count = count
        kept.append(row)
    action.reach = kept
    action.reach_estimate = clean.reach_estimate
    action.officials_took_part = clean.officials_took_part
    action.feedback_given = clean.feedback_given
    action.feedback_date = clean.feedback_date
    action.feedback_method = clean.feedback_method
    action.feedback_url = clean.feedback_url
    action.decision_change = clean.decision_change
    action.is_public = clean.is_public
    action.staff_experience = clean.staff_experience
    action.cost_eur = clean.cost_eur
    action.source_note = clean.source_note


def _validated(session: Session, data: ActionInput) -> CleanAction:
    clean, errors = check_action(session, data)
    if clean is None:
        raise ValidationError(errors)
    return clean


def _load(session: Session, action_id: int) -> Action:
    action = session.get(Action, action_id)
    if action is None:
        raise ActionNotFound(msg("action.error.not_found", id=action_id))
    return action


def _flush(session: Session) -> None:
    """Flush; a row changed by someone else since it was read becomes a VersionConflict."""
    try:
        session.flush()
    except StaleDataError:
        raise VersionConflict() from None


def _stamp(action: Action, user: CurrentUser) -> None:
    # Always touching the row makes every change, even one only to links, bump the version.
    action.updated_by_id = user.id
    action.updated_at = utcnow()


def create_action(
    session: Session,
    user: CurrentUser,
    data: ActionInput,
    source: str = "manual",
    external_ref: str | None = None,
) -> Action:
    """Log a new action for the department in `data`; returns it with its id.

    `source` and `external_ref` say where an imported row came from (see data_model/imports/).
    """
    require(user, "action.write", data.department_id)
    clean = _validated(session, data)
    action = Action(source=source, external_ref=external_ref, created_by_id=user.id, updated_by_id=user.id)
    session.add(action)
    apply_clean(session, action, clean)
    session.flush()
    audit.record(session, user, "create", ENTITY, action.id, before=None, after=action_snapshot(action))
    return action


def update_action(
    session: Session, user: CurrentUser, action_id: int, expected_version: int, data: ActionInput
) -> Action:
    """Save an edit made to version `expected_version`; refused if the action changed since."""
    action = _load(session, action_id)
    # Both ends must be the user's: nobody edits another department's action, or moves theirs there.
    require(user, "action.write", action.department_id)
    require(user, "action.write", data.department_id)
    if action.deleted_at is not None:
        raise ActionNotFound(msg("action.error.deleted"))
    if action.version != expected_version:
        raise VersionConflict()
    clean = _validated(session, data)
    with audit.changed(session, user, "update", ENTITY, action, action_snapshot):
        apply_clean(session, action, clean)
        _stamp(action, user)
        _flush(session)
    return action


def soft_delete_action(
    session: Session, user: CurrentUser, action_id: int, expected_version: int | None = None
) -> Action:
    """Hide an action from every figure; it stays in the database and can be restored."""
    action = _load(session, action_id)
    require(user, "action.write", action.department_id)
    if expected_version is not None and action.version != expected_version:
        raise VersionConflict()
    if action.deleted_at is not None:
        return action
    with audit.changed(session, user, "delete", ENTITY, action, action_snapshot):
        action.deleted_at = utcnow()
        action.deleted_by_id = user.id
        _stamp(action, user)
        _flush(session)
    return action


def restore_action(session: Session, user: CurrentUser, action_id: int) -> Action:
    """Bring a soft-deleted action back, exactly as it was."""
    action = _load(session, action_id)
    require(user, "action.write", action.department_id)
    if action.deleted_at is None:
        return action
    with audit.changed(session, user, "restore", ENTITY, action, action_snapshot):
        action.deleted_at = None
        action.deleted_by_id = None
        _stamp(action, user)
        _flush(session)
    return action


def mark_feedback_given(
    session: Session,
    user: CurrentUser,
    action_id: int,
    when: date | str | None,
    how: str,
    url: str = "",
    expected_version: int | None = None,
) -> Action:
    """Record that residents were told how their input was used: when, how, and where."""
    action = _load(session, action_id)
    require(user, "action.write", action.department_id)
    if action.deleted_at is not None:
        raise ActionNotFound(msg("action.error.deleted"))
    if expected_version is not None and action.version != expected_version:
        raise VersionConflict()
    data = action_input_of(action)
    data.feedback_given = True
    data.feedback_date = when
    data.feedback_method = how
    data.feedback_url = url
    clean = _validated(session, data)
    errors: dict[str, Message] = {}
    if clean.feedback_date is None:
        errors["feedback_date"] = msg("action.error.feedback_date_missing")
    if not clean.feedback_method:
        errors["feedback_method"] = msg("action.error.feedback_method_missing")
    if errors:
        raise ValidationError(errors)
    with audit.changed(session, user, "feedback", ENTITY, action, action_snapshot):
        action.feedback_given = True
        action.feedback_date = clean.feedback_date
        action.feedback_method = clean.feedback_method
        action.feedback_url = clean.feedback_url
        _stamp(action, user)
        _flush(session)
    return action
