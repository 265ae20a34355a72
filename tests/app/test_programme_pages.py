"""Every programme page renders for every role and shows every seed item of its part."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from tests.app.programme_text import shown_text

SEED = Path(__file__).resolve().parents[2] / "seed_data" / "programme"
USERNAMES = ("koordinaattori", "toimialajohtaja", "toimialajohtaja2", "valtuutettu")


def _seed(name: str) -> list[dict[str, object]]:
    return yaml.safe_load((SEED / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _expected(page: str) -> list[str]:
    if page == "swot":
        return [str(item["text_fi"]) for item in _seed("swot.yaml")]
    if page == "catalogue":
        return [str(item["name_fi"]) for item in _seed("opportunities.yaml")]
    if page == "steps":
        principles = _seed("steps.yaml")
        measures = [m["text_fi"] for p in principles for m in p["measures"]]  # type: ignore[attr-defined]
        return [str(p["title_fi"]) for p in principles] + [str(m) for m in measures]
    if page == "channels":
        return [str(item["name_fi"]) for item in _seed("channels.yaml")]
    actors = _seed("responsibilities.yaml")
    duties = [d["text_fi"] for a in actors for d in a["duties"]]  # type: ignore[attr-defined]
    return [str(a["name_fi"]) for a in actors] + [str(d) for d in duties]


COUNTS = {"swot": 16, "catalogue": 24, "steps": 12, "channels": 24, "responsibilities": 15}


@pytest.mark.parametrize("page", list(COUNTS))
@pytest.mark.parametrize("username", USERNAMES)
def test_page_shows_every_seed_item(open_app: Callable[..., AppTest], username: str, page: str) -> None:
    at = open_app(username, page=f"pages/programme/{page}.py")
    assert not at.exception, at.exception
    expected = _expected(page)
    assert len(expected) == COUNTS[page]
    text = shown_text(at)
    missing = [item for item in expected if item not in text]
    assert missing == []


def test_swot_board_headings_indicators_and_no_indicator(open_app: Callable[..., AppTest]) -> None:
    at = open_app("koordinaattori", page="pages/programme/swot.py")
    assert [h.value for h in at.subheader] == ["Vahvuudet", "Heikkoudet", "Mahdollisuudet", "Uhat"]
    text = shown_text(at)
    # 5 items have no indicator, each says so
    assert text.count("Ei mittaria.") == 5
    assert "Käytössä olevat osallisuuden mahdollisuudet (12 kk)" in text


def test_catalogue_marks_statutory_and_unused(open_app: Callable[..., AppTest]) -> None:
    at = open_app("valtuutettu", page="pages/programme/catalogue.py")
    text = shown_text(at)
    assert "Kuntalaki 410/2015, 29 §" in text and "Lakisääteinen" in text
    # the baseline actions are from 2023: everything is unused in the last 12 months
    assert "⚠ Käyttämätön (12 kk)" in text
    assert "**24 mahdollisuutta**, joista **0** käytössä ja **24** käyttämättä" in text


def test_steps_show_measures_with_nothing_logged(open_app: Callable[..., AppTest]) -> None:
    at = open_app("toimialajohtaja", page="pages/programme/steps.py")
    assert shown_text(at).count("⚠ Ei kirjattuja toimia") == 9


def test_responsibilities_show_status_and_departments(open_app: Callable[..., AppTest]) -> None:
    at = open_app("valtuutettu", page="pages/programme/responsibilities.py")
    text = shown_text(at)
    assert "Ei seurattavissa sovelluksessa" in text
    assert "Myöhässä" in text
    assert "Toimialojen raportointi" in text and "Kaupunkiympäristötoimiala" in text


@pytest.mark.parametrize(
    "path", [*(f"pages/programme/{page}.py" for page in COUNTS), "pages/manage/settings.py"]
)
def test_pages_render_in_english(open_app: Callable[..., AppTest], path: str) -> None:
    at = open_app("koordinaattori", page=path)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, at.exception
    headings = " ".join(str(h.value) for h in [*at.title, *at.subheader])
    assert headings and "Vahvuudet" not in headings


def test_responsibility_summary_counts_add_up_to_the_total(open_app: Callable[..., AppTest]) -> None:
    """'10 tehtävää: 8 tehty, 0 erääntymässä, 1 myöhässä' left out the untracked duty."""
    at = open_app("valtuutettu", page="pages/programme/responsibilities.py")
    summary = next(str(m.value) for m in at.markdown if "ajan tasalla" in str(m.value))
    total, *parts = (int(n) for n in re.findall(r"\*\*(\d+)[^*]*\*\*", summary))
    assert len(parts) == 4 and sum(parts) == total, summary
    assert "ei seurattavissa" in summary


def test_assumed_cadences_are_labelled_as_the_citys_assumption(open_app: Callable[..., AppTest]) -> None:
    at = open_app("valtuutettu", page="pages/programme/responsibilities.py")
    text = shown_text(at)
    assert "Puolivuosittain (kaupungin oletus" in text  # "tietyin väliajoin"
    assert "Raportointiväli on kaupungin oletus" in text
    # the one cadence the programme states is shown plainly
    assert "Valtuustokausittain" in text.replace("Valtuustokausittain (kaupungin oletus", "")
