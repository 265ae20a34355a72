"""A valid action as a department head would type it, to vary one field at a time."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_model.models import Action, AuditEntry, Department
from data_model.validation import ActionInput


def department_id(session: Session, code: str) -> int:
    return session.scalars(select(Department.id).where(Department.code == code)).one()


def valid_input(session: Session, department: str = "hyvinvointi", **changes: Any) -> ActionInput:
    values: dict[str, Any] = {
        "department_id": department_id(session, department),
        "title": "Nuorten kuuleminen skeittipuistosta",
        "description": "Kysyttiin nuorilta, mitä skeittipuistoon tarvitaan.",
        "start_date": date(2025, 3, 1),
        "end_date": date(2025, 3, 31),
        "opportunity_code": "asukaskyselyt",
        "form_codes": ["suunnittelu"],
        "measure_codes": ["helpot_osallistumiskeinot"],
        "channel_codes": ["instagram"],
        "intended_group_codes": ["youth_15_29"],
        "format": "hybrid",
        "participants_total": 40,
        "reach": {"youth_15_29": 30, "working_age_30_64": 5, "children_0_14": None},
        "staff_experience": 4,
        "cost_eur": "120,50",
    }
    values.update(changes)
    return ActionInput(**values)


def count_actions(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Action)) or 0)


def count_audit(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)
