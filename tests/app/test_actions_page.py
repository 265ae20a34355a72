"""The actions list: each role sees its own, opens one, edits it, deletes and restores it,
closes the feedback loop, and a stale edit is refused with a message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.i18n import t
from data_model.models import Action, AuditEntry
from data_model.permissions import CurrentUser
from data_model.services.actions import create_action, update_action
from tests.unit.action_inputs import valid_input

PAGE = "pages/manage/actions.py"


def _log(engine: Engine, user: CurrentUser, department: str, title: str) -> int:
    with transaction(engine) as session:
        return create_action(session, user, valid_input(session, department, title=title)).id


def _titles(at: AppTest) -> list[str]:
    return at.dataframe[0].value.iloc[:, 1].tolist()


def _open(at: AppTest, action_id: int) -> AppTest:
    return at.selectbox(key="actions.open").set_value(action_id).run()


def test_department_head_sees_only_their_department(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    _log(app_engine, role_users["department_head"], "hyvinvointi", "Oma toimenpide")
    _log(app_engine, role_users["other_department_head"], "kaupunkiymparisto", "Toisen toimenpide")
    at = open_app("toimialajohtaja", page=PAGE)
    assert not at.exception
    assert _titles(at) == ["Oma toimenpide"]
    coordinator = open_app("koordinaattori", page=PAGE)
    titles = _titles(coordinator)
    assert {"Oma toimenpide", "Toisen toimenpide", "Osallisuusohjelman asukaskysely 2023"} <= set(titles)


def test_filters_and_sort(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    head = role_users["department_head"]
    _log(app_engine, head, "hyvinvointi", "Bändikerho")
    _log(app_engine, head, "hyvinvointi", "Aamukahvit")
    at = open_app("toimialajohtaja", page=PAGE)
    at.selectbox(key="actions.f.sort").set_value("title").run()
    assert _titles(at) == ["Aamukahvit", "Bändikerho"]
    at.text_input(key="actions.f.text").input("bändi").run()
    assert _titles(at) == ["Bändikerho"]


def test_edit_saves_and_audits(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    action_id = _log(app_engine, role_users["department_head"], "hyvinvointi", "Vanha otsikko")
    at = _open(open_app("toimialajohtaja", page=PAGE), action_id)
    assert at.text_input(key=f"actions.edit.{action_id}.v1.0.title").value == "Vanha otsikko"
    at.text_input(key=f"actions.edit.{action_id}.v1.0.title").input("Uusi otsikko")
    at = at.button(key=f"actions.edit.{action_id}.v1.0.submit").click().run()
    assert not at.exception
    assert "Uusi otsikko" in at.success[0].value
    with transaction(app_engine) as session:
        assert session.get_one(Action, action_id).title == "Uusi otsikko"
        entry = session.scalars(select(AuditEntry).where(AuditEntry.event == "update")).one()
        assert entry.before is not None and entry.before["title"] == "Vanha otsikko"
    # The form now edits the new version.
    assert at.text_input(key=f"actions.edit.{action_id}.v2.0.title").value == "Uusi otsikko"


def test_a_stale_edit_is_refused_with_a_message(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    head, coordinator = role_users["department_head"], role_users["coordinator"]
    action_id = _log(app_engine, head, "hyvinvointi", "Alkuperäinen")
    at = _open(open_app("toimialajohtaja", page=PAGE), action_id)
    with transaction(app_engine) as session:  # someone else saves meanwhile
        update_action(
            session, coordinator, action_id, 1, valid_input(session, title="Koordinaattorin muutos")
        )
    at.text_input(key=f"actions.edit.{action_id}.v1.0.title").input("Päällikön muutos")
    at = at.button(key=f"actions.edit.{action_id}.v1.0.submit").click().run()
    assert any("Joku muu on muuttanut" in error.value for error in at.error)
    assert at.text_input(key=f"actions.edit.{action_id}.v1.0.title").value == "Päällikön muutos"
    with transaction(app_engine) as session:
        assert session.get_one(Action, action_id).title == "Koordinaattorin muutos"
    # Reloading shows the other person's version to edit.
    at = at.button(key="actions.reload").click().run()
    assert at.text_input(key=f"actions.edit.{action_id}.v2.0.title").value == "Koordinaattorin muutos"


def test_a_title_is_shown_as_text_not_markdown(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    action_id = _log(
        app_engine, role_users["department_head"], "hyvinvointi", "**Iso** [linkki](https://x.fi)"
    )
    at = _open(open_app("toimialajohtaja", page=PAGE), action_id)
    heading = at.subheader[0].value
    assert "\\*\\*Iso\\*\\*" in heading and "\\[linkki\\]" in heading
    assert _titles(at) == ["**Iso** [linkki](https://x.fi)"]  # the table holds the text as typed


def test_delete_and_restore(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    action_id = _log(app_engine, role_users["department_head"], "hyvinvointi", "Poistettava")
    at = _open(open_app("toimialajohtaja", page=PAGE), action_id)
    at = at.button(key="actions.delete").click().run()
    assert "poistettu" in at.success[0].value
    assert not at.dataframe or "Poistettava" not in _titles(at)
    with transaction(app_engine) as session:
        assert session.get_one(Action, action_id).deleted_at is not None
    at = at.toggle(key="actions.f.deleted").set_value(True).run()
    assert _titles(at) == ["Poistettava"]
    at = _open(at, action_id)
    at = at.button(key="actions.restore").click().run()
    assert "palautettu" in at.success[0].value
    with transaction(app_engine) as session:
        assert session.get_one(Action, action_id).deleted_at is None


def test_mark_feedback_given(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    action_id = _log(app_engine, role_users["department_head"], "hyvinvointi", "Kuuleminen")
    at = _open(open_app("toimialajohtaja", page=PAGE), action_id)
    base = f"actions.feedback.{action_id}.v1.0"
    at.date_input(key=f"{base}.date").set_value(date(2025, 4, 20))
    at.text_input(key=f"{base}.how").input("Tiedote verkkosivuilla")
    at.text_input(key=f"{base}.url").input("javascript:alert(1)")
    at = at.button(key=f"{base}.submit").click().run()
    assert any("http" in error.value for error in at.error)
    at.text_input(key=f"{base}.url").input("https://heinola.fi/tulokset")
    at = at.button(key=f"{base}.submit").click().run()
    assert "Palaute merkitty" in at.success[0].value
    with transaction(app_engine) as session:
        action = session.get_one(Action, action_id)
        assert (action.feedback_given, action.feedback_url) == (True, "https://heinola.fi/tulokset")


def test_unknown_counts_read_as_a_dash_and_deletions_in_helsinki_time(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    """The list showed 'None' for a count not known, and a deletion at 23.30 UTC under the
    UTC day, a day early for Helsinki."""
    head = role_users["department_head"]
    with transaction(app_engine) as session:
        unknown = create_action(
            session, head, valid_input(session, title="Tuntematon määrä", participants_total=None)
        )
        unknown.deleted_at = datetime(2026, 12, 2, 23, 30)
    at = open_app("toimialajohtaja", page=PAGE)
    at = at.toggle(key="actions.f.deleted").set_value(True).run()
    table = at.dataframe[0].value
    row = table[table.iloc[:, 1] == "Tuntematon määrä"].iloc[0]
    assert row[t("actions.col.participants")] == "–"
    assert row[t("actions.col.deleted")] == "3.12.2026 klo 01.30"
    captions = " ".join(str(c.value) for c in at.caption)
    assert t("actions.unknown_count") in captions and t("term.participations_note") in captions
