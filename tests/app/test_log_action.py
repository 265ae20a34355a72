"""Logging an action through the page, as each role."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.i18n import t
from data_model.models import Action, AuditEntry
from data_model.validation import FEEDBACK_METHOD_MAX, LONG_TEXT_MAX, TITLE_MAX, URL_MAX

LOG_PAGE = "pages/manage/log_action.py"
LIST_PAGE = "pages/manage/actions.py"
OVERVIEW = "pages/reports/overview.py"
TITLE = "Nuorisotalon talokokous kevät 2025"


def _actions(engine: Engine) -> list[tuple[str, int | None, str, list[str]]]:
    """(title, participants, department code, form codes) of every action logged in the app."""
    with transaction(engine) as session:
        return [
            (a.title, a.participants_total, a.department.code, sorted(f.code for f in a.forms))
            for a in session.scalars(select(Action).where(Action.source == "manual"))
        ]


def _overview_participants(at: AppTest) -> int:
    (metric,) = [metric for metric in at.metric if metric.label == t("overview.participants")]
    return int("".join(char for char in metric.value if char.isdigit()))


def _fill(
    at: AppTest, end: date, reach: dict[str, str] | None = None, total: str = "27", cost: str = ""
) -> AppTest:
    at.multiselect(key="log_action.0.forms").set_value(["suunnittelu", "paatos"]).run()
    for code, typed in (reach or {}).items():
        at.text_input(key=f"log_action.0.reach.{code}").input(typed)
    at.text_input(key="log_action.0.title").input(TITLE)
    at.text_area(key="log_action.0.description").input("Nuoret päättivät <b>kesän</b> retkistä.")
    at.date_input(key="log_action.0.start").set_value(date(2025, 4, 2))
    at.date_input(key="log_action.0.end").set_value(end)
    at.selectbox(key="log_action.0.opportunity").set_value("osallistuva_budjetointi")
    at.multiselect(key="log_action.0.channels").set_value(["instagram", "wilma"])
    at.text_input(key="log_action.0.total").input(total)
    at.text_input(key="log_action.0.cost").input(cost)
    at.selectbox(key="log_action.0.staff").set_value(4)
    return at.button(key="log_action.0.submit").click().run()


def test_department_head_logs_an_action_and_finds_it(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("toimialajohtaja", page=OVERVIEW)
    participants_before = _overview_participants(at)
    at.switch_page("pages/public/home.py").run()
    actions_before = int(at.metric[3].value)
    at.switch_page(LOG_PAGE).run()
    assert not at.exception
    # The head's own department is fixed, not a choice.
    assert not [box for box in at.selectbox if box.key == "log_action.0.department"]
    at = _fill(at, date(2025, 4, 2))
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert "Toimenpide tallennettu" in at.success[0].value
    # The form is empty again for the next action.
    assert at.text_input(key="log_action.1.title").value == ""

    assert _actions(app_engine) == [(TITLE, 27, "hyvinvointi", ["paatos", "suunnittelu"])]
    with transaction(app_engine) as session:
        assert session.scalar(select(func.count()).where(AuditEntry.event == "create")) == 1

    at.switch_page(LIST_PAGE).run()
    assert not at.exception
    listed = at.dataframe[0].value
    assert TITLE in listed.iloc[:, 1].tolist()

    at.switch_page("pages/public/home.py").run()
    assert int(at.metric[3].value) == actions_before + 1
    # The dashboards count the new action's participants at once (cached reads follow writes).
    at.switch_page(OVERVIEW).run()
    assert _overview_participants(at) == participants_before + 27


def test_a_bad_value_shows_its_message_keeps_the_input_and_saves_nothing(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("toimialajohtaja", page=LOG_PAGE)
    at = _fill(at, date(2025, 4, 1))  # ends before it starts
    assert not at.exception
    messages = [error.value for error in at.error]
    assert any("Päättymispäivä ei voi olla ennen alkamispäivää" in text for text in messages)
    assert not at.success
    assert at.text_input(key="log_action.0.title").value == TITLE
    assert at.text_input(key="log_action.0.total").value == "27"
    assert _actions(app_engine) == []


def test_missing_required_fields_are_named(open_app: Callable[..., AppTest], app_engine: Engine) -> None:
    at = open_app("koordinaattori", page=LOG_PAGE)
    at = at.button(key="log_action.0.submit").click().run()
    messages = " ".join(error.value for error in at.error)
    for words in ("Valitse toimiala", "vähintään 3", "alkamispäivä", "vähintään yksi osallisuuden muoto"):
        assert words in messages
    assert _actions(app_engine) == []


def test_council_does_not_get_the_page(open_app: Callable[..., AppTest]) -> None:
    at = open_app("valtuutettu")
    assert not at.exception
    # The council's navigation holds no writing page, so the page cannot even be switched to.
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(LOG_PAGE)


def _reach_rows(engine: Engine) -> dict[str, int]:
    with transaction(engine) as session:
        (action,) = session.scalars(select(Action).where(Action.source == "manual"))
        return {row.audience_group.code: row.count for row in action.reach}


def test_group_counts_are_labelled_fields_and_are_saved(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("toimialajohtaja", page=LOG_PAGE)
    # Each group's count is a text field named by the group: a screen reader says which.
    youth = at.text_input(key="log_action.0.reach.youth_15_29")
    assert youth.label == "Nuoret (15–29 v)"
    at = _fill(at, date(2025, 4, 2), {"youth_15_29": "12", "lonely": " 3 "})
    assert not at.error, [e.value for e in at.error]
    assert _reach_rows(app_engine) == {"youth_15_29": 12, "lonely": 3}
    assert not at.warning or "kohderyhmän" not in " ".join(w.value for w in at.warning)


def test_letters_and_negatives_in_a_group_count_are_named_beside_the_field(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("toimialajohtaja", page=LOG_PAGE)
    at = _fill(at, date(2025, 4, 2), {"youth_15_29": "kymmenen", "lonely": "-2"})
    messages = [error.value for error in at.error]
    assert any("Anna kokonaisluku" in text for text in messages)
    assert any("negatiivinen" in text for text in messages)
    # The summary names the group, and what was typed stays for correcting.
    assert "Nuoret \\(15–29 v\\)" in messages[0]  # markdown-escaped
    assert at.text_input(key="log_action.0.reach.youth_15_29").value == "kymmenen"
    assert _actions(app_engine) == []


def test_a_negative_total_and_a_wordy_cost_are_named_in_finnish_and_kept(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    # A number field kept a minus only with Streamlit's English tooltip and saved nothing silently.
    at = open_app("toimialajohtaja", page=LOG_PAGE)
    at = _fill(at, date(2025, 4, 2), total="-5", cost="sata euroa")
    messages = " ".join(error.value for error in at.error)
    assert "negatiivinen" in messages
    assert at.text_input(key="log_action.0.total").value == "-5"
    assert at.text_input(key="log_action.0.cost").value == "sata euroa"
    assert _actions(app_engine) == []


def test_saving_without_any_group_count_says_so(open_app: Callable[..., AppTest], app_engine: Engine) -> None:
    at = open_app("toimialajohtaja", page=LOG_PAGE)
    at = _fill(at, date(2025, 4, 2))
    assert "Toimenpide tallennettu" in at.success[0].value
    assert [w.value for w in at.warning if "yhtään kohderyhmän" in w.value]
    assert _actions(app_engine)  # saved all the same: unknown counts are allowed


def test_the_text_fields_stop_typing_where_the_rules_refuse(open_app: Callable[..., AppTest]) -> None:
    """The form's length caps are the validation's limits, not numbers of its own."""
    at = open_app("toimialajohtaja", page=LOG_PAGE)
    caps = {
        "title": TITLE_MAX,
        "description": LONG_TEXT_MAX,
        "fb_how": FEEDBACK_METHOD_MAX,
        "fb_url": URL_MAX,
        "change": LONG_TEXT_MAX,
    }
    fields = {**{w.key: w for w in at.text_input}, **{w.key: w for w in at.text_area}}
    assert {name: fields[f"log_action.0.{name}"].max_chars for name in caps} == caps
