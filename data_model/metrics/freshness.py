"""When the data last changed: the freshness line of every page and of the council documents."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import AuditEntry
from ..models.people import SECURITY_EVENTS
from ..permissions import CurrentUser, require_read


def last_change_at(session: Session, user: CurrentUser | None) -> datetime | None:
    """When anything was last written (UTC, as stored), from the audit log; security events
    such as a failed login change no figure and are left out. A summary: the time only, not
    who or what (that is the audit log's, the coordinator's)."""
    require_read(user, "summary.read")
    return session.scalar(select(func.max(AuditEntry.at)).where(AuditEntry.event.not_in(SECURITY_EVENTS)))
