"""The login cookie through AppTest (the browser's cookies are patched into st.context, as
AppTest cannot send any): the server honours only tokens it could have issued, and a cookie
it does not honour shows the login form and is cleared in the browser."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import timedelta

import extra_streamlit_components as stx
import jwt
import pytest
from sqlalchemy import Engine, update
from streamlit.runtime.context import ContextProxy
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.models import User
from tests.app.conftest import APP_FILE, TEST_COOKIE_KEY
from tests.app.test_login import navigation
from tests.factories import TEST_PASSWORD

COOKIE = "heinola_kirjautuminen"
# Before login: the login form, the public view (issue 15) and the accessibility statement.
LOGGED_OUT = {"login", "public", "accessibility"}


@pytest.fixture
def browser_cookies(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The cookies the browser sends; fill it before the first run."""
    cookies: dict[str, str] = {}
    monkeypatch.setattr(ContextProxy, "cookies", property(lambda _self: cookies))
    return cookies


@pytest.fixture
def deleted_cookies(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the cookies the app told the browser to delete."""
    deleted: list[str] = []
    original = stx.CookieManager.delete

    def spy(self: stx.CookieManager, cookie: str, key: str = "delete") -> None:
        deleted.append(cookie)
        original(self, cookie, key=key)

    monkeypatch.setattr(stx.CookieManager, "delete", spy)
    yield deleted


def _token(username: str, lifetime: timedelta, **claims: object) -> str:
    expires = time.time() + lifetime.total_seconds()
    return jwt.encode(
        {"username": username, "exp_date": expires, **claims}, TEST_COOKIE_KEY, algorithm="HS256"
    )


def _open(cookies: dict[str, str], token: str) -> AppTest:
    cookies[COOKIE] = token
    at = AppTest.from_file(APP_FILE, default_timeout=60)
    at.run()
    return at


def test_cookie_with_a_ten_year_expiry_is_not_honoured(
    role_users: object, browser_cookies: dict[str, str], deleted_cookies: list[str]
) -> None:
    at = _open(browser_cookies, _token("koordinaattori", timedelta(days=3650), sv=0))
    assert not at.exception
    assert navigation(at) == LOGGED_OUT
    assert not at.session_state["authentication_status"]
    assert deleted_cookies == [COOKIE]


def test_cookie_of_a_deactivated_user_shows_the_login_form_and_is_cleared(
    app_engine: Engine,
    open_app: Callable[..., AppTest],
    browser_cookies: dict[str, str],
    deleted_cookies: list[str],
) -> None:
    with transaction(app_engine) as session:
        session.execute(update(User).where(User.username == "toimialajohtaja").values(active=False))
    at = _open(browser_cookies, _token("toimialajohtaja", timedelta(hours=1), sv=0))
    assert not at.exception
    assert navigation(at) == LOGGED_OUT
    assert [field.label for field in at.text_input] == ["Käyttäjätunnus", "Salasana"]
    assert not any("Error" in error.value or "Traceback" in error.value for error in at.error)
    assert deleted_cookies == [COOKIE]
    # The same session does not read the cleared cookie again on its next run.
    at.run()
    assert navigation(at) == LOGGED_OUT and deleted_cookies == [COOKIE]


def test_cookie_the_server_issued_logs_in(
    role_users: object, browser_cookies: dict[str, str], deleted_cookies: list[str]
) -> None:
    from data_model.session_token import issue_token

    at = _open(browser_cookies, issue_token("valtuutettu", 0, TEST_COOKIE_KEY))
    assert not at.exception
    assert "overview" in navigation(at)
    assert at.session_state["username"] == "valtuutettu" and deleted_cookies == []


def test_cookie_stops_working_after_logout(
    role_users: object, browser_cookies: dict[str, str], deleted_cookies: list[str]
) -> None:
    token = _token("koordinaattori", timedelta(hours=1), sv=0)
    at = _open(browser_cookies, token)
    assert "users" in navigation(at)
    at.sidebar.button(key="logout_button").click().run()
    assert navigation(at) == LOGGED_OUT
    # The same cookie, kept by someone (or sent again by a stale tab), no longer logs in.
    again = _open(browser_cookies, token)
    assert not again.exception
    assert navigation(again) == LOGGED_OUT


def test_logout_in_one_tab_logs_out_the_other_on_its_next_run(
    open_app: Callable[..., AppTest],
) -> None:
    first, second = open_app("toimialajohtaja"), open_app("toimialajohtaja")
    assert "log_action" in navigation(second)
    first.sidebar.button(key="logout_button").click().run()
    second.run()
    assert not second.exception
    assert navigation(second) == LOGGED_OUT
    assert any("toisessa välilehdessä" in error.value for error in second.error)


def test_password_change_ends_other_sessions_and_keeps_this_one(
    open_app: Callable[..., AppTest], browser_cookies: dict[str, str]
) -> None:
    token = _token("valtuutettu", timedelta(hours=1), sv=0)
    other = open_app("valtuutettu")
    at = open_app("valtuutettu", page="pages/account/change_password.py")
    fields = at.text_input
    fields[0].input(TEST_PASSWORD)
    fields[1].input("Uusi-salasana-2026")
    fields[2].input("Uusi-salasana-2026")
    at.button[0].click().run()
    assert not at.exception
    assert any("vaihdettu" in message.value for message in at.success)
    at.run()
    assert "overview" in navigation(at)
    other.run()
    assert navigation(other) == LOGGED_OUT
    assert navigation(_open(browser_cookies, token)) == LOGGED_OUT
