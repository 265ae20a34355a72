"""In a real browser: the coordinator uploads Statistics Finland's table 11re as PxWeb's CSV,
reads the preview, gives the table's date and saves; the stored figures are statistics."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page
from sqlalchemy import select

from data_model.db import session_factory
from data_model.models import AudienceGroup, PopulationFigure
from data_model.permissions import CurrentUser
from tests.browser.conftest import ARTIFACTS, LiveApp, login, wait_until_idle
from tests.px_files import ages_2024, csv_file, group_sum


def test_coordinator_uploads_11re_and_saves_it(
    live_app: LiveApp, page: Page, make_user: Callable[..., CurrentUser], tmp_path: Path
) -> None:
    make_user("vaesto_koordinaattori", "coordinator")
    ages = ages_2024()
    upload = tmp_path / "011re_heinola.csv"
    upload.write_bytes(csv_file(ages))
    login(page, live_app.url, "vaesto_koordinaattori")
    page.goto(f"{live_app.url}/programme_admin")
    wait_until_idle(page)
    page.get_by_role("tab", name="Tilastokeskuksen väestötiedosto").click()
    wait_until_idle(page)
    panel = page.get_by_role("tabpanel").filter(visible=True)
    panel.locator("input[type='file']").set_input_files(str(upload))
    wait_until_idle(page)
    assert panel.get_by_text("Esikatselu: Heinola, 31.12.2024 (CSV)").is_visible()
    # A CSV file carries no table date: the coordinator types it (day, month, year segments).
    panel.get_by_role("spinbutton", name="day, Taulukon päivityspäivä Tilastokeskuksessa").click()
    page.keyboard.type("25042025")
    page.keyboard.press("Tab")
    wait_until_idle(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "official_population_preview.png"), full_page=True)
    panel.get_by_role("button", name="Tallenna tilastoluvut").click()
    wait_until_idle(page)
    assert page.get_by_text("Tallennettu 6 väestölukua", exact=False).is_visible()
    with session_factory(live_app.engine)() as session:
        youth = session.scalars(
            select(PopulationFigure)
            .join(AudienceGroup)
            .where(AudienceGroup.code == "youth_15_29", PopulationFigure.year == 2024)
        ).one()
        assert (youth.count, youth.estimate) == (group_sum(ages, 15, 29), False)
        assert "25.4.2025" in youth.source
