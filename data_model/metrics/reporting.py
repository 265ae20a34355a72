"""Departments' reporting duty: the last report and whether the next one is due or overdue.

For an active department with `report_cadence_months`: the next report is due `cadence`
months after the end of the period its last (not deleted) report covered; with no report yet,
`cadence` months after the programme was approved (16.10.2023). Status as of `today`:
"overdue" after the due date, "due_soon" within DUE_SOON_DAYS before it, else "ok".
The same four codes (with "untracked") are the statuses of every duty (metrics.duties), so
one status has one code and one name (`term.status.<code>`) on every page and export.

A department has **reported on time** when it is not overdue (due soon is still on time):
`reported_on_time` is the one count of that, for the pages, the indicators and the duties.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from ..models import Department, DepartmentReport
from ..permissions import CurrentUser, require_read
from .filters import add_months
from .labels import Label

PROGRAMME_APPROVED = date(2023, 10, 16)
DUE_SOON_DAYS = 30
OK, DUE_SOON, OVERDUE, UNTRACKED = "ok", "due_soon", "overdue", "untracked"
# Every status a report or a duty can have, worst first: a tally over these adds up.
STATUSES = (OVERDUE, DUE_SOON, OK, UNTRACKED)


@dataclass(frozen=True)
class ReportingStatus:
    """One department's reporting as of a day."""

    department: Label
    cadence_months: int
    last_period_end: date | None
    last_submitted_at: datetime | None
    next_due: date
    status: str  # ok | due_soon | overdue
    days_to_due: int  # negative when overdue

    @property
    def on_time(self) -> bool:
        """Not overdue: its last report still covers it, or the next is due but not late."""
        return self.status != OVERDUE


def reported_on_time(statuses: Iterable[ReportingStatus]) -> int:
    """How many of the departments have reported on time."""
    return sum(1 for status in statuses if status.on_time)


def _status(next_due: date, today: date) -> str:
    if today > next_due:
        return OVERDUE
    if (next_due - today).days <= DUE_SOON_DAYS:
        return DUE_SOON
    return OK


def status_tally(statuses: Iterable[str]) -> dict[str, int]:
    """How many of each status, every status present (0 when none), worst first: the counts
    always add up to the number of items given."""
    tally = dict.fromkeys(STATUSES, 0)
    for status in statuses:
        tally[status] += 1
    return tally


def reporting_status(
    session: Session, user: CurrentUser | None, today: date, department_ids: tuple[int, ...] = ()
) -> list[ReportingStatus]:
    """Each active department that must report, in sort order, with its status on `today`;
    only the departments in `department_ids` when it is given (the department filter). Every
    signed-in reader sees every department's dates: they are a summary, not the reports."""
    require_read(user, "summary.read")
    return department_statuses(session, today, department_ids)


def department_statuses(
    session: Session, today: date, department_ids: tuple[int, ...] = ()
) -> list[ReportingStatus]:
    """What `reporting_status` answers, unchecked: the building block of the readers that
    compose it (the duties, the SWOT indicators), which check their own reader."""
    return department_statuses_on(session, (today,), department_ids)[today]


def department_statuses_on(
    session: Session, days: Sequence[date], department_ids: tuple[int, ...] = ()
) -> dict[date, list[ReportingStatus]]:
    """`department_statuses` on each of `days` (an evaluation judges its start and its end),
    from one read of the departments' last reports."""
    last = (
        select(
            DepartmentReport.department_id,
            func.max(DepartmentReport.period_end).label("period_end"),
            func.max(DepartmentReport.submitted_at).label("submitted_at"),
        )
        .where(DepartmentReport.deleted_at.is_(None))
        .group_by(DepartmentReport.department_id)
        .subquery()
    )
    rows = session.execute(
        select(Department, last.c.period_end, last.c.submitted_at)
        .outerjoin(last, last.c.department_id == Department.id)
        .where(
            Department.active,
            Department.report_cadence_months.is_not(None),
            Department.id.in_(department_ids) if department_ids else true(),
        )
        .order_by(Department.sort_order, Department.id)
    ).all()
    result: dict[date, list[ReportingStatus]] = {day: [] for day in days}
    for department, period_end, submitted_at in rows:  # each day once, however often given
        cadence = int(department.report_cadence_months or 0)
        next_due = add_months(period_end or PROGRAMME_APPROVED, cadence)
        for day in result:
            result[day].append(
                ReportingStatus(
                    Label(department.id, department.code, department.name_fi, department.name_en),
                    cadence,
                    period_end,
                    submitted_at,
                    next_due,
                    _status(next_due, day),
                    (next_due - day).days,
                )
            )
    return result
