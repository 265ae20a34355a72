"""Sessions end on the server (finding 4 of issue 11): a session, and the cookie made for it,
carries the user's session version, and logout, a password change or reset, deactivation
and a role change raise the stored one, so every session issued before stops working."""

from __future__ import annotations

from sqlalchemy import Engine

from data_model.auth import attempt_login, log_out, login_accounts
from data_model.db import transaction
from data_model.services import users
from tests.factories import TEST_PASSWORD, create_role_users

NEW_PASSWORD = "Uusi-salasana-2026"


def _logged_in_version(engine: Engine, username: str, password: str = TEST_PASSWORD) -> int:
    with transaction(engine) as session:
        result = attempt_login(session, username, password)
    assert result.status == "ok"
    return result.session_version


def _check(engine: Engine, username: str, version: int) -> str:
    with transaction(engine) as session:
        check = login_accounts(session).session_check(username, version)
    return "ok" if check.user is not None else str(check.refusal)


def test_logout_ends_this_and_every_other_session(engine: Engine) -> None:
    create_role_users(engine)
    version = _logged_in_version(engine, "valtuutettu")
    assert _check(engine, "valtuutettu", version) == "ok"
    other_tab = version
    with transaction(engine) as session:
        log_out(session, "valtuutettu", version)
    assert _check(engine, "valtuutettu", version) == "ended"
    assert _check(engine, "valtuutettu", other_tab) == "ended"
    # Logging in again opens a new session; logging out an ended one changes nothing.
    fresh = _logged_in_version(engine, "valtuutettu")
    with transaction(engine) as session:
        log_out(session, "valtuutettu", version)
    assert _check(engine, "valtuutettu", fresh) == "ok"


def test_password_change_keeps_only_the_changing_session(engine: Engine) -> None:
    people = create_role_users(engine)
    old = _logged_in_version(engine, "valtuutettu")
    with transaction(engine) as session:
        change = users.change_own_password(session, people["council"], TEST_PASSWORD, NEW_PASSWORD)
    assert change.session_version is not None and change.session_version != old
    assert _check(engine, "valtuutettu", old) == "ended"
    assert _check(engine, "valtuutettu", change.session_version) == "ok"


def test_reset_deactivation_and_role_change_end_sessions(engine: Engine) -> None:
    people = create_role_users(engine)
    boss, council = people["coordinator"], people["council"]
    assert council.id is not None

    version = _logged_in_version(engine, "valtuutettu")
    with transaction(engine) as session:
        users.set_one_time_password(session, boss, council.id, "Kerta-salasana-2026")
    assert _check(engine, "valtuutettu", version) == "ended"

    version = _logged_in_version(engine, "valtuutettu", "Kerta-salasana-2026")
    with transaction(engine) as session:
        users.update_user(session, boss, council.id, "coordinator", "Valtuutettu")
    assert _check(engine, "valtuutettu", version) == "ended"
    version = _logged_in_version(engine, "valtuutettu", "Kerta-salasana-2026")
    with transaction(engine) as session:
        users.update_user(session, boss, council.id, "coordinator", "Uusi nimi")
    assert _check(engine, "valtuutettu", version) == "ok", "a new display name ends nothing"

    with transaction(engine) as session:
        users.set_active(session, boss, council.id, False)
    assert _check(engine, "valtuutettu", version) == "inactive"
    with transaction(engine) as session:
        users.set_active(session, boss, council.id, True)
    # Reactivation does not bring back the sessions from before.
    assert _check(engine, "valtuutettu", version) == "ended"


def test_a_session_without_a_version_is_not_honoured(engine: Engine) -> None:
    create_role_users(engine)
    assert _check(engine, "valtuutettu", None) == "ended"  # type: ignore[arg-type]
    assert _check(engine, "eiole", 0) == "inactive"
