"""The coordinator's user page: the list, a new user, deactivation and a one-time password,
each written through the user service and visible on the next run."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from data_model.db import session_factory
from data_model.models import AuditEntry, User

PAGE = "pages/manage/users.py"


def _user(engine: Engine, username: str) -> User:
    with session_factory(engine)() as session:
        return session.scalars(select(User).where(User.username == username)).one()


def test_coordinator_sees_every_user(open_app: Callable[..., AppTest]) -> None:
    at = open_app("koordinaattori", page=PAGE)
    assert not at.exception
    table = at.dataframe[0].value
    assert sorted(table["Käyttäjätunnus"]) == [
        "koordinaattori",
        "toimialajohtaja",
        "toimialajohtaja2",
        "valtuutettu",
    ]
    assert "4 käytössä olevaa käyttäjää, yhteensä 4." in [caption.value for caption in at.caption]


def test_coordinator_adds_a_department_head(open_app: Callable[..., AppTest], app_engine: Engine) -> None:
    at = open_app("koordinaattori", page=PAGE)
    form = at.tabs[0]
    form.text_input[0].input("uusi.johtaja")
    form.text_input[1].input("Uusi Johtaja")
    form.selectbox[0].select("department_head")
    form.selectbox[1].select("hyvinvointi")
    form.text_input[3].input("Kerta-salasana-2026")
    form.button[0].click().run()
    assert not at.exception
    assert any("uusi.johtaja" in message.value for message in at.success)
    made = _user(app_engine, "uusi.johtaja")
    assert made.role == "department_head" and made.must_change_password and made.department_id is not None


def test_refused_input_is_shown_by_field_and_nothing_written(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("koordinaattori", page=PAGE)
    form = at.tabs[0]
    form.text_input[0].input("uusi")
    form.text_input[1].input("Uusi")
    form.selectbox[0].select("department_head")
    form.text_input[3].input("lyhyt")
    form.button[0].click().run()
    errors = [error.value for error in at.error]
    assert any(error.startswith("Toimiala:") for error in errors)
    assert any(error.startswith("Kertakäyttöinen salasana:") for error in errors)
    with session_factory(app_engine)() as session:
        assert session.scalar(select(User).where(User.username == "uusi")) is None


def test_deactivate_then_one_time_password(open_app: Callable[..., AppTest], app_engine: Engine) -> None:
    at = open_app("koordinaattori", page=PAGE)
    edit = at.tabs[1]
    target = _user(app_engine, "valtuutettu")
    edit.selectbox[0].select(target.id).run()
    at.button(key="users.deactivate").click().run()
    assert not at.exception
    assert not _user(app_engine, "valtuutettu").active
    assert any("poistettu käytöstä" in message.value for message in at.success)

    edit = at.tabs[1]
    edit.text_input[-1].input("Kerta-salasana-2026")
    edit.button[-1].click().run()
    assert not at.exception
    assert _user(app_engine, "valtuutettu").must_change_password
    with session_factory(app_engine)() as session:
        events = session.scalars(
            select(AuditEntry.event).where(
                AuditEntry.entity_id == target.id, AuditEntry.username == "koordinaattori"
            )
        ).all()
    assert events == ["deactivate", "password_reset"]


def test_coordinator_cannot_deactivate_themselves(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("koordinaattori", page=PAGE)
    me = _user(app_engine, "koordinaattori")
    at.tabs[1].selectbox[0].select(me.id).run()
    assert at.button(key="users.deactivate").disabled
