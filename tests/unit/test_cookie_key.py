"""The cookie key: outside demo mode a missing, short or example key stops the app with a
message saying what to set; demo mode generates a key once and reuses it."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from data_model import config
from data_model.config import EXAMPLE_COOKIE_KEY, ConfigurationError, Settings, cookie_key

GOOD_KEY = "Qm7vR2-xT9_kLp4ZsW8nYc3HdJ6fBg5E"


def _production(key: str | None) -> Settings:
    return Settings(database_url="sqlite://", cookie_key=key, demo_mode=False)


@pytest.mark.parametrize(
    ("key", "says"),
    [
        (None, "puuttuu"),
        ("x" * 31, "liian lyhyt"),
        (EXAMPLE_COOKIE_KEY, "esimerkki"),
        (EXAMPLE_COOKIE_KEY + " ", "esimerkki"),
        ("X" + EXAMPLE_COOKIE_KEY[1:-2], "esimerkki"),
        ("testi-avain-joka-on-riittavan-pitka-0123456789", "esimerkki"),
        ("selaintestien-avain-joka-on-riittavan-pitka-0123456789", "esimerkki"),
        ("0" * 32, "satunnainen"),
        (" " * 32, "satunnainen"),
        ("k" * 40, "satunnainen"),
        ("ab" * 20, "satunnainen"),
        ("abcdefghijklmnopqrstuvwxyz012345", "satunnainen"),
        ("Qm7vR2-xT9_kLp4 ZsW8nYc3HdJ6fBg5E", "satunnainen"),
    ],
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


@pytest.mark.parametrize("seed", range(50))
def test_production_accepts_the_key_the_readme_suggests(seed: int) -> None:
    key = secrets.token_urlsafe(48)
    assert cookie_key(_production(key)) == key


@pytest.mark.parametrize(
    ("database", "key", "demo"),
    [(None, None, True), ("sqlite:///x.db", None, False), (None, "k", False), ("sqlite:///x.db", "k", False)],
)
def test_demo_mode_is_on_only_when_nothing_is_configured(
    monkeypatch: pytest.MonkeyPatch, database: str | None, key: str | None, demo: bool
) -> None:
    monkeypatch.setattr(config, "SECRETS_FILE", Path("/nonexistent/secrets.toml"))
    monkeypatch.delenv("HEINOLA_DEMO", raising=False)
    for name, value in (("DATABASE_URL", database), ("HEINOLA_COOKIE_KEY", key)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert config.load_settings().demo_mode is demo
