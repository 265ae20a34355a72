"""What a person picks from when recording or proposing a target: the figures, the groups a
group figure can be about (those whose representation is compared), the participation forms
and the departments."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..models import AudienceGroup, Department, ParticipationForm
from ..permissions import CurrentUser, require_read
from .actions_list import Choice
from .target_figures import COMPARED_CODES, COMPARED_KINDS, FIGURES


@dataclass(frozen=True)
class FigureChoice:
    """A target-able figure: its key, unit (share | ratio | count) and subject kind."""

    key: str
    unit: str
    subject: str | None  # "group" | "form" | None


@dataclass(frozen=True)
class TargetChoices:
    """The options of the target form, in display order."""

    figures: tuple[FigureChoice, ...]
    groups: tuple[Choice, ...]
    forms: tuple[Choice, ...]
    departments: tuple[Choice, ...]


def target_choices(session: Session, user: CurrentUser | None) -> TargetChoices:
    """The figures, compared groups, forms and active departments a target can name."""
    require_read(user, "summary.read")
    groups = session.scalars(
        select(AudienceGroup)
        .where(
            AudienceGroup.active,
            or_(AudienceGroup.kind.in_(COMPARED_KINDS), AudienceGroup.code.in_(COMPARED_CODES)),
        )
        .order_by(AudienceGroup.sort_order, AudienceGroup.id)
    )
    forms = session.scalars(
        select(ParticipationForm).order_by(ParticipationForm.sort_order, ParticipationForm.id)
    )
    departments = session.scalars(
        select(Department).where(Department.active).order_by(Department.sort_order, Department.id)
    )
    return TargetChoices(
        tuple(FigureChoice(key, spec.unit, spec.subject) for key, spec in FIGURES.items()),
        tuple(Choice(group.code, group.name_fi, group.name_en) for group in groups),
        tuple(Choice(form.code, form.name_fi, form.name_en) for form in forms),
        tuple(Choice(str(item.id), item.name_fi, item.name_en) for item in departments),
    )
