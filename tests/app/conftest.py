"""AppTest fixtures: the app on a fresh seeded SQLite copy, in production mode, with a user
per role. Log in as a role with `open_app(username)`: it sets the session state the
authenticator sets after a successful login (app.py still checks the user in the database)."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.db import make_engine
from data_model.permissions import CurrentUser
from tests.factories import create_role_users

APP_FILE = str(Path(__file__).resolve().parents[2] / "app.py")
# Made per run: a key written in the repository would be a published key, refused by the app.
TEST_COOKIE_KEY = secrets.token_urlsafe(48)


@pytest.fixture
def app_engine(sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    path = tmp_path / "app.db"
    path.write_bytes(sqlite_template.read_bytes())
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("HEINOLA_COOKIE_KEY", TEST_COOKIE_KEY)
    monkeypatch.setenv("HEINOLA_DEMO", "0")
    monkeypatch.setenv("HEINOLA_DATA_DIR", str(tmp_path / "data"))
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def role_users(app_engine: Engine) -> dict[str, CurrentUser]:
    return create_role_users(app_engine)


@pytest.fixture
def open_app(role_users: dict[str, CurrentUser]) -> Callable[..., AppTest]:
    """`open_app("koordinaattori")` -> an AppTest logged in as that user (None: logged out)."""

    def opener(username: str | None = None, page: str | None = None) -> AppTest:
        at = AppTest.from_file(APP_FILE, default_timeout=60)
        if username is not None:
            at.session_state["authentication_status"] = True
            at.session_state["username"] = username
            # A new user's session version (see data_model.auth.login_accounts).
            at.session_state["session_version"] = 0
        at.run()
        if page is not None:
            at.switch_page(page).run()
        return at

    return opener
