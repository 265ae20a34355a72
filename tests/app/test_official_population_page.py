"""The coordinator loads Statistics Finland's table 11re on the settings page: preview and
errors first, nothing saved until confirmed; after saving, the reach page no longer calls the
covered age groups estimates."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.admin_tabs import SETTINGS_PAGE, open_tab
from tests.app.metric_pages import page_text
from tests.px_files import FILENAMES, MAKERS, ages_2024, group_sum

REACH_PAGE = "pages/reports/reach.py"
NOTICE = "Edustavuus perustuu osin arvioituun väestölukuun"
MIME = {"csv": "text/csv", "xlsx": "application/vnd.ms-excel", "json-stat": "application/json"}


def _upload(at: AppTest, fmt: str, content: bytes) -> AppTest:
    at = open_tab(at, "official")
    return at.file_uploader(key="official_file").set_value((FILENAMES[fmt], content, MIME[fmt])).run()


def _notice(at: AppTest) -> str:
    return next(line for line in page_text(at).splitlines() if NOTICE in line)


@pytest.mark.parametrize("fmt", list(MAKERS))
def test_coordinator_loads_the_file_and_the_estimate_notice_leaves_the_age_groups(
    open_app: Callable[..., AppTest], fmt: str
) -> None:
    reach = open_app("koordinaattori", page=REACH_PAGE)
    assert "Nuoret (15–29 v)" in _notice(reach)

    at = open_app("koordinaattori", page=SETTINGS_PAGE)
    ages = ages_2024()
    at = _upload(at, fmt, MAKERS[fmt](ages))
    assert not at.exception, at.exception
    assert at.selectbox(key="official_area").value == "Heinola"
    preview = at.dataframe[-1].value
    youth = preview[preview["Ryhmä"] == "Nuoret (15–29 v)"].iloc[0]
    assert youth["Tiedostossa"].replace("\u00a0", " ") == f"{group_sum(ages, 15, 29):,}".replace(",", " ")
    assert youth["Nyt tallennettu"].endswith("(arvio)")
    assert not at.error
    if fmt == "csv":  # CSV carries no table date: the coordinator gives it
        at.date_input(key="official_date").set_value("2025-04-25")
    at.button(key="official_confirm").click().run()
    assert not at.exception, at.exception
    assert next(s.value for s in at.success).startswith("Tallennettu 6 väestölukua")

    reach = open_app("koordinaattori", page=REACH_PAGE)
    notice = _notice(reach)
    assert "Nuoret (15–29 v)" not in notice and "Lapset" not in notice
    assert "Vieraskieliset" in notice  # not in table 11re: still an estimate


def test_a_bad_file_shows_its_rows_and_cannot_be_saved(open_app: Callable[..., AppTest]) -> None:
    at = open_app("koordinaattori", page=SETTINGS_PAGE)
    ages: dict[int, object] = dict(ages_2024(skip=(20,)))
    ages[16] = "12a"
    at = _upload(at, "csv", MAKERS["csv"](ages))  # type: ignore[arg-type]
    assert not at.exception, at.exception
    assert at.error[0].value.startswith("Tiedostossa on virheitä (2)")
    shown = "\n".join(element.value for element in at.text)
    assert "Rivi 21: Ikä 16: '12a' ei ole väkiluku" in shown
    assert "Nuoret (15–29 v): ikävuodet 20 puuttuvat" in shown
    assert at.button(key="official_confirm").disabled
    reach = open_app("koordinaattori", page=REACH_PAGE)
    assert "Nuoret (15–29 v)" in _notice(reach)
