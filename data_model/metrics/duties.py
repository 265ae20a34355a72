"""The responsibility matrix: each actor's duties with their evidence, when each was last
done and when it is due next (the cadences the programme leaves open are the city's
assumption, marked as such).

Dates are judged against an injected `today`, so the answers are repeatable in tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import (
    Action,
    Actor,
    Department,
    DepartmentReport,
    Opportunity,
    Responsibility,
)
from ..permissions import CurrentUser, require_read
from .filters import add_months, live_actions
from .reporting import (
    DUE_SOON,
    DUE_SOON_DAYS,
    OK,
    OVERDUE,
    STATUSES,
    UNTRACKED,
    ReportingStatus,
    department_statuses,
    reported_on_time,
)
from .settings import load_metric_settings

# Months between two occurrences of a recurring duty.
CADENCE_MONTHS = {"semiannual": 6, "annual": 12, "council_term": 48}
# Actors whose duties are evidenced by one kind of department's actions only.
ACTOR_DEPARTMENT_KIND = {"toimialat": "department", "vaikuttamistoimielimet": "advocacy_body"}
# Duties whose evidence is one kind of action only: residents monitor the programme through
# surveys, so only an action that used the survey opportunity shows that duty done.
DUTY_OPPORTUNITY = {"asukkaat_seuranta_kyselyin": "asukaskyselyt"}


@dataclass(frozen=True)
class DutyStatus:
    """One duty of an actor and whether the evidence in the dashboard shows it done.

    status: ok | due_soon | overdue | untracked (the dashboard holds no evidence for it), the
    codes of metrics.reporting.
    Rules, with P = the cadence in months (continuous duties use the `unused_months` setting):
    the latest evidence dated on or before `today` sets the next deadline = evidence + P;
    "overdue" when that deadline has passed or there is no evidence at all, "due_soon" when it
    falls within DUE_SOON_DAYS, "ok" otherwise. Evidence by kind:
    - action: the newest logged action (of the actor's kind of department, where it has one,
      and of the duty's opportunity in DUTY_OPPORTUNITY);
    - department_report: each reporting department's status from metrics.reporting (its own
      cadence; no report yet = due that long after the programme's approval); the duty takes
      the worst department's status, and the dates of the department due first;
    - programme_review: the newest logged action or department report of any kind.
    """

    id: int
    code: str
    text_fi: str
    text_en: str
    cadence: str
    evidence: str
    active: bool
    status: str
    period_months: int | None
    last_evidence: date | None
    next_due: date | None
    evidence_count: int  # actions or reports found within the period
    departments: tuple[ReportingStatus, ...] = ()
    cadence_assumed: bool = True  # the city chose the cadence; the programme does not state it


@dataclass(frozen=True)
class ActorDuties:
    id: int
    code: str
    name_fi: str
    name_en: str
    duties: tuple[DutyStatus, ...]


def deadline_status(last: date | None, months: int, today: date) -> tuple[str, date | None]:
    """ok / due_soon / overdue for evidence dated `last` that must recur every `months` months."""
    if last is None:
        return OVERDUE, None
    next_due = add_months(last, months)
    if next_due < today:
        return OVERDUE, next_due
    if next_due <= today + timedelta(days=DUE_SOON_DAYS):
        return DUE_SOON, next_due
    return OK, next_due


def _action_evidence(
    session: Session, actor_code: str, since: date, today: date, duty_code: str = ""
) -> tuple[date | None, int]:
    kind = ACTOR_DEPARTMENT_KIND.get(actor_code)
    query = select(
        func.max(Action.start_date), func.count(Action.id).filter(Action.start_date > since)
    ).where(live_actions(), Action.start_date <= today)
    if kind is not None:
        query = query.join(Department, Department.id == Action.department_id).where(Department.kind == kind)
    opportunity = DUTY_OPPORTUNITY.get(duty_code)
    if opportunity is not None:
        query = query.join(Opportunity, Opportunity.id == Action.opportunity_id).where(
            Opportunity.code == opportunity
        )
    last, count = session.execute(query).one()
    return last, int(count or 0)


def _review_evidence(session: Session, since: date, today: date) -> tuple[date | None, int]:
    last_action, actions = _action_evidence(session, "", since, today)
    last_report, reports = session.execute(
        select(
            func.max(DepartmentReport.period_end),
            func.count(DepartmentReport.id).filter(DepartmentReport.period_end > since),
        ).where(DepartmentReport.deleted_at.is_(None), DepartmentReport.period_end <= today)
    ).one()
    dates = [day for day in (last_action, last_report) if day is not None]
    return (max(dates) if dates else None), actions + int(reports or 0)


def _duty_status(
    session: Session, actor: Actor, duty: Responsibility, today: date, continuous_months: int
) -> DutyStatus:
    months = CADENCE_MONTHS.get(duty.cadence, continuous_months)
    since = add_months(today, -months)
    departments: tuple[ReportingStatus, ...] = ()
    last: date | None = None
    count = 0
    if duty.evidence == "none":
        status, next_due, months_shown = UNTRACKED, None, CADENCE_MONTHS.get(duty.cadence)
        return DutyStatus(
            duty.id, duty.code, duty.text_fi, duty.text_en, duty.cadence, duty.evidence, duty.active,
            status, months_shown, None, next_due, 0, (), duty.cadence_assumed,
        )  # fmt: skip
    if duty.evidence == "department_report":
        departments = tuple(department_statuses(session, today))
        count = reported_on_time(departments)
        status = min((d.status for d in departments), key=STATUSES.index, default=UNTRACKED)
        # The duty is as late as its latest department: show that department's dates.
        laggard = min(departments, key=lambda d: d.next_due, default=None)
        last = laggard.last_period_end if laggard else None
        next_due = laggard.next_due if laggard else None
    else:
        if duty.evidence == "action":
            last, count = _action_evidence(session, actor.code, since, today, duty.code)
        else:
            last, count = _review_evidence(session, since, today)
        status, next_due = deadline_status(last, months, today)
    return DutyStatus(
        duty.id, duty.code, duty.text_fi, duty.text_en, duty.cadence, duty.evidence, duty.active,
        status, months, last, next_due, count, departments, duty.cadence_assumed,
    )  # fmt: skip


def responsibilities(
    session: Session, user: CurrentUser | None, today: date, include_retired: bool = False
) -> list[ActorDuties]:
    """The actors and their duties, each with cadence, status and the evidence behind it."""
    require_read(user, "summary.read")
    continuous_months = load_metric_settings(session).unused_months
    result = []
    for actor in session.scalars(select(Actor).order_by(Actor.sort_order)):
        duties = tuple(
            _duty_status(session, actor, duty, today, continuous_months)
            for duty in actor.duties
            if duty.active or include_retired
        )
        result.append(ActorDuties(actor.id, actor.code, actor.name_fi, actor.name_en, duties))
    return result
