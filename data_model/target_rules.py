"""The rules a target must meet, with a message per field (keys `targets.error.*`).

`TargetInput` holds what a person typed, still loosely typed (the value may be "50 %",
"0,85" or 12), so the form and the services get the same messages. A share is typed as a
percentage (50 = 50 %) and stored as a share (0.5), the unit the metric computes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .i18n import Message, MessageError, msg
from .metrics.target_figures import COMPARED_CODES, COMPARED_KINDS, COUNT, FIGURES, FORM, GROUP, SHARE
from .models import AudienceGroup, Department, ParticipationForm
from .models.choices import TARGET_DIRECTIONS, TARGET_SETTERS
from .validation import EARLIEST_DATE, NUMBER_TEXT_MAX, Errors, RawDate, bounded_text, parse_date

DECISION_MAX = 200
NOTE_MAX = 2000
# Targets run for a council term or a budget period: up to ten years ahead.
YEARS_AHEAD = 10
RATIO_MAX = 100.0


@dataclass
class TargetInput:
    """A target as entered; `department_id` None is the whole city."""

    figure: str = ""
    subject: str | None = None
    department_id: int | None = None
    period_start: RawDate = None
    period_end: RawDate = None
    target_value: str | int | float | None = None
    direction: str = "at_least"
    set_by: str = "council"
    decision: str = ""
    note: str = ""


@dataclass(frozen=True)
class CleanTarget:
    """A target's values after every rule passed, in the types the database stores."""

    figure: str
    subject: str | None
    department_id: int | None
    period_start: date
    period_end: date
    target_value: float
    direction: str
    set_by: str
    decision: str
    note: str


def _number(raw: str | int | float | None) -> Decimal | None:
    if raw is None or isinstance(raw, bool):
        return None
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "").replace("%", "").replace(",", ".")
    if not text or len(text) > NUMBER_TEXT_MAX:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def target_value(unit: str, raw: str | int | float | None) -> tuple[float | None, Message | None]:
    """The target value in the figure's unit, or the message why it is not one."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, msg("targets.error.value_missing")
    number = _number(raw)
    if number is None:
        return None, msg("targets.error.value_number")
    if unit == SHARE:
        if not 0 <= number <= 100:
            return None, msg("targets.error.value_percent")
        return float(number) / 100, None
    if unit == COUNT:
        if number < 0 or number != number.to_integral_value() or number > 1_000_000:
            return None, msg("targets.error.value_count")
        return float(number), None
    if not 0 <= number <= Decimal(RATIO_MAX):
        return None, msg("targets.error.value_ratio", maximum=int(RATIO_MAX))
    return float(number), None


def _date(raw: RawDate, today: date, errors: Errors, name: str) -> date | None:
    try:
        day = parse_date(raw)
    except MessageError as problem:
        errors[name] = problem.message
        return None
    if day is None:
        errors[name] = msg(f"targets.error.{name}_missing")
        return None
    latest = today.replace(year=today.year + YEARS_AHEAD, day=min(today.day, 28))
    if not EARLIEST_DATE <= day <= latest:
        errors[name] = msg("targets.error.date_range", earliest=EARLIEST_DATE, latest=latest)
        return None
    return day


def _subject_known(session: Session, kind: str, code: str) -> bool:
    if kind == GROUP:
        found = session.scalar(
            select(AudienceGroup.id).where(
                AudienceGroup.code == code,
                AudienceGroup.active,
                or_(AudienceGroup.kind.in_(COMPARED_KINDS), AudienceGroup.code.in_(COMPARED_CODES)),
            )
        )
    else:
        found = session.scalar(select(ParticipationForm.id).where(ParticipationForm.code == code))
    return found is not None


def _text(raw: str, maximum: int, errors: Errors, name: str) -> str:
    try:
        return bounded_text(raw, maximum)
    except MessageError as problem:
        errors[name] = problem.message
        return ""


def check_target(
    session: Session, data: TargetInput, today: date, decision_required: bool = True
) -> tuple[CleanTarget | None, Errors]:
    """Check every rule; the cleaned target when all pass, else None and the messages per
    field. A proposal (`decision_required` False) has no decision yet."""
    errors: Errors = {}
    spec = FIGURES.get(data.figure)
    if spec is None:
        errors["figure"] = msg("targets.error.figure")
    subject = (data.subject or "").strip() or None
    if spec is not None and spec.subject in (GROUP, FORM):
        if subject is None:
            errors["subject"] = msg(f"targets.error.subject_{spec.subject}")
        elif not _subject_known(session, spec.subject, subject):
            errors["subject"] = msg("targets.error.subject_unknown", code=subject)
    elif spec is not None:
        subject = None  # a figure of the whole scope has no group or form
    if data.department_id is not None and session.get(Department, data.department_id) is None:
        errors["department_id"] = msg("targets.error.department")
    start = _date(data.period_start, today, errors, "period_start")
    end = _date(data.period_end, today, errors, "period_end")
    if start is not None and end is not None and end <= start:
        errors["period_end"] = msg("targets.error.period_order")
    value, problem = target_value(spec.unit if spec else COUNT, data.target_value)
    if problem is not None:
        errors["target_value"] = problem
    if data.direction not in TARGET_DIRECTIONS:
        errors["direction"] = msg("targets.error.direction")
    if data.set_by not in TARGET_SETTERS:
        errors["set_by"] = msg("targets.error.set_by")
    decision = _text(data.decision, DECISION_MAX, errors, "decision")
    if decision_required and not decision and "decision" not in errors:
        errors["decision"] = msg("targets.error.decision_missing")
    note = _text(data.note, NOTE_MAX, errors, "note")
    if errors or start is None or end is None or value is None:
        return None, errors
    return CleanTarget(
        data.figure,
        subject,
        data.department_id,
        start,
        end,
        value,
        data.direction,
        data.set_by,
        decision,
        note,
    ), {}
