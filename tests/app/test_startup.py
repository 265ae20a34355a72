"""Outside demo mode the app refuses to start with a weak cookie key: it says what to set and
runs nothing else, not even the login form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_model import config
from data_model.config import EXAMPLE_COOKIE_KEY


@pytest.mark.parametrize(
    ("key", "says"), [("", "puuttuu"), ("lyhyt", "liian lyhyt"), (EXAMPLE_COOKIE_KEY, "esimerkki")]
)
def test_app_refuses_to_start_with_a_weak_key(
    open_app: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch, key: str, says: str
) -> None:
    monkeypatch.setenv("HEINOLA_COOKIE_KEY", key)
    monkeypatch.setattr(config, "SECRETS_FILE", Path("/nonexistent/secrets.toml"))
    at = open_app("koordinaattori")
    assert not at.exception
    assert len(at.error) == 1
    assert says in at.error[0].value
    assert "HEINOLA_COOKIE_KEY" in at.error[0].value or "vaihda" in at.error[0].value
    # Nothing else ran: no navigation, no login form, no page.
    assert not any("/pages/" in str(info.get("script_path")) for info in at._registered_pages.values())
    assert len(at.text_input) == 0 and len(at.title) == 0
