"""The department reports page: a head files a report, the status table shows it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

PAGE = "pages/manage/reports.py"


def test_department_head_submits_and_sees_who_has_reported(open_app: Callable[..., AppTest]) -> None:
    at = open_app("toimialajohtaja", page=PAGE)
    assert not at.exception
    status = at.dataframe[0].value
    hyvinvointi = status[status.iloc[:, 0] == "Hyvinvointitoimiala"]
    assert hyvinvointi.iloc[0, 1] == "ei koskaan"
    at.date_input(key="reports.0.start").set_value(date(2025, 1, 1))
    at.date_input(key="reports.0.end").set_value(date(2025, 6, 30))
    at.text_area(key="reports.0.summary").input("Kevään kuulemiset toteutuivat suunnitellusti.")
    at = at.button(key="reports.0.submit").click().run()
    assert not at.exception
    assert "Raportti tallennettu" in at.success[0].value
    status = at.dataframe[0].value
    assert status[status.iloc[:, 0] == "Hyvinvointitoimiala"].iloc[0, 1] == "30.6.2025"
    assert at.dataframe[1].value.iloc[0, 2] == "Kevään kuulemiset toteutuivat suunnitellusti."


def test_a_bad_report_shows_why_and_keeps_the_text(open_app: Callable[..., AppTest]) -> None:
    at = open_app("toimialajohtaja", page=PAGE)
    at.date_input(key="reports.0.start").set_value(date(2025, 7, 1))
    at.date_input(key="reports.0.end").set_value(date(2025, 6, 30))
    at.text_area(key="reports.0.summary").input("Kevään kuulemiset toteutuivat.")
    at = at.button(key="reports.0.submit").click().run()
    assert any("ennen sen alkua" in error.value for error in at.error)
    assert at.text_area(key="reports.0.summary").value == "Kevään kuulemiset toteutuivat."


def test_council_does_not_get_the_page(open_app: Callable[..., AppTest]) -> None:
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        open_app("valtuutettu").switch_page(PAGE)
