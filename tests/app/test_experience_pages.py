"""The experience of participation on the pages: results imported from a file (good rows saved,
bad rows named) stand beside the reach of the same group on the Reach page for every role, with
the respondents and the small-sample caution."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine
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
