"""The Reach and gaps page for every role, with and without filters, the actions behind a
figure, and the figures live after a logged action."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.formatting import NBSP
from data_model.permissions import CurrentUser
from tests.app.metric_pages import USERNAMES, log_youth_evening, open_with_filters, page_text

PAGE = "pages/reports/reach.py"


def _table(at: AppTest, first_column: str):  # type: ignore[no-untyped-def]
    """The first data frame whose first column is `first_column`."""
    return next(frame.value for frame in at.dataframe if frame.value.columns[0] == first_column)


@pytest.mark.parametrize("username", USERNAMES)
def test_reach_for_every_role(open_app: Callable[..., AppTest], username: str) -> None:
    at = open_app(username, page=PAGE)
    assert not at.exception
    representation = _table(at, "Ryhmä")
    youth = representation[representation["Ryhmä"] == "Nuoret (15–29 v)"].iloc[0]
    assert youth["Osallistujia"] == "2"
    assert youth["Osallistujista"] == f"1,5{NBSP}%"
    assert youth["Indeksi"] == "0,09"
    text = page_text(at)
    assert f"Nuoret (15–29 v): 1{NBSP}% osallistujista, 16{NBSP}% väestöstä" in text
    assert "Instagram, Snapchat, YouTube, Wilma" in text  # what could close the youth gap
    assert "Edustavuus perustuu osin arvioituun väestölukuun" in text  # estimate notice
    assert "Alle 5 osallistujaa: Nuoret (15–29 v)" in text  # small-count notice
    assert "Väestöluvut vuodelta 2024" in text
    assert "137 osallistujasta" in text  # the denominator, stated
    coverage = _table(at, "Toimiala")
    assert coverage[coverage["Toimiala"] == "Yhteiset palvelut"].iloc[0]["Suunnitteluosallisuus"] == "3"


def test_reach_with_filters(open_app: Callable[..., AppTest]) -> None:
    at = open_with_filters(open_app("toimialajohtaja"), PAGE, period="2024")
    assert not at.exception
    trends = _table(at, "Neljännes")
    assert list(trends["Neljännes"]) == ["2024/1", "2024/2", "2024/3", "2024/4"]
    assert set(trends["Toimet"]) == {"0"}
    assert "Nuoret (15–29 v): ei kirjattuja osallistujia" in page_text(at)
    at = open_with_filters(open_app("valtuutettu"), PAGE, channel="facebook")
    assert "Nuoret (15–29 v): 1" in page_text(at)  # the survey was advertised on Facebook


def test_choosing_a_filter_writes_a_shareable_link(open_app: Callable[..., AppTest]) -> None:
    at = open_app("koordinaattori", page=PAGE)
    at.selectbox(key="metric_filter_period").select("2023").run()
    at.multiselect(key="metric_filter_form").select("paatos").run()
    assert not at.exception
    assert at.query_params["period"] == "2023"
    assert at.query_params["form"] == "paatos"
    assert "username" not in at.query_params


def test_actions_behind_a_group(open_app: Callable[..., AppTest]) -> None:
    at = open_app("koordinaattori", page=PAGE)
    everything = _table(at, "Toimi")
    assert len(everything) == 3
    at.selectbox(key="actions_group").select("youth_15_29").run()
    behind = _table(at, "Toimi")
    assert list(behind["Toimi"]) == ["Osallisuusohjelman asukaskysely 2023"]
    assert list(behind["Ryhmästä"]) == [2]


def test_a_logged_action_changes_the_reach_on_the_next_run(
    open_app: Callable[..., AppTest], role_users: dict[str, CurrentUser], app_engine: Engine
) -> None:
    at = open_app("koordinaattori", page=PAGE)
    head = role_users["department_head"]
    log_youth_evening(
        app_engine, head, total=63, youth=48, form_codes=["toiminta"], channel_codes=["instagram"]
    )
    at.run()
    representation = _table(at, "Ryhmä")
    youth = representation[representation["Ryhmä"] == "Nuoret (15–29 v)"].iloc[0]
    # 2 + 48 young people of 137 + 63 participants of the actions that recorded ages.
    assert youth["Osallistujia"] == "50"
    assert youth["Osallistujista"] == f"25,0{NBSP}%"
    assert "Nuoret (15–29 v): 1" not in page_text(at)  # no longer a gap
