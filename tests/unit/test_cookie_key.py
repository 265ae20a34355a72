"""The cookie key: outside demo mode a missing, short or example key stops the app with a
message saying what to set; demo mode generates a key once and reuses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_model import config
from data_model.config import EXAMPLE_COOKIE_KEY, ConfigurationError, Settings, cookie_key

GOOD_KEY = "k" * 40


def _production(key: str | None) -> Settings:
    return Settings(database_url="sqlite://", cookie_key=key, demo_mode=False)


@pytest.mark.parametrize(
    ("key", "says"), [(None, "puuttuu"), ("x" * 31, "liian lyhyt"), (EXAMPLE_COOKIE_KEY, "esimerkki")]
)
def test_production_refuses_a_weak_key(key: str | None, says: str) -> None:
    with pytest.raises(ConfigurationError, match=says):
        cookie_key(_production(key))


def test_production_accepts_a_long_key() -> None:
    assert cookie_key(_production(GOOD_KEY)) == GOOD_KEY


def test_demo_mode_generates_a_key_once_and_reuses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(config, "DATA_DIR", tmp_path)
    demo = Settings(database_url="sqlite://", cookie_key=None, demo_mode=True)
    first = cookie_key(demo)
    assert len(first) >= config.MIN_COOKIE_KEY_LENGTH
    assert cookie_key(demo) == first
    assert (tmp_path / "demo-cookie-key").read_text().strip() == first
