"""Writing survey results on residents' experience of participation: record, edit, soft
delete and restore; the import writes through `create_experience` too.

As the other services do: the permission first (the coordinator only), then the rules
(validation.experience), then the write in the caller's transaction, audited before and after,
which bumps the experience domain's data version.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..i18n import msg
from ..models import ExperienceResult, utcnow
from ..permissions import CurrentUser, require
from ..validation import ValidationError
from ..validation.experience import CleanExperience, ExperienceInput, check_experience
from . import audit
from .actions import ActionNotFound, VersionConflict

ENTITY = "experience_result"
WRITE = "experience.write"
FIELDS = (
    "survey",
    "year",
    "audience_group_id",
    "area_id",
    "respondents",
    "score",
    "agree_pct",
    "neutral_pct",
    "disagree_pct",
    "source_name",
    "source_url",
)


class ExperienceNotFound(ActionNotFound):
    """No result with that id (or it is deleted when a live one is needed)."""


def experience_snapshot(result: ExperienceResult) -> dict[str, Any]:
    """The result's values as plain JSON types, for the audit log's before/after."""
    values: dict[str, Any] = {name: getattr(result, name) for name in FIELDS}
    values["source"] = result.source
    values["deleted_at"] = result.deleted_at.isoformat() if result.deleted_at else None
    values["version"] = result.version
    return values


def _validated(session: Session, data: ExperienceInput, own_id: int | None = None) -> CleanExperience:
    clean, errors = check_experience(session, data, own_id)
    if clean is None:
        raise ValidationError(errors)
    return clean


def _copy(result: ExperienceResult, clean: CleanExperience) -> None:
    for name in FIELDS:
        setattr(result, name, getattr(clean, name))


def _load(session: Session, result_id: int) -> ExperienceResult:
    result = session.get(ExperienceResult, result_id)
    if result is None:
        raise ExperienceNotFound(msg("experience.error.not_found", id=result_id))
    return result


def _stamp(result: ExperienceResult, user: CurrentUser) -> None:
    result.updated_by_id = user.id
    result.updated_at = utcnow()


def create_experience(
    session: Session, user: CurrentUser, data: ExperienceInput, source: str = "manual"
) -> ExperienceResult:
    """Record a survey result; returns it with its id."""
    require(user, WRITE)
    clean = _validated(session, data)
    result = ExperienceResult(source=source, created_by_id=user.id, updated_by_id=user.id)
    _copy(result, clean)
    session.add(result)
    session.flush()
    audit.record(session, user, "create", ENTITY, result.id, before=None, after=experience_snapshot(result))
    return result


def update_experience(
    session: Session, user: CurrentUser, result_id: int, expected_version: int, data: ExperienceInput
) -> ExperienceResult:
    """Save an edit made to version `expected_version`; refused if it changed since."""
    require(user, WRITE)
    result = _load(session, result_id)
    if result.deleted_at is not None:
        raise ExperienceNotFound(msg("experience.error.deleted"))
    if result.version != expected_version:
        raise VersionConflict(msg("experience.error.conflict"))
    clean = _validated(session, data, own_id=result.id)
    try:
        with audit.changed(session, user, "update", ENTITY, result, experience_snapshot):
            _copy(result, clean)
            _stamp(result, user)
    except StaleDataError:
        # Saved by someone else between our read and this write.
        raise VersionConflict(msg("experience.error.conflict")) from None
    return result


def soft_delete_experience(session: Session, user: CurrentUser, result_id: int) -> ExperienceResult:
    """Hide a result from the trend and the indicators; it can be restored."""
    require(user, WRITE)
    result = _load(session, result_id)
    if result.deleted_at is not None:
        return result
    with audit.changed(session, user, "delete", ENTITY, result, experience_snapshot):
        result.deleted_at = utcnow()
        result.deleted_by_id = user.id
        _stamp(result, user)
    return result


def restore_experience(session: Session, user: CurrentUser, result_id: int) -> ExperienceResult:
    """Bring a soft-deleted result back, unless a live one now holds its survey, year and group."""
    require(user, WRITE)
    result = _load(session, result_id)
    if result.deleted_at is None:
        return result
    data = ExperienceInput(**{name: getattr(result, name) for name in FIELDS})
    _validated(session, data, own_id=result.id)
    with audit.changed(session, user, "restore", ENTITY, result, experience_snapshot):
        result.deleted_at = None
        result.deleted_by_id = None
        _stamp(result, user)
    return result
