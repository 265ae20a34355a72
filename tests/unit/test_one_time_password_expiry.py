"""A one-time password set by the coordinator works for seven days, and only to change it
(finding 13 of issue 11): after that the login is refused as expired."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine

from data_model.auth import ONE_TIME_PASSWORD_LIFETIME, attempt_login
from data_model.db import transaction
from data_model.models import utcnow
from data_model.services import users
from tests.factories import create_role_users

ONE_TIME = "Kerta-salasana-2026"


def test_one_time_password_expires_after_seven_days(engine: Engine) -> None:
    people = create_role_users(engine)
    council = people["council"]
    assert council.id is not None
    with transaction(engine) as session:
        users.set_one_time_password(session, people["coordinator"], council.id, ONE_TIME)
    assert timedelta(days=7) == ONE_TIME_PASSWORD_LIFETIME
    soon = utcnow() + timedelta(days=6)
    late = utcnow() + timedelta(days=7, minutes=1)
    with transaction(engine) as session:
        first = attempt_login(session, "valtuutettu", ONE_TIME, now=soon)
        assert first.status == "ok" and first.must_change_password
        assert attempt_login(session, "valtuutettu", ONE_TIME, now=late).status == "expired"
