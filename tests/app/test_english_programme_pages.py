"""In English, the programme pages show the seed's English texts, and nothing marked as Finnish
where a translation exists."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.metric_pages import page_text

IN_FINNISH = "(in Finnish)"


def _english(open_app: Callable[..., AppTest], path: str) -> AppTest:
    at = open_app("koordinaattori")
    at.session_state["lang"] = "en"
    return at.switch_page(path).run()


def _shown(at: AppTest) -> str:
    tables = "\n".join(frame.value.to_string() for frame in at.dataframe)
    return page_text(at) + "\n" + tables


@pytest.mark.usefixtures("role_users")
def test_channels_goals_content_and_groups_are_english(open_app: Callable[..., AppTest]) -> None:
    shown = _shown(_english(open_app, "pages/programme/channels.py"))
    assert "Provide the statutory information the Local Government Act requires" in shown
    assert "Tarjota se lakisääteinen tieto" not in shown
    assert IN_FINNISH not in shown


@pytest.mark.usefixtures("role_users")
def test_principles_are_described_in_english(open_app: Callable[..., AppTest]) -> None:
    shown = _shown(_english(open_app, "pages/programme/steps.py"))
    assert "We want to develop the city together!" in shown
    assert "Haluamme kehittää kaupunkia yhdessä" not in shown


@pytest.mark.usefixtures("role_users")
def test_legal_bases_are_cited_in_english(open_app: Callable[..., AppTest]) -> None:
    shown = _shown(_english(open_app, "pages/programme/catalogue.py"))
    assert "Local Government Act 410/2015, section 29" in shown
    assert "Kuntalaki" not in shown
