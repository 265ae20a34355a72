"""The language is kept in the address, so a reload or a bookmark opens the same language."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP_FILE


def test_an_address_with_lang_en_opens_in_english(open_app: Callable[..., AppTest]) -> None:
    at = AppTest.from_file(APP_FILE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.sidebar.selectbox[0].value == "en"


def test_choosing_english_puts_it_in_the_address(open_app: Callable[..., AppTest]) -> None:
    at = open_app()
    assert at.query_params.get("lang") in (["fi"], "fi")
    at.sidebar.selectbox[0].set_value("en").run()
    assert at.query_params.get("lang") in (["en"], "en")
