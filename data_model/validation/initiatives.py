"""The rules an initiative must meet, with a message key per field (as actions.py does for
actions). `InitiativeInput` holds what was typed, loosely typed; `check_initiative` returns the
cleaned values or the messages. Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from .. import clock
from ..models import Department
from ..models.choices import INITIATOR_KINDS
from .actions import TITLE_MAX, TITLE_MIN
from .errors import Collector, Errors
from .values import LONG_TEXT_MAX, Raw, RawDate, bounded_text, date_in_range, whole_number

DECISION_REF_MAX = 120  # the column's length
TOLD_METHOD_MAX = 300


@dataclass
class InitiativeInput:
    """An initiative as entered. `led_to_action` None means not decided or not known."""

    received_date: RawDate = None
    title: str = ""
    initiator_kind: str = ""
    signatories: Raw = 1
    department_id: int | None = None
    council_competence: bool = False
    decision: str = ""
    decision_date: RawDate = None
    decision_ref: str = ""
    led_to_action: bool | None = None
    told_date: RawDate = None
    told_method: str = ""


@dataclass
class CleanInitiative:
    """An initiative's values after every rule passed, in the stored types."""

    received_date: date
    title: str
    initiator_kind: str
    signatories: int
    department_id: int
    council_competence: bool
    decision: str
    decision_date: date | None
    decision_ref: str
    led_to_action: bool | None
    told_date: date | None
    told_method: str


def _past_date(errors: Collector, name: str, value: RawDate, today: date) -> date | None:
    """A date that has come: an initiative is received, decided and answered in the past."""
    day = errors.run(name, date_in_range, value, today)
    if day is not None and day > today:
        errors.fail(name, "initiative.error.in_future")
        return None
    return day


def check_initiative(
    session: Session, data: InitiativeInput, today: date | None = None
) -> tuple[CleanInitiative | None, Errors]:
    """Check every rule; the cleaned initiative when all pass, else None and the messages."""
    today = today or clock.today()
    errors = Collector()
    received = _past_date(errors, "received_date", data.received_date, today)
    if received is None and "received_date" not in errors.errors:
        errors.fail("received_date", "initiative.error.received_missing")
    title = errors.run("title", bounded_text, data.title, TITLE_MAX, TITLE_MIN)
    if data.initiator_kind not in INITIATOR_KINDS:
        errors.fail("initiator_kind", "initiative.error.choose_initiator")
    signatories = errors.run("signatories", whole_number, data.signatories)
    if signatories is None or signatories < 1:
        errors.fail("signatories", "initiative.error.signatories_min")
    if data.department_id is None:
        errors.fail("department_id", "validation.choose_department")
    elif session.get(Department, data.department_id) is None:
        errors.fail("department_id", "validation.unknown_department")

    decision = errors.run("decision", bounded_text, data.decision, LONG_TEXT_MAX)
    decided = _past_date(errors, "decision_date", data.decision_date, today)
    reference = errors.run("decision_ref", bounded_text, data.decision_ref, DECISION_REF_MAX)
    if decided is not None and received is not None and decided < received:
        errors.fail("decision_date", "initiative.error.decision_before_received")
    if decided is not None and not decision:
        errors.fail("decision", "initiative.error.decision_missing")
    if decided is None and (decision or reference) and "decision_date" not in errors.errors:
        errors.fail("decision_date", "initiative.error.decision_date_missing")
    if data.led_to_action is not None and decided is None:
        errors.fail("led_to_action", "initiative.error.outcome_without_decision")

    told = _past_date(errors, "told_date", data.told_date, today)
    method = errors.run("told_method", bounded_text, data.told_method, TOLD_METHOD_MAX)
    if told is not None:
        if decided is None and "decision_date" not in errors.errors:
            # KL 23 §: the initiator is told what was done, so the decision comes first.
            errors.fail("told_date", "initiative.error.told_without_decision")
        elif decided is not None and told < decided:
            errors.fail("told_date", "initiative.error.told_before_decision")
        if not method:
            errors.fail("told_method", "initiative.error.told_method_missing")
    elif method and "told_date" not in errors.errors:
        errors.fail("told_date", "initiative.error.told_date_missing")

    if errors.errors:
        return None, errors.errors
    assert received is not None and signatories is not None and data.department_id is not None  # noqa: S101
    return CleanInitiative(
        received_date=received,
        title=title or "",
        initiator_kind=data.initiator_kind,
        signatories=signatories,
        department_id=data.department_id,
        council_competence=bool(data.council_competence),
        decision=decision or "",
        decision_date=decided,
        decision_ref=reference or "",
        led_to_action=data.led_to_action,
        told_date=told,
        told_method=method or "",
    ), {}
