"""The responsibility matrix: each actor's duties with their evidence, when each was last
done and when it is due next (the cadences the programme leaves open are the city's
assumption, marked as such).

Dates are judged against an injected `today`, so the answers are repeatable in tests. The
actors and duties are one edition's (default: the one in force `today`); an earlier edition's
are judged on its last day in force, so they show where its duties stood when it ended. An
edition's duties are evidenced only by what was done while it was in force (actions started,
and for a programme review reports ending, on or after its start): the duties are the new
edition's, and what was done under the earlier one shows under that one. A duty with no
evidence yet in a later edition is first due one period after the edition's start (as a
department's first report is due one period after the approval, metrics.reporting); in the
first edition, which has no start, it is overdue at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Subquery, and_, case, func, select, true
from sqlalchemy.orm import Session

from ..editions import EditionWindow, edition_start_sql
from ..models import (
    Actor,
    Department,
    DepartmentReport,
    Opportunity,
    Responsibility,
)
from ..permissions import CurrentUser, require_read
from .day_keys import day_of_key
from .filters import add_months, edition_scope
from .opportunity_use import opportunity_use
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


@dataclass(frozen=True)
class _Evidence:
    """Which actions evidence a duty: those of one kind of department and one opportunity
    (None: any), counted since `since`."""

    kind: str | None
    opportunity: str | None
    since: date


def _evidence_of(actor_code: str, duty: Responsibility, since: date) -> _Evidence:
    kind = ACTOR_DEPARTMENT_KIND.get(actor_code) if duty.evidence == "action" else None
    opportunity = DUTY_OPPORTUNITY.get(duty.code) if duty.evidence == "action" else None
    return _Evidence(kind, opportunity, since)


def _possible_evidence(today: date, continuous_months: int) -> list[_Evidence]:
    """Every evidence a duty can ask for (each actor's kind of department or any, each duty's
    opportunity or any, each cadence's period back from `today`): known before the duties are
    read, so their aggregates ride in the duties' own statement."""
    kinds = [None, *sorted(set(ACTOR_DEPARTMENT_KIND.values()))]
    opportunities = [None, *sorted(set(DUTY_OPPORTUNITY.values()))]
    sinces = _possible_sinces(today, continuous_months)
    return [
        _Evidence(kind, opportunity, since)
        for kind in kinds
        for opportunity in opportunities
        for since in sinces
    ]


def _possible_sinces(today: date, continuous_months: int) -> list[date]:
    months = {*CADENCE_MONTHS.values(), continuous_months}
    return sorted({add_months(today, -month) for month in months})


def _evidence_sql(keys: Sequence[_Evidence], sinces: Sequence[date], today: date, start: Any) -> Subquery:
    """One row: for each of `keys` the newest action and the count since its `since`; then
    the newest department report and the count since each of `sinces`. Actions and reports
    count from the edition's `start` (SQL; NULL: from the beginning)."""
    from_start = func.coalesce(start, date.min)
    # Per department and opportunity (a few hundred rows), from the monthly sums; each evidence
    # then takes the groups of its department kind and opportunity.
    firsts = [start, *(_later(start, since + timedelta(days=1)) for since in sinces)]
    use = opportunity_use(firsts, today)
    counted = select(
        use.c.department_id,
        use.c.opportunity_id,
        use.c.last0.label("last"),
        *(use.c[f"n{i + 1}"].label(f"since_{i}") for i in range(len(sinces))),
    ).subquery()
    groups = (
        select(Department.kind.label("kind"), Opportunity.code.label("opportunity"), *counted.c[2:])
        .select_from(counted)
        .join(Department, Department.id == counted.c.department_id)
        .outerjoin(Opportunity, Opportunity.id == counted.c.opportunity_id)
        .subquery()
    )
    columns: list[Any] = []
    for key in keys:
        matches = and_(
            true(),
            *([groups.c.kind == key.kind] if key.kind is not None else []),
            *([groups.c.opportunity == key.opportunity] if key.opportunity is not None else []),
        )
        columns += [
            func.max(case((matches, groups.c.last))),
            func.sum(case((matches, groups.c[f"since_{sinces.index(key.since)}"]), else_=0)),
        ]
    counted_reports = (
        DepartmentReport.deleted_at.is_(None),
        DepartmentReport.period_end <= today,
        DepartmentReport.period_end >= from_start,
    )
    # The reports ride along as uncorrelated scalar subqueries of the actions' aggregate.
    columns += [
        select(func.max(DepartmentReport.period_end)).where(*counted_reports).scalar_subquery(),
        *(
            select(func.count(DepartmentReport.id))
            .where(*counted_reports, DepartmentReport.period_end > since)
            .scalar_subquery()
            for since in sinces
        ),
    ]
    return select(*(column.label(f"evidence_{i}") for i, column in enumerate(columns))).subquery()


def _later(start: Any, day: date) -> ColumnElement[date]:
    """The later of the edition's start (SQL; NULL: the beginning of time) and `day`."""
    return case((start > day, start), else_=day)


def _evidence_of_row(
    values: Sequence[Any], keys: Sequence[_Evidence], sinces: Sequence[date]
) -> tuple[dict[_Evidence, tuple[date | None, int]], dict[date, tuple[date | None, int]]]:
    """The columns of `_evidence_sql` by evidence and by report `since`."""
    actions = {key: (day_of_key(values[2 * i]), int(values[2 * i + 1] or 0)) for i, key in enumerate(keys)}
    last, *counts = values[2 * len(keys) :]
    reports = {since: (last, int(count or 0)) for since, count in zip(sinces, counts, strict=True)}
    return actions, reports


@dataclass(frozen=True)
class _Found:
    """Everything the duties' statuses rest on, read once for all duties."""

    actions: dict[_Evidence, tuple[date | None, int]]
    reports: dict[date, tuple[date | None, int]]
    departments: tuple[ReportingStatus, ...]
    start: date | None  # the edition's first day in force; None for the first edition


def _duty_status(
    found: _Found, actor: Actor, duty: Responsibility, today: date, continuous_months: int
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
        departments = found.departments
        count = reported_on_time(departments)
        status = min((d.status for d in departments), key=STATUSES.index, default=UNTRACKED)
        # The duty is as late as its latest department: show that department's dates.
        laggard = min(departments, key=lambda d: d.next_due, default=None)
        last = laggard.last_period_end if laggard else None
        next_due = laggard.next_due if laggard else None
    else:
        last, count = found.actions[_evidence_of(actor.code, duty, since)]
        if duty.evidence != "action":  # a programme review: any action or department report
            last_report, reports = found.reports[since]
            dates = [day for day in (last, last_report) if day is not None]
            last, count = (max(dates) if dates else None), count + reports
        status, next_due = deadline_status(last if last is not None else found.start, months, today)
    return DutyStatus(
        duty.id, duty.code, duty.text_fi, duty.text_en, duty.cadence, duty.evidence, duty.active,
        status, months, last, next_due, count, departments, duty.cadence_assumed,
    )  # fmt: skip


def _statuses(
    session: Session, today: date, known: Mapping[date, Sequence[ReportingStatus]] | None
) -> tuple[ReportingStatus, ...]:
    if known is not None and today in known:
        return tuple(known[today])
    return tuple(department_statuses(session, today))


def responsibilities(
    session: Session,
    user: CurrentUser | None,
    today: date,
    include_retired: bool = False,
    edition: EditionWindow | None = None,
    departments: Mapping[date, Sequence[ReportingStatus]] | None = None,
) -> list[ActorDuties]:
    """The actors and their duties of the edition (default: in force `today`), each with
    cadence, status and the evidence behind it; the departments' reporting statuses on the day
    judged are taken from `departments` (by day) when the caller has read them for that day
    (metrics.reporting.department_statuses_on), else read here."""
    require_read(user, "summary.read")
    scope = edition_scope(edition, today)
    today = scope.as_of
    continuous_months = load_metric_settings(session).unused_months
    keys = _possible_evidence(today, continuous_months)
    sinces = _possible_sinces(today, continuous_months)
    start_sql = edition_start_sql(scope.edition_id)
    evidence = _evidence_sql(keys, sinces, today, start_sql)
    # The actors with their duties (none: an actor listed empty), each row with its edition's
    # start and the evidence every duty may ask for (one row of aggregates, joined to all).
    rows = session.execute(
        select(Actor, Responsibility, start_sql, *evidence.c)
        .outerjoin(Responsibility, Responsibility.actor_id == Actor.id)
        .outerjoin(evidence, true())
        .where(Actor.edition_id == scope.edition_id)
        .order_by(Actor.sort_order, Actor.id, Responsibility.sort_order, Responsibility.id)
    ).all()
    if not rows:
        return []
    start: date | None = rows[0][2]
    actions, reports = _evidence_of_row(rows[0][3:], keys, sinces)
    grouped: dict[Actor, list[Responsibility]] = {}
    for actor, duty, *_found in rows:
        grouped.setdefault(actor, [])
        if duty is not None and (duty.active or include_retired):
            grouped[actor].append(duty)
    shown = list(grouped.items())
    with_departments = any(
        duty.evidence == "department_report" for _actor, duties in shown for duty in duties
    )
    found = _Found(
        actions,
        reports,
        _statuses(session, today, departments) if with_departments else (),
        start,
    )
    return [
        ActorDuties(
            actor.id,
            actor.code,
            actor.name_fi,
            actor.name_en,
            tuple(_duty_status(found, actor, duty, today, continuous_months) for duty in duties),
        )
        for actor, duties in shown
    ]
