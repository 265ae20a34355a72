"""Department reports: filed for one's own department only, checked, and audited."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from data_model.db import transaction
from data_model.models import AuditEntry, DepartmentReport
from data_model.permissions import PermissionDenied
from data_model.services.reports import submit_department_report
from data_model.validation import ValidationError
from tests.factories import create_role_users
from tests.unit.action_inputs import department_id

SUMMARY = "Kevään kuulemiset ja nuorten raati toteutuivat."


def _reports(engine: Engine) -> int:
    with transaction(engine) as session:
        return int(session.scalar(select(func.count()).select_from(DepartmentReport)) or 0)


def test_department_head_submits_their_report(engine: Engine) -> None:
    head = create_role_users(engine)["department_head"]
    with transaction(engine) as session:
        own = department_id(session, "hyvinvointi")
        report = submit_department_report(
            session, head, own, date(2025, 1, 1), date(2025, 6, 30), SUMMARY, "https://heinola.fi/r"
        )
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "department_report")).one()
        assert (entry.event, entry.entity_id, entry.user_id) == ("create", report.id, head.id)
        assert entry.after is not None and entry.after["period_end"] == "2025-06-30"


def test_reports_for_another_department_or_by_council_are_refused(engine: Engine) -> None:
    users = create_role_users(engine)
    with transaction(engine) as session:
        other = department_id(session, "kaupunkiymparisto")
    for user in (users["department_head"], users["council"]):
        with pytest.raises(PermissionDenied), transaction(engine) as session:
            submit_department_report(session, user, other, date(2025, 1, 1), date(2025, 6, 30), SUMMARY)
    assert _reports(engine) == 0


@pytest.mark.parametrize(
    ("start", "end", "summary", "url", "field"),
    [
        (date(2025, 7, 1), date(2025, 6, 30), SUMMARY, "", "period_end"),
        (None, date(2025, 6, 30), SUMMARY, "", "period_start"),
        (date(2025, 1, 1), None, SUMMARY, "", "period_end"),
        (date(2025, 1, 1), date(2025, 6, 30), "lyhyt", "", "summary"),
        (date(2025, 1, 1), date(2025, 6, 30), SUMMARY, "javascript:alert(1)", "url"),
        (date(1999, 1, 1), date(2025, 6, 30), SUMMARY, "", "period_start"),
    ],
)
def test_bad_reports_are_refused_per_field(
    engine: Engine, start: date | None, end: date | None, summary: str, url: str, field: str
) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    with pytest.raises(ValidationError) as refused, transaction(engine) as session:
        submit_department_report(
            session, coordinator, department_id(session, "hyvinvointi"), start, end, summary, url
        )
    assert field in refused.value.errors
    assert _reports(engine) == 0


def test_a_report_for_a_period_not_yet_over_is_refused(engine: Engine) -> None:
    """A report for 2026 filed in December 2026 marked the department on time until mid-2027."""
    head = create_role_users(engine)["department_head"]
    with pytest.raises(ValidationError) as refused, transaction(engine) as session:
        submit_department_report(
            session,
            head,
            department_id(session, "hyvinvointi"),
            date(2026, 1, 1),
            date(2026, 12, 31),
            SUMMARY,
            today=date(2026, 12, 2),
        )
    assert "ei ole vielä päättynyt" in refused.value.errors["period_end"].text()
    assert "31.12.2026" in refused.value.errors["period_end"].text()
    assert _reports(engine) == 0
    with transaction(engine) as session:
        submit_department_report(
            session,
            head,
            department_id(session, "hyvinvointi"),
            date(2026, 1, 1),
            date(2026, 6, 30),
            SUMMARY,
            today=date(2026, 12, 2),
        )
    assert _reports(engine) == 1
