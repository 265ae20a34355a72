"""The experience of participation on the pages: results imported from a file (good rows saved,
bad rows named) stand beside the reach of the same group on the Reach page for every role, with
the respondents and the small-sample caution."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine, text
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.formatting import NBSP
from data_model.imports.experience import import_experience, preview_experience_import
from data_model.imports.file_format import EXPERIENCE_COLUMNS
from data_model.permissions import CurrentUser
from tests.app.metric_pages import USERNAMES, page_text
from tests.metrics_data import add_action

REACH = "pages/reports/reach.py"
FILE = "\n".join(
    ";".join(row)
    for row in (
        list(EXPERIENCE_COLUMNS.values()),
        ["thl_school_health", "2023", "Nuoret (15–29 v)", "", "412", "61", "", "", "", "THL 2023", ""],
        ["thl_school_health", "2025", "Nuoret (15–29 v)", "", "398", "64", "", "", "", "THL 2025", ""],
        ["Kaupungin asukaskysely", "2023", "kaikki", "", "24", "", "38", "31", "31", "Asukaskysely 2023", ""],
    )
).encode("utf-8")


@pytest.fixture
def imported(app_engine: Engine, role_users: dict[str, CurrentUser]) -> None:
    with transaction(app_engine) as session:
        add_action(
            session,
            "hyvinvointi",
            "Nuorisovaltuuston kysely",
            date(2025, 3, 1),
            total=100,
            reach={"youth_15_29": 9, "working_age_30_64": 50},
        )
        bad = FILE + b"\ngallup;2023;;;10;61;;;;x;"
        preview = preview_experience_import(session, role_users["coordinator"], "tulokset.csv", bad)
        assert [(p.row, p.field) for p in preview.problems] == [(5, "Kysely")]
        import_experience(session, role_users["coordinator"], "tulokset.csv", FILE)


@pytest.mark.parametrize("username", USERNAMES)
def test_the_trend_stands_beside_the_groups_reach_for_every_role(
    open_app: Callable[..., AppTest], imported: None, username: str
) -> None:
    at = open_app(username, page=REACH)
    assert not at.exception
    text = page_text(at)
    assert (
        f"Nuoret (15–29 v): osallisuuden kokemus (0–100) 61 → 64 (2023–2025); "
        f"osuus osallistujista 1{NBSP}% → 9{NBSP}%"
    ) in text
    assert f"Kaikki vastaajat: samaa mieltä olevien osuus 38{NBSP}% (2023)" in text
    table = next(frame.value for frame in at.dataframe if frame.value.columns[0] == "Kysely")
    youth = table[table["Ryhmä"] == "Nuoret (15–29 v)"]
    assert list(youth["Vuosi"]) == ["2023", "2025"]
    assert list(youth["Tulos"]) == ["61", "64"]
    assert list(youth["Vastaajia"]) == ["412 vastaajaa", "398 vastaajaa"]
    assert list(youth["Ryhmän tavoittavuus samana vuonna"]) == [f"1{NBSP}%", f"9{NBSP}%"]
    everyone = table[table["Ryhmä"] == "Kaikki vastaajat"].iloc[0]
    assert everyone["Vastaajia"].startswith("24 vastaajaa")
    assert "Kaikki vastaajat 2023: Pieni otos (24 vastaajaa, alle 30)" in text
    assert "raportin suodattimet eivät koske tätä osiota" in text


def test_without_results_the_section_says_so(open_app: Callable[..., AppTest]) -> None:
    at = open_app("valtuutettu", page=REACH)
    assert not at.exception
    assert "Osallisuuden kokemuksen kyselytuloksia ei ole vielä kirjattu" in page_text(at)


ADMIN = "pages/manage/experience.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _stored(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [
            tuple(row)
            for row in connection.execute(
                text("SELECT survey, year, respondents, score, source FROM experience_result ORDER BY id")
            )
        ]


def test_the_coordinator_records_a_result_in_the_form(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("koordinaattori", page=ADMIN)
    assert not at.exception
    form = "experience.form.0"
    at.text_input(key=f"{form}.year").set_value("2025")
    at.text_input(key=f"{form}.respondents").set_value("12")
    at.text_input(key=f"{form}.score").set_value("150")
    at = at.button(key="FormSubmitter:experience.form.0-Tallenna tulos").click().run()
    assert not at.exception
    assert any("Anna luku väliltä 0–100" in error.value for error in at.error)
    assert any("Kerro tuloksen lähde" in error.value for error in at.error)
    assert _stored(app_engine) == []
    at.text_input(key=f"{form}.score").set_value("63")
    at.text_input(key=f"{form}.source_name").set_value("THL 2025")
    at = at.button(key="FormSubmitter:experience.form.0-Tallenna tulos").click().run()
    assert not at.exception
    assert "Kyselytulos tallennettu." in page_text(at)
    assert _stored(app_engine) == [("thl_school_health", 2025, 12, 63.0, "manual")]


def test_a_file_with_bad_rows_is_listed_and_a_good_one_imported(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("koordinaattori", page=ADMIN)
    bad = FILE + b"\ngallup;1990;;;0;61;;;;x;"
    at = at.file_uploader[0].set_value(("virheet.csv", bad, "text/csv")).run()
    assert not at.exception
    assert "Tiedostoa ei voi tuoda" in at.error[0].value
    problems = next(
        frame.value
        for frame in at.dataframe
        if frame.value.columns[0] == "Rivi" and "Sarake" in frame.value.columns
    )
    assert set(problems.iloc[:, 0]) == {5}
    assert {"Kysely", "Vuosi", "Vastaajia"} <= set(problems.iloc[:, 1])
    assert _stored(app_engine) == []
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in FILE.decode().splitlines():
        sheet.append(line.split(";"))
    out = io.BytesIO()
    book.save(out)
    at = at.file_uploader[0].set_value(("tulokset.xlsx", out.getvalue(), XLSX)).run()
    assert not at.exception and not at.error
    at = at.button(key="experience.confirm").click().run()
    assert not at.exception
    assert "Tuotu 3 kyselytulosta." in page_text(at)
    assert [row[:3] for row in _stored(app_engine)] == [
        ("thl_school_health", 2023, 412),
        ("thl_school_health", 2025, 398),
        ("city_survey", 2023, 24),
    ]


@pytest.mark.parametrize("username", ["toimialajohtaja", "valtuutettu"])
def test_other_roles_do_not_get_the_page(open_app: Callable[..., AppTest], username: str) -> None:
    at = open_app(username)
    assert not at.exception
    # Not in their navigation at all (the services refuse them too: test_experience_service).
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(ADMIN)
