"""axe-core (bundled with axe-playwright-python) on every page × role × language, and the
app's own menu and page language checked in Chromium.

One login per role: the pages are opened through the menu (as a user does, no new session),
the second language through the address (?lang=en keeps the login cookie). Nothing is
excluded from a scan; a serious or critical violation fails the test unless RESIDUALS names
it with the reason it cannot be fixed (and the accessibility statement lists it too).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from data_model.db import transaction
from data_model.i18n import t
from data_model.permissions import CurrentUser, pages_for
from pages.widgets.navigation import PAGE_FILES
from tests.browser.conftest import ARTIFACTS, LiveApp, login, tab_to, wait_until_idle
from tests.metrics_data import add_action

BLOCKING = {"serious", "critical"}
# rule id -> why it cannot be fixed in this app. Empty: every page passes as it is.
RESIDUALS: dict[str, str] = {}
ANONYMOUS = "anonymous"
ROLES = (ANONYMOUS, "coordinator", "department_head", "council")
AXE = Axe()


def _page_keys(role: str) -> list[str]:
    """The menu's pages for a role, by catalogue key, in menu order."""
    if role == ANONYMOUS:
        return ["login", "public", "accessibility"]
    return ["home", *pages_for(role), "change_password", "accessibility"]


def _menu_link(page: Page, key: str, lang: str):  # type: ignore[no-untyped-def]
    menu = page.get_by_role("navigation", name=t("nav.label", lang))
    return menu.get_by_role("link", name=t(f"page.{key}", lang), exact=True)


def _blocking(page: Page) -> tuple[list[str], dict[str, int]]:
    """Serious and critical violations ("rule: first target") and a count by impact."""
    results = AXE.run(page).response
    counts: dict[str, int] = {}
    found = []
    for violation in results["violations"]:
        counts[violation["impact"]] = counts.get(violation["impact"], 0) + len(violation["nodes"])
        if violation["impact"] in BLOCKING and violation["id"] not in RESIDUALS:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
            found.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return found, counts


@pytest.fixture(scope="module")
def charted(live_app: LiveApp) -> LiveApp:
    """Actions with group counts, channels and forms, so that every chart is drawn."""
    with transaction(live_app.engine) as session:
        add_action(
            session,
            "hyvinvointi",
            "Saavutettavuustesti: nuorten ilta",
            date(2025, 3, 4),
            total=40,
            reach={"youth_15_29": 25, "children_0_14": 10, "lonely": 3},
            forms=["suunnittelu"],
            channels=["nettisivut", "facebook"],
        )
    return live_app


@pytest.mark.parametrize("role", ROLES)
def test_no_serious_axe_violation_on_any_page(
    charted: LiveApp, page: Page, make_user: Callable[..., CurrentUser], role: str
) -> None:
    if role == ANONYMOUS:
        page.goto(charted.url)
        wait_until_idle(page)
    else:
        username = f"axe_{role}"
        make_user(username, role, "hyvinvointi" if role == "department_head" else None)
        login(page, charted.url, username)
    failures: dict[str, list[str]] = {}
    summary: dict[str, dict[str, int]] = {}
    for lang in ("fi", "en"):
        if lang != "fi":
            page.goto(f"{charted.url}/?lang={lang}")
            wait_until_idle(page)
        for key in _page_keys(role):
            _menu_link(page, key, lang).click()
            wait_until_idle(page)
            expect(_menu_link(page, key, lang)).to_have_attribute("aria-current", "page")
            found, counts = _blocking(page)
            summary[f"{lang}/{key}"] = counts
            if found:
                failures[f"{lang}/{key}"] = found
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{role}.json").write_text(json.dumps(summary, indent=1, sort_keys=True))
    assert not failures, json.dumps(failures, indent=1, ensure_ascii=False)


def test_page_language_follows_the_chosen_language(live_app: LiveApp, page: Page) -> None:
    page.goto(live_app.url)
    wait_until_idle(page)
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    page.get_by_role("combobox", name="Kieli").click()
    page.get_by_role("option", name="English").click()
    wait_until_idle(page)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(f"{live_app.url}/accessibility?lang=en")
    wait_until_idle(page)
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_menu_is_a_landmark_of_lists_reached_by_keyboard(
    live_app: LiveApp, page: Page, make_user: Callable[..., CurrentUser]
) -> None:
    make_user("valikko_johtaja", "department_head", "hyvinvointi")
    login(page, live_app.url, "valikko_johtaja")
    menu = page.get_by_role("navigation", name="Sivut")
    reports = menu.get_by_role("list", name=t("nav.section.reports"))
    shown = [key for key in pages_for("department_head") if PAGE_FILES[key].section == "reports"]
    expect(reports.get_by_role("listitem")).to_have_count(len(shown))
    expect(_menu_link(page, "home", "fi")).to_have_attribute("aria-current", "page")
    # Tab from the top of the page reaches the menu's links in order.
    overview = _menu_link(page, "overview", "fi")
    tab_to(page, overview, most=30)
    expect(overview).to_be_focused()
    page.keyboard.press("Enter")
    wait_until_idle(page)
    expect(page.get_by_role("heading", name=t("page.overview"), level=1)).to_be_visible()
    expect(overview).to_have_attribute("aria-current", "page")
    expect(_menu_link(page, "home", "fi")).not_to_have_attribute("aria-current", "page")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "menu-overview.png"))


def test_no_metric_label_is_cut_at_200_percent_zoom(
    charted: LiveApp, browser: Browser, make_user: Callable[..., CurrentUser]
) -> None:
    # 200 % zoom of a 1400 px window: 700 CSS pixels wide (the sidebar folds away).
    context = browser.new_context(viewport={"width": 700, "height": 900}, locale="fi-FI")
    page = context.new_page()
    make_user("zoom_valtuutettu", "council")
    login(page, charted.url, "zoom_valtuutettu")
    cut: dict[str, list[str]] = {}
    for key in ("home", "overview", "reach", "council"):
        page.goto(f"{charted.url}/{key}")
        wait_until_idle(page)
        page.locator("[data-testid=stMetric]").first.wait_for()
        # A text cut with an ellipsis is wider than the box that clips it.
        clipped = page.evaluate(
            """() => [...document.querySelectorAll('[data-testid=stMetric] p')]
                .filter((p) => [p, p.parentElement].some((box) => box.scrollWidth > box.clientWidth + 1))
                .map((p) => p.textContent)"""
        )
        if clipped:
            cut[key] = clipped
        page.screenshot(path=str(ARTIFACTS / f"zoom-700-{key}.png"), full_page=True)
    context.close()
    assert not cut, cut
