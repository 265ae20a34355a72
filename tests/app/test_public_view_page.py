"""The public view page (issue 15) through AppTest: it opens without login and for every
role, shows the year's suppressed figures and only the published action, never a name, in
Finnish and in English; only the coordinator gets the HTML download."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.permissions import CurrentUser
from tests.unit.public_world import (
    PRIVATE_TITLE,
    PUBLIC_CHANGE,
    PUBLIC_TITLE,
    RESIDENT_NAME,
    STAFF_NAME,
    build_public_world,
)

PAGE = "pages/public/public_view.py"


@pytest.fixture
def public_world(app_engine: Engine, role_users: dict[str, CurrentUser]) -> None:
    build_public_world(app_engine, role_users)


def _texts(at: AppTest) -> str:
    """Every text the page drew: headings, paragraphs, the tables' HTML, captions."""
    parts = [element.value for element in (*at.title, *at.header, *at.subheader, *at.markdown, *at.caption)]
    parts += [str(element.proto) for element in at.get("html")]
    return "\n".join(str(part) for part in parts)


def test_the_public_view_opens_without_login(open_app: Callable[..., AppTest], public_world: None) -> None:
    at = open_app(page=PAGE)
    assert not at.exception
    assert at.session_state["authentication_status"] is None
    texts = _texts(at)
    assert at.title[0].value == "Osallistuva Heinola – mitä osallistumisesi sai aikaan"
    assert "Mitä tehtiin vuonna 2025" in texts
    assert "alle 5" in texts
    assert PUBLIC_TITLE in texts and PUBLIC_CHANGE.rstrip(".") in texts.replace("\\", "")
    for secret in (STAFF_NAME, RESIDENT_NAME, PRIVATE_TITLE):
        assert secret not in texts.replace("\\", "")
    assert not at.get("download_button")


def test_the_page_follows_the_language_switch(open_app: Callable[..., AppTest], public_world: None) -> None:
    at = open_app(page=PAGE)
    at.sidebar.selectbox(key="lang").set_value("en").run()
    assert not at.exception
    texts = _texts(at)
    assert at.title[0].value == "Osallistuva Heinola – what your participation achieved"
    assert "What was done in 2025" in texts and "fewer than 5" in texts
    assert "alle 5" not in texts


@pytest.mark.parametrize("username", ["toimialajohtaja", "valtuutettu"])
def test_every_role_keeps_the_page_without_the_download(
    open_app: Callable[..., AppTest], public_world: None, username: str
) -> None:
    at = open_app(username, page=PAGE)
    assert not at.exception
    assert PUBLIC_TITLE in _texts(at)
    assert not at.get("download_button")


def test_the_coordinator_downloads_the_html_file(
    open_app: Callable[..., AppTest], public_world: None
) -> None:
    at = open_app("koordinaattori", page=PAGE)
    assert not at.exception
    (button,) = at.get("download_button")
    assert button.proto.label == "Lataa julkinen näkymä HTML-tiedostona"
