"""A department head logs an action end to end in Chromium, and a bad value is refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from data_model.db import transaction
from data_model.models import Action
from data_model.permissions import CurrentUser
from tests.browser.conftest import ARTIFACTS, LiveApp, login, tab_to, wait_until_idle

pytestmark = pytest.mark.browser

TITLE = "Selaintesti: nuorten skeittipuistoilta"


def _open_log_page(page: Page, live_app: LiveApp, username: str) -> None:
    login(page, live_app.url, username)
    page.get_by_role("link", name="Kirjaa toimenpide").click()
    wait_until_idle(page)
    expect(page.get_by_role("heading", name="Kirjaa toimenpide")).to_be_visible()


def _choose(page: Page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    wait_until_idle(page)


def _fill(page: Page, start: str, end: str) -> None:
    _choose(page, "Osallisuuden muodot *", "Suunnitteluosallisuus")
    page.get_by_label("Otsikko *").fill(TITLE)
    page.get_by_label("Kuvaus").fill("Nuoret kertoivat, mitä puistoon tarvitaan. <b>ei lihavoitu</b>")
    for label, value in (("Alkamispäivä *", start), ("Päättymispäivä", end)):
        # The date field is three segments (day, month, year); typing moves through them.
        page.get_by_role("spinbutton", name=f"day, {label}").click()
        page.keyboard.type(value.replace(".", ""))
    page.get_by_role("textbox", name="Osallistujia yhteensä").fill("31")


def _saved_titles(live_app: LiveApp) -> list[str]:
    with transaction(live_app.engine) as session:
        return list(session.scalars(select(Action.title).where(Action.source == "manual")))


def test_department_head_logs_an_action(
    page: Page, live_app: LiveApp, make_user: Callable[..., CurrentUser]
) -> None:
    make_user("loki_johtaja", "department_head", "hyvinvointi")
    _open_log_page(page, live_app, "loki_johtaja")
    _fill(page, "02.04.2025", "03.04.2025")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "log_action_form.png"))
    page.get_by_text("Osallistujat kohderyhmittäin").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "log_action_form_reach.png"))
    page.get_by_role("button", name="Tallenna toimenpide").click()
    wait_until_idle(page)
    expect(page.get_by_text(f"Toimenpide tallennettu: {TITLE}")).to_be_visible()
    assert TITLE in _saved_titles(live_app)
    with transaction(live_app.engine) as session:
        saved = session.scalars(select(Action).where(Action.title == TITLE)).one()
        assert saved.participants_total == 31
        assert saved.reach == []  # no group counts typed: unknown, not zero
    expect(page.get_by_text("Toimenpiteelle ei kirjattu yhtään kohderyhmän")).to_be_visible()
    # A link into the app: the login cookie opens the page in a new session.
    page.goto(f"{live_app.url}/actions")
    wait_until_idle(page)
    expect(page.get_by_role("heading", name="Toimenpiteet")).to_be_visible()
    # The server is shared with other browser tests: find this action by its title.
    search = page.get_by_label("Hae otsikosta tai kuvauksesta")
    search.fill("Selaintesti: nuorten")
    search.press("Enter")
    wait_until_idle(page)
    expect(
        page.get_by_text("1 / 1 toimenpide", exact=True)
    ).to_be_visible()  # the plural helper: 1 takes the singular


def test_end_before_start_is_refused_in_the_browser(
    page: Page, live_app: LiveApp, make_user: Callable[..., CurrentUser]
) -> None:
    make_user("loki_johtaja2", "department_head", "kaupunkiymparisto")
    _open_log_page(page, live_app, "loki_johtaja2")
    _fill(page, "02.04.2025", "01.04.2025")
    page.get_by_role("button", name="Tallenna toimenpide").click()
    wait_until_idle(page)
    expect(page.get_by_text("Päättymispäivä ei voi olla ennen alkamispäivää.").first).to_be_visible()
    expect(page.get_by_label("Otsikko *")).to_have_value(TITLE)
    page.get_by_text("Päättymispäivä ei voi olla ennen alkamispäivää.").last.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "log_action_error.png"))
    with transaction(live_app.engine) as session:
        assert not session.scalars(
            select(Action).where(Action.department.has(code="kaupunkiymparisto"))
        ).all()


def _menu_by_keyboard(page: Page, title: str) -> None:
    """Open a page of the menu with Tab and Enter alone."""
    link = page.get_by_role("navigation", name="Sivut").get_by_role("link", name=title, exact=True)
    page.locator("body").focus()
    tab_to(page, link)
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    wait_until_idle(page)
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()


def _overview_participants(page: Page) -> dict[str, int]:
    """The overview's participants per group, as its representation table shows them."""
    _menu_by_keyboard(page, "Yleiskatsaus")
    # The representation table is the page's first; its accessible grid (the copy of what
    # the canvas draws) is filled once it is in view.
    table = page.locator("[data-testid=stDataFrame]").first
    table.scroll_into_view_if_needed()
    wait_until_idle(page)
    table.locator("[role=gridcell]").filter(has_text="Nuoret (15–29 v)").first.wait_for(
        state="attached", timeout=30_000
    )
    expect(table.locator("[role=columnheader]").nth(2)).to_have_text("Osallistujista")
    counts = {}
    for row in table.locator("[role=row]").all():
        cells = row.locator("[role=gridcell]").all_inner_texts()
        if len(cells) >= 2:
            counts[cells[0]] = int("".join(digit for digit in cells[1] if digit.isdigit()) or 0)
    return counts


def test_group_counts_are_typed_with_the_keyboard_alone(
    page: Page, live_app: LiveApp, make_user: Callable[..., CurrentUser]
) -> None:
    make_user("loki_nappaimisto", "department_head", "hyvinvointi")
    login(page, live_app.url, "loki_nappaimisto")
    before = _overview_participants(page)
    _menu_by_keyboard(page, "Kirjaa toimenpide")
    _fill(page, "05.04.2025", "05.04.2025")
    page.get_by_role("textbox", name="Otsikko *").fill(TITLE + " (näppäimistö)")
    # From the total, Tab walks the group fields in order, each named by its group.
    page.get_by_role("textbox", name="Osallistujia yhteensä").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("textbox", name="Lapset (0–14 v)")).to_be_focused()
    page.keyboard.type("4")
    page.keyboard.press("Tab")
    expect(page.get_by_role("textbox", name="Nuoret (15–29 v)")).to_be_focused()
    page.keyboard.type("20")
    page.get_by_role("button", name="Tallenna toimenpide").focus()
    page.keyboard.press("Enter")
    wait_until_idle(page)
    expect(page.get_by_text("Toimenpide tallennettu").first).to_be_visible()
    expect(page.get_by_text("yhtään kohderyhmän")).to_have_count(0)
    with transaction(live_app.engine) as session:
        saved = session.scalars(select(Action).where(Action.title == TITLE + " (näppäimistö)")).one()
        assert {row.audience_group.code: row.count for row in saved.reach} == {
            "children_0_14": 4,
            "youth_15_29": 20,
        }
    # The counts typed are on the overview: its table grew by exactly them.
    after = _overview_participants(page)
    assert after["Lapset (0–14 v)"] - before.get("Lapset (0–14 v)", 0) == 4
    assert after["Nuoret (15–29 v)"] - before.get("Nuoret (15–29 v)", 0) == 20
    page.screenshot(path=str(ARTIFACTS / "keyboard_overview.png"))
