"""Writing municipal initiatives: register, edit (the decision, the outcome, telling the
initiator are edits too), soft delete and restore.

As the action services do: the permission first (the coordinator any department's, a
department head only those their department handles, the council none), then the rules
(validation.initiatives), then the write in the caller's transaction, audited before and after,
which bumps the data version.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..i18n import msg
from ..models import Initiative, utcnow
from ..permissions import CurrentUser, require
from ..validation import ValidationError
from ..validation.initiatives import CleanInitiative, InitiativeInput, check_initiative
from . import audit
from .actions import ActionNotFound, VersionConflict

ENTITY = "initiative"
WRITE = "initiative.write"


class InitiativeNotFound(ActionNotFound):
    """No initiative with that id (or it is deleted when a live one is needed). A kind of
    ActionNotFound, so the pages' save helper explains it like a missing action."""


def initiative_snapshot(initiative: Initiative) -> dict[str, Any]:
    """The initiative's values as plain JSON types, for the audit log's before/after."""
    return {
        "received_date": initiative.received_date.isoformat() if initiative.received_date else None,
        "title": initiative.title,
        "initiator_kind": initiative.initiator_kind,
        "signatories": initiative.signatories,
        "department_id": initiative.department_id,
        "council_competence": initiative.council_competence,
        "decision": initiative.decision,
        "decision_date": initiative.decision_date.isoformat() if initiative.decision_date else None,
        "decision_ref": initiative.decision_ref,
        "led_to_action": initiative.led_to_action,
        "told_date": initiative.told_date.isoformat() if initiative.told_date else None,
        "told_method": initiative.told_method,
        "source": initiative.source,
        "deleted_at": initiative.deleted_at.isoformat() if initiative.deleted_at else None,
        "version": initiative.version,
    }


def _validated(session: Session, data: InitiativeInput) -> CleanInitiative:
    clean, errors = check_initiative(session, data)
    if clean is None:
        raise ValidationError(errors)
    return clean


def _copy(initiative: Initiative, clean: CleanInitiative) -> None:
    initiative.received_date = clean.received_date
    initiative.title = clean.title
    initiative.initiator_kind = clean.initiator_kind
    initiative.signatories = clean.signatories
    initiative.department_id = clean.department_id
    initiative.council_competence = clean.council_competence
    initiative.decision = clean.decision
    initiative.decision_date = clean.decision_date
    initiative.decision_ref = clean.decision_ref
    initiative.led_to_action = clean.led_to_action
    initiative.told_date = clean.told_date
    initiative.told_method = clean.told_method


def _load(session: Session, initiative_id: int) -> Initiative:
    initiative = session.get(Initiative, initiative_id)
    if initiative is None:
        raise InitiativeNotFound(msg("initiative.error.not_found", id=initiative_id))
    return initiative


def _stamp(initiative: Initiative, user: CurrentUser) -> None:
    initiative.updated_by_id = user.id
    initiative.updated_at = utcnow()


def create_initiative(session: Session, user: CurrentUser, data: InitiativeInput) -> Initiative:
    """Register an initiative for the department in `data`; returns it with its id."""
    require(user, WRITE, data.department_id)
    clean = _validated(session, data)
    initiative = Initiative(source="manual", created_by_id=user.id, updated_by_id=user.id)
    _copy(initiative, clean)
    session.add(initiative)
    session.flush()
    audit.record(
        session, user, "create", ENTITY, initiative.id, before=None, after=initiative_snapshot(initiative)
    )
    return initiative


def update_initiative(
    session: Session, user: CurrentUser, initiative_id: int, expected_version: int, data: InitiativeInput
) -> Initiative:
    """Save an edit made to version `expected_version`; refused if it changed since, or if it
    is another department's (or would move to another department) for a department head."""
    initiative = _load(session, initiative_id)
    require(user, WRITE, initiative.department_id)
    require(user, WRITE, data.department_id)
    if initiative.deleted_at is not None:
        raise InitiativeNotFound(msg("initiative.error.deleted"))
    if initiative.version != expected_version:
        raise VersionConflict(msg("initiative.error.conflict"))
    clean = _validated(session, data)
    try:
        with audit.changed(session, user, "update", ENTITY, initiative, initiative_snapshot):
            _copy(initiative, clean)
            _stamp(initiative, user)
    except StaleDataError:
        # Saved by someone else between our read and this write.
        raise VersionConflict(msg("initiative.error.conflict")) from None
    return initiative


def soft_delete_initiative(session: Session, user: CurrentUser, initiative_id: int) -> Initiative:
    """Hide an initiative from the register and every figure; it can be restored."""
    initiative = _load(session, initiative_id)
    require(user, WRITE, initiative.department_id)
    if initiative.deleted_at is not None:
        return initiative
    with audit.changed(session, user, "delete", ENTITY, initiative, initiative_snapshot):
        initiative.deleted_at = utcnow()
        initiative.deleted_by_id = user.id
        _stamp(initiative, user)
    return initiative


def restore_initiative(session: Session, user: CurrentUser, initiative_id: int) -> Initiative:
    """Bring a soft-deleted initiative back, exactly as it was."""
    initiative = _load(session, initiative_id)
    require(user, WRITE, initiative.department_id)
    if initiative.deleted_at is None:
        return initiative
    with audit.changed(session, user, "restore", ENTITY, initiative, initiative_snapshot):
        initiative.deleted_at = None
        initiative.deleted_by_id = None
        _stamp(initiative, user)
    return initiative
