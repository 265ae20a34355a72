"""The password-change form limits guesses of the current password like the login form
(finding 11 of issue 11): five wrong guesses lock the change for the user, from any address,
even with the right current password; the guesses are kept although the change is refused."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from data_model.db import session_factory, transaction
from data_model.login_throttle import MAX_FAILURES
from data_model.models import AuditEntry
from data_model.services import users
from tests.factories import TEST_PASSWORD, create_role_users

NEW_PASSWORD = "Uusi-salasana-2026"


def test_guessing_the_current_password_is_limited(engine: Engine) -> None:
    council = create_role_users(engine)["council"]
    for _ in range(MAX_FAILURES):
        with transaction(engine) as session:
            change = users.change_own_password(session, council, "arvaus-salasana-1", NEW_PASSWORD)
        assert "current_password" in change.errors
    with transaction(engine) as session:
        refused = users.change_own_password(session, council, TEST_PASSWORD, NEW_PASSWORD)
    assert refused.session_version is None
    assert "Liian monta" in str(refused.errors["current_password"])
    with session_factory(engine)() as session:
        events = session.scalars(
            select(AuditEntry.event).where(AuditEntry.username == "valtuutettu").order_by(AuditEntry.id)
        ).all()
        assert events == [*["login_failed"] * MAX_FAILURES, "locked_out"]
        assert session.scalar(select(func.count()).where(AuditEntry.event == "password_change")) == 0


def test_the_right_current_password_changes_it(engine: Engine) -> None:
    council = create_role_users(engine)["council"]
    with transaction(engine) as session:
        users.change_own_password(session, council, "arvaus-salasana-1", NEW_PASSWORD)
    with transaction(engine) as session:
        change = users.change_own_password(session, council, TEST_PASSWORD, NEW_PASSWORD)
    assert change.errors == {} and change.session_version is not None
