"""The initiative register page per role: the coordinator and a department head register an
initiative, a refused save says why and keeps the text, the council reads without a form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from streamlit.testing.v1 import AppTest

PAGE = "pages/manage/initiatives.py"
NEW = "initiatives.0.new"


def _fill(at: AppTest, title: str, signatories: str) -> AppTest:
    at.date_input(key=f"{NEW}.received").set_value(date(2025, 3, 3))
    at.text_input(key=f"{NEW}.title").input(title)
    at.selectbox(key=f"{NEW}.kind").set_value("residents")
    at.text_input(key=f"{NEW}.signatories").input(signatories)
    return at


def test_the_coordinator_registers_an_initiative(open_app: Callable[..., AppTest]) -> None:
    at = open_app("koordinaattori", page=PAGE)
    assert not at.exception
    at = _fill(at, "Koirapuisto Kirkonkylään", "14")
    at.selectbox(key=f"{NEW}.department").set_value("2")  # a department's id
    at = at.button(key=f"{NEW}.submit").click().run()
    assert not at.exception
    assert "Aloite tallennettu" in at.success[0].value
    register = at.dataframe[0].value
    assert register.iloc[0, 1] == "Koirapuisto Kirkonkylään"
    assert register.iloc[0, 3] == "14"


def test_a_head_registers_for_their_own_department(open_app: Callable[..., AppTest]) -> None:
    at = open_app("toimialajohtaja", page=PAGE)
    assert not at.exception
    at = _fill(at, "Penkit rantareitille", "1")
    at = at.button(key=f"{NEW}.submit").click().run()
    assert "Aloite tallennettu" in at.success[0].value
    assert at.dataframe[0].value.iloc[0, 4] == "Hyvinvointitoimiala"


def test_a_refused_save_says_why_and_keeps_the_title(open_app: Callable[..., AppTest]) -> None:
    at = open_app("toimialajohtaja", page=PAGE)
    at = _fill(at, "Penkit rantareitille", "0")
    at = at.button(key=f"{NEW}.submit").click().run()
    assert any("vähintään 1" in error.value for error in at.error)
    assert at.text_input(key=f"{NEW}.title").value == "Penkit rantareitille"


def test_the_council_reads_the_register_without_a_form(open_app: Callable[..., AppTest]) -> None:
    at = open_app("valtuutettu", page=PAGE)
    assert not at.exception
    assert [metric.label for metric in at.metric][:2] == [
        "Avoimia aloitteita",
        "Yli kuuden kuukauden määräajan",
    ]
    assert not [button for button in at.button if button.key and button.key.endswith(".submit")]
    assert any("Voit lukea" in caption.value for caption in at.caption)
