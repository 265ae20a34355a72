"""In a real browser: no address the app itself links to shows Streamlit's English "Page not
found" dialog to a new visitor. The dialog is false (the page asked for is drawn under it) and
in the wrong language; /login showed it in every new session, because a default page answers
only at "/" and its own url_path is not looked up, and the first visitor after a start met it at
any address but "/" (Streamlit's older multipage mode, which serve.py switches off)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page

from data_model.db import transaction
from data_model.models import User
from data_model.permissions import CurrentUser
from pages.widgets.navigation import protected_url_paths
from tests.browser.conftest import LiveApp, login, wait_until_idle

# "/" and the pages open before login, then every page that needs one (the login form).
ADDRESSES = ["", "login", "public", "accessibility", *protected_url_paths()]


@pytest.mark.parametrize("address", ADDRESSES)
def test_new_session_sees_no_page_not_found_dialog(live_app: LiveApp, browser: Browser, address: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    try:
        page = context.new_page()
        page.goto(f"{live_app.url}/{address}")
        wait_until_idle(page)
        _assert_no_dialog(page)
    finally:
        context.close()


def test_the_first_visitor_after_a_start_sees_no_dialog(fresh_app: LiveApp, browser: Browser) -> None:
    # Streamlit takes pages/ for its older multipage mode until a session has run
    # st.navigation: the first visitor after a start, at a bookmarked /login, was told the
    # page does not exist. serve.py switches that mode off before the server starts.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    try:
        page = context.new_page()
        page.goto(f"{fresh_app.url}/login")
        wait_until_idle(page)
        _assert_no_dialog(page)
    finally:
        context.close()


def test_logged_in_session_opened_at_home_sees_no_dialog(
    live_app: LiveApp, make_user: Callable[..., CurrentUser], page: Page
) -> None:
    # The home page is the default after login: /home is the same kind of address as /login.
    make_user("nf_kirsi", "coordinator")
    login(page, live_app.url, "nf_kirsi")
    opened = page.context.new_page()  # a new session, logged in by the cookie
    opened.goto(f"{live_app.url}/home")
    wait_until_idle(opened)
    _assert_no_dialog(opened)


def test_one_time_password_session_opened_at_its_own_address_sees_no_dialog(
    live_app: LiveApp, make_user: Callable[..., CurrentUser], page: Page
) -> None:
    # While a one-time password is in force the password page is the default page, which
    # reports an empty url_path: /change_password, its own address, was not found.
    user = make_user("nf_otto", "coordinator")
    with transaction(live_app.engine) as session:
        session.get_one(User, user.id).must_change_password = True
    login(page, live_app.url, "nf_otto")
    opened = page.context.new_page()
    opened.goto(f"{live_app.url}/change_password")
    wait_until_idle(opened)
    _assert_no_dialog(opened)


def _assert_no_dialog(page: Page) -> None:
    # The dialog's own title and message.
    assert page.get_by_text("Page not found", exact=True).count() == 0
    assert page.get_by_text("does not seem to exist").count() == 0
    # The address still opens a page: the statement, the public view, or the login form.
    assert page.locator("h1").count() > 0
