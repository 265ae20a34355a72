"""Reporting status by the cadence: ok, due soon, overdue."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import Engine, select

from data_model.db import session_factory, transaction
from data_model.metrics.duties import responsibilities
from data_model.metrics.indicators import indicator_value
from data_model.metrics.reporting import reported_on_time, reporting_status
from data_model.models import Department, DepartmentReport
from tests.factories import READER


def _add_report(engine: Engine, department: str, start: date, end: date, deleted: bool = False) -> None:
    with transaction(engine) as session:
        department_id = session.scalars(select(Department.id).where(Department.code == department)).one()
        session.add(
            DepartmentReport(
                department_id=department_id,
                period_start=start,
                period_end=end,
                deleted_at=datetime(2025, 8, 1) if deleted else None,
            )
        )


def _status(engine: Engine, today: date) -> dict[str, tuple[str, date]]:
    with session_factory(engine)() as session:
        return {
            row.department.code: (row.status, row.next_due)
            for row in reporting_status(session, READER, today)
        }


def test_without_reports_every_department_is_overdue(engine: Engine) -> None:
    found = _status(engine, date(2025, 6, 1))
    # Active departments with a cadence; not the advocacy bodies, not the 2023–2024 departments.
    assert sorted(found) == ["hyvinvointi", "kaupunkiymparisto", "yhteiset_palvelut"]
    # No report: due six months after the programme's approval on 16.10.2023.
    assert all(value == ("overdue", date(2024, 4, 16)) for value in found.values())
    assert _status(engine, date(2024, 1, 1))["hyvinvointi"] == ("ok", date(2024, 4, 16))


def test_status_follows_the_last_report(engine: Engine) -> None:
    _add_report(engine, "hyvinvointi", date(2024, 7, 1), date(2024, 12, 31))
    _add_report(engine, "hyvinvointi", date(2025, 1, 1), date(2025, 6, 30))
    _add_report(engine, "kaupunkiymparisto", date(2025, 1, 1), date(2025, 6, 30), deleted=True)
    assert _status(engine, date(2025, 10, 1))["hyvinvointi"] == ("ok", date(2025, 12, 30))
    assert _status(engine, date(2025, 11, 30))["hyvinvointi"] == ("due_soon", date(2025, 12, 30))
    assert _status(engine, date(2025, 12, 30))["hyvinvointi"][0] == "due_soon"
    assert _status(engine, date(2025, 12, 31))["hyvinvointi"][0] == "overdue"
    assert _status(engine, date(2025, 10, 1))["kaupunkiymparisto"][0] == "overdue"  # deleted report
    with session_factory(engine)() as session:
        row = next(
            r
            for r in reporting_status(session, READER, date(2025, 10, 1))
            if r.department.code == "hyvinvointi"
        )
    assert (row.last_period_end, row.days_to_due, row.cadence_months) == (date(2025, 6, 30), 90, 6)


def test_reported_on_time_is_one_count_for_the_indicator_and_the_duties(engine: Engine) -> None:
    """Due soon is still on time, overdue is not: the SWOT indicator and the departments' duty
    count the same departments as `reported_on_time`."""
    today = date(2025, 12, 1)
    _add_report(engine, "hyvinvointi", date(2025, 1, 1), date(2025, 6, 30))  # due 30.12.: due soon
    _add_report(engine, "yhteiset_palvelut", date(2025, 4, 1), date(2025, 9, 30))  # ok
    with session_factory(engine)() as session:
        statuses = reporting_status(session, READER, today)
        assert sorted(row.status for row in statuses) == ["due_soon", "ok", "overdue"]
        assert reported_on_time(statuses) == 2
        assert indicator_value(session, "departments_reporting", today).value == pytest.approx(2 / 3)
        duties = [
            duty
            for actor in responsibilities(session, READER, today)
            for duty in actor.duties
            if duty.evidence == "department_report"
        ]
    assert duties
    assert all(duty.evidence_count == 2 for duty in duties)
