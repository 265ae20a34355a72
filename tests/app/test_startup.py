"""Outside demo mode the app refuses to start with a weak cookie key: it says what to set and
runs nothing else, not even the login form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from data_model import config
from data_model.config import EXAMPLE_COOKIE_KEY
from data_model.models import Action, User
from tests.app.conftest import APP_FILE


@pytest.mark.parametrize(
    ("key", "says"),
    [
        ("", "puuttuu"),
        ("lyhyt", "liian lyhyt"),
        (EXAMPLE_COOKIE_KEY, "esimerkki"),
        (EXAMPLE_COOKIE_KEY + " ", "esimerkki"),
        ("0" * 32, "satunnainen"),
        (" " * 32, "satunnainen"),
    ],
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


def test_a_configured_database_without_a_key_refuses_to_start_and_adds_no_demo(
    app_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The attack: DATABASE_URL set, the key forgotten, HEINOLA_DEMO not set.
    monkeypatch.delenv("HEINOLA_COOKIE_KEY")
    monkeypatch.delenv("HEINOLA_DEMO")
    monkeypatch.setattr(config, "SECRETS_FILE", Path("/nonexistent/secrets.toml"))
    assert not config.load_settings().demo_mode
    at = AppTest.from_file(APP_FILE, default_timeout=60).run()
    assert not at.exception
    assert "puuttuu" in at.error[0].value
    with app_engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(User)) == 0
        assert connection.scalar(select(func.count()).select_from(Action).where(Action.is_demo)) == 0
