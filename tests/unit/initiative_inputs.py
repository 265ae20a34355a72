"""A valid initiative as a form would send it, for the initiative tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from data_model.validation.initiatives import InitiativeInput
from tests.unit.action_inputs import department_id


def initiative_input(session: Session, department: str = "hyvinvointi", **changes: Any) -> InitiativeInput:
    """An undecided initiative of a resident, handled by `department`; `changes` override."""
    values: dict[str, Any] = {
        "received_date": date(2025, 3, 3),
        "title": "Koirapuisto Kirkonkylään",
        "initiator_kind": "residents",
        "signatories": 14,
        "department_id": department_id(session, department),
        "council_competence": False,
    }
    values.update(changes)
    return InitiativeInput(**values)
