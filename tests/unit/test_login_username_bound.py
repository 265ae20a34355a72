"""A username longer than any real one is refused at login before anything is stored: a
megabyte username grew the database and a 61-character one broke PostgreSQL's column."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_model.auth import attempt_login
from data_model.models import AuditEntry, LoginThrottle


@pytest.mark.parametrize("length", [61, 1_000_000])
def test_overlong_username_is_refused_and_nothing_is_recorded(session: Session, length: int) -> None:
    result = attempt_login(session, "a" * length, "mikä-tahansa-salasana")
    session.flush()
    assert result.status == "invalid"
    assert session.scalar(select(func.count()).select_from(LoginThrottle)) == 0
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0
