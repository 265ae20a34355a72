"""Demo municipal initiatives from seed_data/demo/initiatives.yaml: invented, marked `is_demo`
and `source = "demo"`, loaded with the rest of the demo data (demo.load_demo) and removed
with it. Each carries `external_ref = "demo-initiative:<n>"`, so loading twice adds nothing.
Dates are months before the load day, so the set shows every state whenever it is loaded."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .demo_templates import DEMO_DIR
from .metrics.filters import add_months
from .models import Department, Initiative

REF_PREFIX = "demo-initiative:"


def _months_before(today: date, months: Any) -> date | None:
    return add_months(today, -int(months)) if months is not None else None


def read_demo_initiatives(folder: Path = DEMO_DIR) -> list[dict[str, Any]]:
    """The demo initiatives as written in the file."""
    return list(yaml.safe_load((folder / "initiatives.yaml").read_text(encoding="utf-8")) or [])


def load_demo_initiatives(session: Session, today: date, folder: Path = DEMO_DIR) -> int:
    """Add the demo initiatives that are not there yet; returns how many were added."""
    present = set(
        session.scalars(select(Initiative.external_ref).where(Initiative.external_ref.startswith(REF_PREFIX)))
    )
    departments = {code: number for code, number in session.execute(select(Department.code, Department.id))}
    added = 0
    for number, spec in enumerate(read_demo_initiatives(folder), start=1):
        ref = f"{REF_PREFIX}{number}"
        if ref in present:
            continue
        session.add(
            Initiative(
                external_ref=ref,
                is_demo=True,
                source="demo",
                title=spec["title"],
                initiator_kind=spec["initiator"],
                signatories=int(spec["signatories"]),
                department_id=departments[spec["department"]],
                council_competence=bool(spec["council"]),
                received_date=_months_before(today, spec["received"]),
                decision=spec.get("decision", ""),
                decision_date=_months_before(today, spec.get("decided")),
                decision_ref=spec.get("decision_ref", ""),
                led_to_action=spec.get("led_to_action"),
                told_date=_months_before(today, spec.get("told")),
                told_method=spec.get("told_method", ""),
            )
        )
        added += 1
    session.flush()
    return added


def remove_demo_initiatives(session: Session) -> int:
    """Delete every demo initiative; returns how many."""
    removed = session.execute(delete(Initiative).where(Initiative.is_demo.is_(True))).rowcount  # type: ignore[attr-defined]
    return int(removed or 0)
