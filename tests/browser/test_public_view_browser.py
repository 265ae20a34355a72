"""The public view in Chromium: a visitor who never logged in opens it by its address, in
Finnish and in English, and axe finds no serious or critical violation; the static HTML
export, loaded as the city's website would serve it, passes axe too."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from data_model.db import session_factory
from data_model.exports.public_html import public_html
from data_model.i18n import t
from tests.browser.conftest import ARTIFACTS, LiveApp, wait_until_idle
from tests.factories import create_user
from tests.unit.public_world import PUBLIC_TITLE, TODAY, YEAR, build_public_world

BLOCKING = {"serious", "critical"}
AXE = Axe()


def _blocking(page: Page) -> list[str]:
    results = AXE.run(page).response
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes'][:3]]}"
        for violation in results["violations"]
        if violation["impact"] in BLOCKING
    ]


@pytest.fixture(scope="module")
def published(live_app: LiveApp) -> LiveApp:
    """The public view's test year, logged by a department head of its own."""
    head = create_user(live_app.engine, "julkinen_johtaja", "department_head", "hyvinvointi")
    build_public_world(live_app.engine, {"department_head": head})
    return live_app


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_public_view_opens_without_login_and_passes_axe(
    published: LiveApp, page: Page, lang: str
) -> None:
    page.goto(f"{published.url}/public?lang={lang}")
    wait_until_idle(page)
    expect(page.get_by_role("heading", name=t("public.title", lang), level=1)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    # No login form: the page itself, reached by its address before any login.
    expect(page.get_by_role("textbox", name=t("auth.password", lang))).to_have_count(0)
    expect(page.get_by_text(PUBLIC_TITLE).first).to_be_visible()
    expect(page.get_by_role("table").first).to_be_visible()
    expect(page.get_by_text(t("public.fewer_than", lang, limit=5), exact=True).first).to_be_visible()
    found = _blocking(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.get_by_role("table").nth(4).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"public-view-{lang}.png"))
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_static_export_passes_axe(published: LiveApp, page: Page, lang: str) -> None:
    with session_factory(published.engine)() as session:
        html = public_html(session, YEAR, TODAY, lang)
    page.set_content(html)
    expect(page.get_by_role("heading", level=1)).to_have_text(t("public.title", lang))
    found = _blocking(page)
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)
