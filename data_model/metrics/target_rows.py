"""The targets as stored, each with the names of what it is about (its group or form, its
department), read in one statement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import AudienceGroup, Department, ParticipationForm, Target
from .labels import Label
from .target_figures import FIGURES, FORM, GROUP


@dataclass(frozen=True)
class TargetRow:
    """A target as stored, with the names of what it is about."""

    id: int
    figure: str
    unit: str
    subject: Label | None
    department: Label | None  # None: the whole city
    period_start: date
    period_end: date
    target_value: float
    direction: str  # at_least | at_most
    set_by: str  # council | city_board | department
    decision: str
    note: str
    lifecycle: str  # proposed | accepted | declined | retired


def _row(
    target: Target, group: AudienceGroup | None, form: ParticipationForm | None, department: Department | None
) -> TargetRow:
    spec = FIGURES[target.figure]
    subject = group if spec.subject == GROUP else form if spec.subject == FORM else None
    return TargetRow(
        target.id,
        target.figure,
        spec.unit,
        Label(subject.id, subject.code, subject.name_fi, subject.name_en)
        if subject and target.subject
        else None,
        Label(department.id, department.code, department.name_fi, department.name_en) if department else None,
        target.period_start,
        target.period_end,
        target.target_value,
        target.direction,
        target.set_by,
        target.decision,
        target.note,
        target.status,
    )


def stored_targets(session: Session, statuses: tuple[str, ...], department_id: int | None) -> list[TargetRow]:
    """The targets in `statuses` (of one department when given), soonest end first; a
    building block of the readers in metrics.targets, which check."""
    # The names of each target's group or form and department come in the same statement.
    query = (
        select(Target, AudienceGroup, ParticipationForm, Department)
        .outerjoin(AudienceGroup, AudienceGroup.code == Target.subject)
        .outerjoin(ParticipationForm, ParticipationForm.code == Target.subject)
        .outerjoin(Department, Department.id == Target.department_id)
        .where(Target.status.in_(statuses))
    )
    if department_id is not None:
        query = query.where(Target.department_id == department_id)
    rows = session.execute(query.order_by(Target.period_end, Target.id)).all()
    return [_row(*row) for row in rows if row[0].figure in FIGURES]
