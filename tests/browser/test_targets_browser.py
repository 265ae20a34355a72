"""In a real browser: the coordinator records a target on the targets page and sees its
status in words; the page and the overview then show it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page

from data_model.permissions import CurrentUser
from tests.browser.conftest import LiveApp, login, wait_until_idle


def test_coordinator_records_a_target_and_sees_its_status(
    live_app: LiveApp, make_user: Callable[..., CurrentUser], page: Page, tmp_path: Path
) -> None:
    make_user("tavoite.koordinaattori", "coordinator")
    login(page, live_app.url, "tavoite.koordinaattori")
    page.goto(f"{live_app.url}/targets")
    wait_until_idle(page)
    page.get_by_role("combobox", name="Luku").click()
    page.get_by_role("option", name="Kirjatut toimenpiteet").click()
    wait_until_idle(page)
    for label, value in (("Jakso alkaa", "01012023"), ("Jakso päättyy", "31122023")):
        # The date field is three segments (day, month, year); typing moves through them.
        page.get_by_role("spinbutton", name=f"day, {label}").click()
        page.keyboard.type(value)
    page.get_by_role("textbox", name="Tavoitearvo (kpl)").fill("2")
    page.get_by_role("textbox", name="Päätös (toimielin, päivä, §)").fill("Kaupunginvaltuusto 12.6.2023 § 45")
    page.get_by_role("button", name="Tallenna tavoite").click()
    wait_until_idle(page)
    page.get_by_text("Tavoite tallennettu").wait_for(timeout=20_000)
    page.get_by_text("Saavutettu").first.wait_for(timeout=20_000)
    shots = Path(os.environ.get("TARGETS_SCREENSHOTS", tmp_path))
    page.screenshot(path=str(shots / "targets_page.png"), full_page=True)
    page.goto(f"{live_app.url}/overview")
    wait_until_idle(page)
    page.get_by_text("Kirjatut toimenpiteet – koko kaupunki").first.wait_for(timeout=20_000)
    page.screenshot(path=str(shots / "targets_overview.png"), full_page=True)
