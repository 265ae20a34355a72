"""Demo survey results on the experience of participation from seed_data/demo/experience.yaml:
invented, marked `is_demo` and `source = "demo"`, their source named "Demo: …", loaded with the
rest of the demo data (demo.load_demo) and removed with it. Loaded once: a database that holds
any demo result gets none again."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .demo_templates import DEMO_DIR
from .models import Area, AudienceGroup, ExperienceResult


def read_demo_experience(folder: Path = DEMO_DIR) -> list[dict[str, Any]]:
    """The demo results as written in the file."""
    return list(yaml.safe_load((folder / "experience.yaml").read_text(encoding="utf-8")) or [])


def _number(spec: dict[str, Any], name: str) -> float | None:
    return float(spec[name]) if spec.get(name) is not None else None


def load_demo_experience(session: Session, today: date, folder: Path = DEMO_DIR) -> int:
    """Add the demo results unless some are there; returns how many were added."""
    if session.scalar(select(ExperienceResult.id).where(ExperienceResult.is_demo.is_(True)).limit(1)):
        return 0
    groups = {code: number for code, number in session.execute(select(AudienceGroup.code, AudienceGroup.id))}
    areas = {name: number for name, number in session.execute(select(Area.name, Area.id))}
    specs = read_demo_experience(folder)
    for spec in specs:
        session.add(
            ExperienceResult(
                is_demo=True,
                source="demo",
                survey=spec["survey"],
                year=today.year - int(spec["years_ago"]),
                audience_group_id=groups[spec["group"]] if spec.get("group") else None,
                area_id=areas[spec["area"]] if spec.get("area") else None,
                respondents=int(spec["respondents"]),
                score=_number(spec, "score"),
                agree_pct=_number(spec, "agree"),
                neutral_pct=_number(spec, "neutral"),
                disagree_pct=_number(spec, "disagree"),
                source_name=spec["source"],
            )
        )
    session.flush()
    return len(specs)


def remove_demo_experience(session: Session) -> int:
    """Delete every demo result; returns how many."""
    removed = session.execute(delete(ExperienceResult).where(ExperienceResult.is_demo.is_(True))).rowcount  # type: ignore[attr-defined]
    return int(removed or 0)
