"""When the data last changed: the freshness line of every page and of the council documents."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import AuditEntry
from ..models.people import SECURITY_EVENTS
from ..permissions import CurrentUser, require_read
from .settings import memo_key

_MEMO_KEY = memo_key("last_change_at")


def last_change_at(session: Session, user: CurrentUser | None) -> datetime | None:
    """When anything was last written (UTC, as stored), from the audit log; security events
    such as a failed login change no figure and are left out. A summary: the time only, not
    who or what (that is the audit log's, the coordinator's). A script run reads it with the
    data versions (every data change notes its time there) and hands it to its session."""
    require_read(user, "summary.read")
    kept = session.info.get(_MEMO_KEY)
    if isinstance(kept, datetime):
        return kept
    return session.scalar(select(func.max(AuditEntry.at)).where(AuditEntry.event.not_in(SECURITY_EVENTS)))


def keep_last_change(session: Session, at: datetime) -> None:
    """Hand `session` the time of the last data change, read elsewhere (data_model.run_reads):
    last_change_at answers it without reading, until the session writes or its transaction ends."""
    session.info[_MEMO_KEY] = at
