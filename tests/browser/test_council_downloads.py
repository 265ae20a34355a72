"""In a real browser: a council member logs in, asks for the report, and downloads a PDF and a
CSV named with the period and the day, which open as what they claim to be."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from data_model.demo_accounts import DEMO_PASSWORD
from data_model.i18n import t

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def council_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app in demo mode (demo accounts and data) on a free port, in its own data folder."""
    port = _free_port()
    env = {
        **os.environ,
        "HEINOLA_DATA_DIR": str(tmp_path_factory.mktemp("council-browser")),
        "HEINOLA_DEMO": "1",
    }
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen(
        [
            sys.executable,
            *("-m", "streamlit", "run", "app.py", "--server.port", str(port)),
            *("--server.headless", "true", "--browser.gatherUsageStats", "false"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health") as answer:  # noqa: S310 (local)
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def _settled(page: Page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector(READY, timeout=180_000)


def test_council_member_downloads_the_report(council_app: str, tmp_path: Path) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(council_app)
        _settled(page)
        page.get_by_label(t("auth.username")).fill("valtuutettu")
        page.get_by_role("textbox", name=t("auth.password")).fill(DEMO_PASSWORD)
        page.get_by_role("button", name=t("auth.login")).click()
        _settled(page)
        page.goto(f"{council_app}/council")
        _settled(page)
        page.get_by_role("button", name=t("council.build")).click()
        _settled(page)

        with page.expect_download() as pdf_download:
            page.get_by_role("button", name=t("council.download.pdf")).click()
        pdf = pdf_download.value
        assert re.fullmatch(r"osallisuusraportti_\d{4}-Q[1-4]_\d{4}-\d{2}-\d{2}\.pdf", pdf.suggested_filename)
        pdf_path = tmp_path / pdf.suggested_filename
        pdf.save_as(pdf_path)
        assert pdf_path.read_bytes().startswith(b"%PDF")

        with page.expect_download() as csv_download:
            page.get_by_role("button", name=t("council.download.csv")).click()
        csv_file = csv_download.value
        assert re.fullmatch(
            r"osallisuustoimet_\d{4}-Q[1-4]_\d{4}-\d{2}-\d{2}\.csv", csv_file.suggested_filename
        )
        csv_path = tmp_path / csv_file.suggested_filename
        csv_file.save_as(csv_path)
        assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf" + t("council.col.id").encode())
        browser.close()
