"""Departments' periodic reports on how they carried out participation."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ..i18n import msg
from ..models import Department, DepartmentReport, utcnow
from ..permissions import CurrentUser, require
from ..validation import RawDate, ValidationError, check_report
from . import audit


def report_snapshot(report: DepartmentReport) -> dict[str, Any]:
    """The report's values as plain JSON types, for the audit log."""
    return {
        "department_id": report.department_id,
        "period_start": report.period_start.isoformat(),
        "period_end": report.period_end.isoformat(),
        "summary": report.summary,
        "url": report.url,
    }


def submit_department_report(
    session: Session,
    user: CurrentUser,
    department_id: int | None,
    period_start: RawDate,
    period_end: RawDate,
    summary: str,
    url: str = "",
    today: date | None = None,
) -> DepartmentReport:
    """File a department's report for a period; refused for another department or for council."""
    require(user, "report.write", department_id)
    clean, errors = check_report(period_start, period_end, summary, url, today)
    if department_id is None or session.get(Department, department_id) is None:
        errors["department_id"] = msg("validation.choose_department")
    if clean is None or errors:
        raise ValidationError(errors)
    assert department_id is not None  # noqa: S101 - checked above
    report = DepartmentReport(
        department_id=department_id,
        period_start=clean.period_start,
        period_end=clean.period_end,
        summary=clean.summary,
        url=clean.url,
        submitted_by_id=user.id,
        submitted_at=utcnow(),
    )
    session.add(report)
    session.flush()
    audit.record(session, user, "create", "department_report", report.id, after=report_snapshot(report))
    return report
