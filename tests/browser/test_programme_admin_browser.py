"""In a real browser: the coordinator retitles a SWOT item on "Ohjelman sisältö", a bad value is
refused with its message, and the SWOT board then shows the new text as plain text."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from data_model.permissions import CurrentUser
from tests.browser.conftest import ARTIFACTS, LiveApp, login, wait_until_idle

NEW_TEXT = "Säästöt uhkaavat *osallisuutta* <b>nyt</b>"


def test_coordinator_edits_swot_and_board_shows_it(
    live_app: LiveApp, page: Page, make_user: Callable[..., CurrentUser]
) -> None:
    make_user("ohjelma_koordinaattori", "coordinator")
    login(page, live_app.url, "ohjelma_koordinaattori")
    page.goto(f"{live_app.url}/programme_admin")
    wait_until_idle(page)
    panel = page.get_by_role("tabpanel").filter(visible=True)
    panel.get_by_role("combobox").first.click()
    page.get_by_role(
        "option", name="Taloudellinen tilanne vaatii säästötoimia kaupunkimme jokaisella osa-alueella"
    ).click()
    wait_until_idle(page)

    panel.get_by_label("Järjestys").fill("kolme")
    panel.get_by_role("button", name="Tallenna muutokset").click()
    wait_until_idle(page)
    assert page.get_by_text("Järjestys: anna kokonaisluku.").is_visible()

    panel.get_by_label("Järjestys").fill("15")
    panel.get_by_label("Teksti (suomeksi) *").fill(NEW_TEXT)
    panel.get_by_role("button", name="Tallenna muutokset").click()
    wait_until_idle(page)
    assert page.get_by_text("Tallennettu. Muutos näkyy sivuilla ja muutoslokissa.").is_visible()

    page.goto(f"{live_app.url}/swot")
    wait_until_idle(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "programme_swot_after_edit.png"), full_page=True)
    # the markup characters are shown as typed, not as emphasis or HTML
    assert page.get_by_text(NEW_TEXT, exact=True).is_visible()
    assert page.locator("[data-testid='stMarkdown'] b").count() == 0
