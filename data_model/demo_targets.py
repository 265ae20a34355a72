"""Demo targets from seed_data/demo/targets.yaml: invented, marked `is_demo`, loaded with the
rest of the demo data (demo.load_demo) and removed with it. Their decision references start
"Demo:", as the demo initiatives' do, so none passes for a real decision.

A target is checked by the same rules as one the coordinator records (target_rules), so the
file cannot hold a target the form would refuse.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from .demo_templates import DEMO_DIR
from .metrics.filters import council_term_range, year_range
from .models import Department, Target
from .target_rules import TargetInput, check_target


def read_demo_targets(folder: Path = DEMO_DIR) -> list[dict[str, Any]]:
    """The demo targets as written in the file."""
    return list(yaml.safe_load((folder / "targets.yaml").read_text(encoding="utf-8")) or [])


def _period(name: str, today: date) -> tuple[date, date]:
    if name == "term":
        term = council_term_range(today)
        if term is not None:
            return term
    return year_range(today.year + 1 if name == "next_year" else today.year)


def load_demo_targets(session: Session, today: date, folder: Path = DEMO_DIR) -> int:
    """Add the demo targets unless they are there; returns how many were added."""
    if session.scalar(select(exists().where(Target.is_demo.is_(True)))):
        return 0
    departments = dict(session.execute(select(Department.code, Department.id)).all())
    added = 0
    for spec in read_demo_targets(folder):
        start, end = _period(spec["period"], today)
        proposed = spec.get("status") == "proposed"
        clean, errors = check_target(
            session,
            TargetInput(
                figure=spec["figure"],
                subject=spec.get("subject"),
                department_id=departments[spec["department"]] if spec.get("department") else None,
                period_start=start,
                period_end=end,
                target_value=spec["value"],
                direction=spec.get("direction", "at_least"),
                set_by=spec["set_by"],
                decision=spec.get("decision", ""),
                note=spec.get("note", ""),
            ),
            today,
            decision_required=not proposed,
        )
        if clean is None:
            raise ValueError(f"targets.yaml: {spec['figure']}: {sorted(errors)}")
        session.add(
            Target(
                figure=clean.figure,
                subject=clean.subject,
                department_id=clean.department_id,
                period_start=clean.period_start,
                period_end=clean.period_end,
                target_value=clean.target_value,
                direction=clean.direction,
                set_by=clean.set_by,
                decision=clean.decision,
                note=clean.note,
                status="proposed" if proposed else "accepted",
                is_demo=True,
            )
        )
        added += 1
    session.flush()
    return added


def remove_demo_targets(session: Session) -> int:
    """Delete every demo target; returns how many."""
    removed = session.execute(delete(Target).where(Target.is_demo.is_(True))).rowcount  # type: ignore[attr-defined]
    return int(removed or 0)
