"""Moving the time of every change, for tests of how a change's time is shown."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from data_model.data_versions import changed_keys
from data_model.models import AuditEntry, Setting


def move_every_change_to(session: Session, at: datetime) -> None:
    """Every audit entry, and the time of the last change each domain noted beside its data
    version (what a run shows as the freshness line), moved to `at` (UTC)."""
    session.execute(update(AuditEntry).values(at=at))
    session.execute(update(Setting).where(Setting.key.in_(changed_keys())).values(value=at.isoformat()))
