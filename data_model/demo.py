"""Demo data: plausible logged actions, reports and demo accounts, all marked `is_demo`.

Kept apart from the programme data and removable with `python -m data_model demo --remove`.
"""

from __future__ import annotations

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from .models import Action, DepartmentReport, User


def has_demo_data(session: Session) -> bool:
    return bool(session.scalar(select(exists().where(Action.is_demo.is_(True)))))


def load_demo(session: Session) -> int:
    """Load the demo data set unless it is there already; returns the number of actions added."""
    return 0  # the demo data set is being written; until then demo mode starts empty


def remove_demo(session: Session) -> int:
    """Delete every demo action, report and account; returns the number of actions removed."""
    removed = session.execute(delete(Action).where(Action.is_demo.is_(True))).rowcount  # type: ignore[attr-defined]
    session.execute(delete(DepartmentReport).where(DepartmentReport.is_demo.is_(True)))
    session.execute(delete(User).where(User.is_demo.is_(True)))
    return int(removed or 0)
