"""In a real browser: a council member asks for the report of a quarter and downloads the PDF
and the CSV, named with the period and the day; the PDF holds the logged action's figures and
the CSV shows a hostile title as text."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from playwright.sync_api import Page
from pypdf import PdfReader

from data_model import clock
from data_model.db import transaction
from data_model.exports.periods import QUARTER, default_period
from data_model.i18n import t
from data_model.permissions import CurrentUser
from tests.browser.conftest import ARTIFACTS, LiveApp, login, wait_until_idle
from tests.metrics_data import add_action

HOSTILE = '=HYPERLINK("http://evil","x")'


def _download(page: Page, label: str, folder: Path) -> Path:
    with page.expect_download() as started:
        page.get_by_role("button", name=label).click()
    download = started.value
    path = folder / download.suggested_filename
    download.save_as(path)
    return path


def test_council_member_downloads_the_quarter_report(
    live_app: LiveApp, page: Page, make_user: Callable[..., CurrentUser], tmp_path: Path
) -> None:
    quarter = default_period(QUARTER, clock.today())  # what the page opens with
    with transaction(live_app.engine) as session:
        add_action(session, "hyvinvointi", "Selaintestin nuorisofoorumi", quarter.start, total=321)
        add_action(session, "hyvinvointi", HOSTILE, quarter.start, total=1)
    make_user("raportin_valtuutettu", "council")
    login(page, live_app.url, "raportin_valtuutettu")
    page.goto(f"{live_app.url}/council")
    wait_until_idle(page)
    page.get_by_role("button", name=t("council.build")).click()
    wait_until_idle(page, timeout_ms=120_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "council-report-built.png"), full_page=True)

    made_on = re.escape(clock.today().isoformat())
    pdf = _download(page, t("council.download.pdf"), tmp_path)
    assert re.fullmatch(rf"osallisuusraportti_{quarter.key}_{made_on}\.pdf", pdf.name)
    text = " ".join(page_.extract_text() for page_ in PdfReader(pdf).pages)
    assert "322" in text  # the two actions' participants, in the summary sentence

    table = _download(page, t("council.download.csv"), tmp_path)
    assert re.fullmatch(rf"osallisuustoimet_{quarter.key}_{made_on}\.csv", table.name)
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig")), delimiter=";"))
    titles = [row[rows[0].index(t("council.col.title"))] for row in rows[1:]]
    assert "'" + HOSTILE in titles
    assert date.fromisoformat(rows[1][rows[0].index(t("council.col.start"))]) == quarter.start
