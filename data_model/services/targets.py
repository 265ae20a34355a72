"""Targets: the coordinator records, edits and retires them ("target.write"); a department
head proposes one for their own department ("target.propose"), which the coordinator accepts
or declines. Every write checks first, validates (`target_rules`), audits with the values
before and after, and bumps the data version (audit.record does).

A target recorded by the coordinator is accepted at once: it was decided somewhere, and the
decision (body, date, §) is required. A proposal has no decision yet; accepting it asks for
one only if it still has none to name.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ..i18n import MessageError, msg
from ..models import Target, utcnow
from ..permissions import CurrentUser, PermissionDenied, require
from ..target_rules import DECISION_MAX, CleanTarget, TargetInput, check_target
from ..validation import ValidationError, bounded_text
from . import audit

FIELDS = (
    "figure",
    "subject",
    "department_id",
    "period_start",
    "period_end",
    "target_value",
    "direction",
    "set_by",
    "decision",
    "note",
    "status",
)


class TargetNotFound(PermissionDenied):
    """No target with that id (or it is not in a state the write applies to)."""


def target_snapshot(target: Target) -> dict[str, Any]:
    """The target's values as plain JSON types, for the audit log."""
    return {
        "figure": target.figure,
        "subject": target.subject,
        "department_id": target.department_id,
        "period_start": target.period_start.isoformat(),
        "period_end": target.period_end.isoformat(),
        "target_value": target.target_value,
        "direction": target.direction,
        "set_by": target.set_by,
        "decision": target.decision,
        "note": target.note,
        "status": target.status,
    }


def _apply(target: Target, clean: CleanTarget) -> None:
    for name in FIELDS[:-1]:
        setattr(target, name, getattr(clean, name))
    target.updated_at = utcnow()


def _clean(session: Session, data: TargetInput, today: date, decision_required: bool = True) -> CleanTarget:
    clean, errors = check_target(session, data, today, decision_required)
    if clean is None or errors:
        raise ValidationError(errors)
    return clean


def _target(session: Session, target_id: int, *statuses: str) -> Target:
    target = session.get(Target, target_id, with_for_update=True)
    if target is None or (statuses and target.status not in statuses):
        raise TargetNotFound(msg("targets.error.not_found"))
    return target


def record_target(session: Session, user: CurrentUser, data: TargetInput, today: date) -> Target:
    """Record a target decided by the council, the city board or a department (accepted)."""
    require(user, "target.write")
    clean = _clean(session, data, today)
    target = Target(status="accepted", created_by_id=user.id, created_at=utcnow())
    _apply(target, clean)
    session.add(target)
    session.flush()
    audit.record(session, user, "create", "target", target.id, after=target_snapshot(target))
    return target


def propose_target(session: Session, user: CurrentUser, data: TargetInput, today: date) -> Target:
    """A department's proposal for its own department; it waits for the coordinator."""
    # A proposal for the whole city (no department) is refused to a department head too.
    require(user, "target.propose", data.department_id)
    data.set_by = "department"
    clean = _clean(session, data, today, decision_required=False)
    target = Target(status="proposed", created_by_id=user.id, created_at=utcnow())
    _apply(target, clean)
    session.add(target)
    session.flush()
    audit.record(session, user, "create", "target", target.id, after=target_snapshot(target))
    return target


def edit_target(
    session: Session, user: CurrentUser, target_id: int, data: TargetInput, today: date
) -> Target:
    """Correct a recorded or proposed target (a retired or declined one stays as it was)."""
    require(user, "target.write")
    target = _target(session, target_id, "accepted", "proposed")
    clean = _clean(session, data, today, decision_required=target.status == "accepted")
    with audit.changed(session, user, "update", "target", target, target_snapshot):
        _apply(target, clean)
    return target


def decide_proposal(
    session: Session, user: CurrentUser, target_id: int, accept: bool, decision: str = ""
) -> Target:
    """Accept or decline a proposed target; accepting may name the decision behind it."""
    require(user, "target.write")
    target = _target(session, target_id, "proposed")
    try:
        named = bounded_text(decision, DECISION_MAX) or target.decision
    except MessageError as problem:
        raise ValidationError({"decision": problem.message}) from None
    if accept and not named:
        raise ValidationError.one("decision", "targets.error.decision_missing")
    with audit.changed(session, user, "accept" if accept else "decline", "target", target, target_snapshot):
        target.status = "accepted" if accept else "declined"
        if accept:
            target.decision = named
        target.updated_at = utcnow()
    return target


def retire_target(session: Session, user: CurrentUser, target_id: int) -> Target:
    """Stop following an accepted target; it stays, with its history, as retired."""
    require(user, "target.write")
    target = _target(session, target_id, "accepted")
    with audit.changed(session, user, "retire", "target", target, target_snapshot):
        target.status = "retired"
        target.updated_at = utcnow()
    return target
