"""In a real browser: a fresh server never runs a page for a direct URL before login; a
coordinator logs in, sees their navigation, logs out, and cannot reach a page by URL."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlparse

from playwright.sync_api import Page, expect

from data_model.i18n import t
from data_model.permissions import CurrentUser, pages_for
from tests.browser.conftest import ARTIFACTS, ROOT, LiveApp, login, wait_until_idle


def _login_form_shown(page: Page) -> bool:
    return (
        page.get_by_label("Käyttäjätunnus").is_visible()
        and page.get_by_role("textbox", name="Salasana").is_visible()
    )


def _nav_titles(page: Page) -> list[str]:
    # The sidebar's page links (the menu after login, two plain links before it); a link's
    # text is its material icon's name, then its title.
    links = page.locator("[data-testid='stSidebar'] a").all_inner_texts()
    return [text.strip().splitlines()[-1].strip() for text in links]


def test_no_page_file_directly_in_pages() -> None:
    # A .py file directly in pages/ would switch a fresh server into the legacy multipage mode,
    # which runs that page for its URL without app.py's login check.
    assert sorted(path.name for path in (ROOT / "pages").glob("*.py")) == []


def test_fresh_server_shows_only_login_for_a_direct_url(fresh_app: LiveApp, page: Page) -> None:
    page.goto(f"{fresh_app.url}/overview")
    wait_until_idle(page)
    # A fresh server's first page is drawn in two runs (its "page not found" reruns the main
    # page): wait for the form and the menu rather than for the first idle moment.
    expect(page.get_by_role("textbox", name="Salasana")).to_be_visible()
    expect(page.get_by_role("link", name=t("page.accessibility"))).to_be_visible()
    assert _login_form_shown(page)
    assert not page.get_by_role("heading", name=t("page.overview")).is_visible()
    assert sorted(_nav_titles(page)) == sorted([t("page.login"), t("page.public"), t("page.accessibility")])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "fresh-server-overview-url.png"), full_page=True)


def test_coordinator_logs_in_sees_navigation_logs_out(
    live_app: LiveApp, page: Page, make_user: Callable[..., CurrentUser]
) -> None:
    make_user("selainkoordinaattori", "coordinator")
    login(page, live_app.url, "selainkoordinaattori")
    expected = [t(f"page.{key}") for key in pages_for("coordinator")]
    expected += [t("page.home"), t("page.public"), t("page.change_password"), t("page.accessibility")]
    assert sorted(_nav_titles(page)) == sorted(expected)
    assert page.get_by_text("Kirjautuneena: Selainkoordinaattori (osallisuuskoordinaattori)").is_visible()

    page.goto(f"{live_app.url}/overview")
    wait_until_idle(page)
    assert not _login_form_shown(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "coordinator-overview.png"), full_page=True)

    page.get_by_role("button", name="Kirjaudu ulos").click()
    wait_until_idle(page)
    assert _login_form_shown(page)

    # A page opened by URL starts a new session: it must not find a login cookie.
    page.goto(f"{live_app.url}/overview")
    wait_until_idle(page)
    assert _login_form_shown(page)
    assert sorted(_nav_titles(page)) == sorted([t("page.login"), t("page.public"), t("page.accessibility")])


def test_login_survives_a_reload_through_the_cookie(
    live_app: LiveApp, page: Page, make_user: Callable[..., CurrentUser]
) -> None:
    make_user("selainvaltuutettu", "council")
    login(page, live_app.url, "selainvaltuutettu")
    page.goto(f"{live_app.url}/reach")
    wait_until_idle(page)
    assert not _login_form_shown(page)
    assert t("page.log_action") not in _nav_titles(page)


def test_wrong_password_is_refused(
    live_app: LiveApp, page: Page, make_user: Callable[..., CurrentUser]
) -> None:
    make_user("selainjohtaja", "department_head", "hyvinvointi")
    page.goto(live_app.url)
    wait_until_idle(page)
    page.get_by_label("Käyttäjätunnus").fill("selainjohtaja")
    page.get_by_role("textbox", name="Salasana").fill("väärä-salasana-123")
    page.get_by_role("button", name="Kirjaudu sisään").click()
    wait_until_idle(page)
    assert page.get_by_text("Käyttäjätunnus tai salasana on väärä.").is_visible()
    assert _login_form_shown(page)


def test_a_link_into_the_app_opens_its_page_after_login(
    live_app: LiveApp, page: Page, make_user: Callable[..., CurrentUser]
) -> None:
    make_user("selainkoordinaattori2", "coordinator")
    page.goto(f"{live_app.url}/users")
    wait_until_idle(page)
    # The cookie component's first report reruns the page, which can come after the idle wait.
    page.get_by_label("Käyttäjätunnus").wait_for(state="visible", timeout=20_000)
    # The address of a page that needs a login shows the login form, not "page not found".
    assert _login_form_shown(page)
    assert not page.get_by_text("Page not found").is_visible()
    login(page, f"{live_app.url}/users", "selainkoordinaattori2")
    assert page.get_by_role("heading", name=t("page.users")).is_visible()
    # The address keeps the page; the language rides along as ?lang=.
    assert urlparse(page.url).path.endswith("/users")
