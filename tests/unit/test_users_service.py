"""The user service as the coordinator uses it: the rules it enforces, and the audit trail it
leaves (never a password or its hash)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from data_model.auth import LoginResult, attempt_login, must_change_password
from data_model.db import transaction
from data_model.models import AuditEntry, User
from data_model.services import users
from data_model.validation import ValidationError
from tests.factories import TEST_PASSWORD, create_role_users

NEW_PASSWORD = "Uusi-salasana-2026"


def _login(engine: Engine, username: str, password: str) -> LoginResult:
    with transaction(engine) as session:
        return attempt_login(session, username, password)


def _refused(engine: Engine, call: object, *args: object, **kwargs: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as raised, transaction(engine) as session:
        call(session, *args, **kwargs)  # type: ignore[operator]
    return {name: message.text() for name, message in raised.value.errors.items()}


def test_create_user_checks_every_field(engine: Engine) -> None:
    people = create_role_users(engine)
    boss = people["coordinator"]
    errors = _refused(engine, users.create_user, boss, "ä", "department_head", " ", "lyhyt")
    assert set(errors) == {"username", "display_name", "department", "password"}
    assert "toimiala" in errors["department"]
    assert "12" in errors["password"]
    assert (
        "käytössä"
        in _refused(engine, users.create_user, boss, "Valtuutettu", "council", "X", NEW_PASSWORD)["username"]
    )
    assert "role" in _refused(engine, users.create_user, boss, "uusi", "admin", "X", NEW_PASSWORD)
    assert "department" in _refused(
        engine, users.create_user, boss, "uusi", "department_head", "X", NEW_PASSWORD, department_code="eiole"
    )
    same = _refused(engine, users.create_user, boss, "pitkatunnus12", "council", "X", "PitkaTunnus12")
    assert "käyttäjätunnus" in same["password"]
    too_long = _refused(engine, users.create_user, boss, "uusi", "council", "X", "ä" * 37)
    assert "72" in too_long["password"]


def test_created_user_must_change_the_one_time_password(engine: Engine, session: Session) -> None:
    people = create_role_users(engine)
    with transaction(engine) as writing:
        made = users.create_user(
            writing,
            people["coordinator"],
            " Uusi.Johtaja ",
            "department_head",
            "Uusi Johtaja",
            NEW_PASSWORD,
            department_code="hyvinvointi",
        )
    assert made.username == "uusi.johtaja"
    assert made.department_id == people["department_head"].department_id
    assert must_change_password(session, "uusi.johtaja")
    result = _login(engine, "uusi.johtaja", NEW_PASSWORD)
    assert result.status == "ok" and result.must_change_password
    entry = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == made.id)).one()
    assert entry.event == "create" and entry.username == "koordinaattori"
    assert entry.after is not None and "password_hash" not in entry.after


def test_deactivate_and_reactivate(engine: Engine, session: Session) -> None:
    people = create_role_users(engine)
    boss, council = people["coordinator"], people["council"]
    assert council.id is not None and boss.id is not None
    with transaction(engine) as writing:
        users.set_active(writing, boss, council.id, False)
    assert _login(engine, "valtuutettu", TEST_PASSWORD).status == "invalid"
    with transaction(engine) as writing:
        users.set_active(writing, boss, council.id, True)
    assert _login(engine, "valtuutettu", TEST_PASSWORD).status == "ok"
    events = session.scalars(
        select(AuditEntry.event).where(
            AuditEntry.entity_id == council.id, AuditEntry.username == "koordinaattori"
        )
    ).all()
    assert events == ["deactivate", "restore"]
    assert "active" in _refused(engine, users.set_active, boss, boss.id, False)


def test_one_time_password_then_own_change(engine: Engine, session: Session) -> None:
    people = create_role_users(engine)
    council = people["council"]
    assert council.id is not None
    with transaction(engine) as writing:
        users.set_one_time_password(writing, people["coordinator"], council.id, "Kerta-salasana-2026")
    assert must_change_password(session, "valtuutettu")
    with transaction(engine) as writing:
        errors = users.change_own_password(writing, council, "väärä-salasana", "valtuutettu").errors
        assert set(errors) == {"current_password", "new_password"}
        same = users.change_own_password(writing, council, "Kerta-salasana-2026", "Kerta-salasana-2026")
        assert "new_password" in same.errors and same.session_version is None
    with transaction(engine) as writing:
        assert users.change_own_password(
            writing, council, "Kerta-salasana-2026", NEW_PASSWORD
        ).session_version
    session.expire_all()
    assert not must_change_password(session, "valtuutettu")
    assert _login(engine, "valtuutettu", NEW_PASSWORD).status == "ok"
    hashes = session.scalars(select(User.password_hash)).all()
    for entry in session.scalars(select(AuditEntry).where(AuditEntry.entity_id == council.id)):
        assert not any(value in hashes for value in (entry.before or {}).values())
        assert not any(value in hashes for value in (entry.after or {}).values())


def test_update_user_changes_role_and_department(engine: Engine, session: Session) -> None:
    people = create_role_users(engine)
    boss, council = people["coordinator"], people["council"]
    assert council.id is not None and boss.id is not None
    assert "department" in _refused(engine, users.update_user, boss, council.id, "department_head", "Nimi")
    with transaction(engine) as writing:
        users.update_user(writing, boss, council.id, "department_head", "Uusi Nimi", "kaupunkiymparisto")
    row = next(row for row in users.list_users(session, boss) if row.id == council.id)
    assert (row.role, row.department_code, row.display_name) == (
        "department_head",
        "kaupunkiymparisto",
        "Uusi Nimi",
    )
    assert "role" in _refused(engine, users.update_user, boss, boss.id, "council", "Minä")


def test_list_users_puts_active_first(engine: Engine, session: Session) -> None:
    people = create_role_users(engine)
    council = people["council"]
    assert council.id is not None
    with transaction(engine) as writing:
        users.set_active(writing, people["coordinator"], council.id, False)
    rows = users.list_users(session, people["coordinator"])
    assert [row.username for row in rows][-1] == "valtuutettu"
    assert [row.active for row in rows] == [True, True, True, False]
    assert ("hyvinvointi", "Hyvinvointitoimiala") in users.department_choices(session, people["coordinator"])


@pytest.mark.parametrize(
    "address", ["matti@heinola", "matti@", "@heinola.fi", "matti@heinola.", "ma tti@heinola.fi"]
)
def test_an_email_without_a_domain_is_refused(engine: Engine, address: str) -> None:
    boss = create_role_users(engine)["coordinator"]
    errors = _refused(engine, users.create_user, boss, "uusi", "council", "Uusi", NEW_PASSWORD, email=address)
    assert set(errors) == {"email"} and "nimi@esimerkki.fi" in errors["email"]


def test_an_email_with_a_domain_is_kept(engine: Engine) -> None:
    boss = create_role_users(engine)["coordinator"]
    with transaction(engine) as session:
        users.create_user(
            session, boss, "uusi", "council", "Uusi", NEW_PASSWORD, email=" matti.m@heinola.fi "
        )
    with transaction(engine) as session:
        assert (
            session.scalars(select(User.email).where(User.username == "uusi")).one() == "matti.m@heinola.fi"
        )
