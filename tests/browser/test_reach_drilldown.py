"""In a real browser: open Reach and gaps, select a heat-map table cell, and see the actions
behind it. (AppTest cannot click a data-frame cell; this is the check that it works.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from playwright.sync_api import Page

from data_model.db import transaction
from data_model.permissions import CurrentUser
from tests.browser.conftest import LiveApp, login, wait_until_idle
from tests.metrics_data import add_action


def test_selecting_a_cell_lists_the_actions_behind_it(
    live_app: LiveApp, make_user: Callable[..., CurrentUser], page: Page
) -> None:
    make_user("mittarit_valtuutettu", "council")
    with transaction(live_app.engine) as session:
        add_action(
            session, "yhteiset_palvelut", "Asukasilta mittaritestiä varten", date(2025, 4, 1), forms=["tieto"]
        )
    login(page, live_app.url, "mittarit_valtuutettu")
    page.get_by_role("link", name="Tavoittavuus ja aukot").first.click()
    wait_until_idle(page)
    coverage = page.get_by_role("heading", name="Kattavuus")
    coverage.wait_for(timeout=60_000)
    coverage.scroll_into_view_if_needed()
    wait_until_idle(page)
    # The department × form table: the data frame whose headers start "Toimiala",
    # "Tieto-osallisuus" (its accessible grid mirrors what the canvas draws).
    tables = page.locator("[data-testid=stDataFrame]").all()
    table = next(
        frame
        for frame in tables
        if [header.inner_text() for header in frame.locator("[role=columnheader]").all()][:2]
        == ["Toimiala", "Tieto-osallisuus"]
    )
    assert table.locator("[role=gridcell]").first.inner_text() == "Yhteiset palvelut"
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    assert box is not None
    # Cells are drawn on a canvas: click where row 1 × "Tieto-osallisuus" is drawn (the first
    # column is about 215 px wide, rows 35 px high under a 35 px header).
    page.mouse.click(box["x"] + 300, box["y"] + 35 + 17)
    wait_until_idle(page)
    page.get_by_text("Toimet: Yhteiset palvelut × Tieto-osallisuus").wait_for(timeout=30_000)
    # The actions table under it (its accessible grid is filled once drawn).
    page.locator("[data-testid=stDataFrame] [role=gridcell]").filter(
        has_text="Asukasilta mittaritestiä varten"
    ).first.wait_for(state="attached", timeout=30_000)
