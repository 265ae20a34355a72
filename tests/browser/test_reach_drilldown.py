"""In a real browser: log in, open Reach and gaps, select a heat-map table cell, and see the
actions behind it. (AppTest cannot click a data-frame cell; this is the check that it works.)"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEMO_PASSWORD = "Osallisuus-demo-2025"
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[str]:
    """The app in demo mode on a free port, with its own data folder."""
    port = _free_port()
    env = {**os.environ, "HEINOLA_DATA_DIR": str(tmp_path / "data"), "HEINOLA_DEMO": "1"}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
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
                with urllib.request.urlopen(f"{url}/_stcore/health") as answer:  # noqa: S310 (http, ours)
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_selecting_a_cell_lists_the_actions_behind_it(demo_server: str, tmp_path: Path) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        failure_shot = tmp_path / "login.png"

        def settle() -> None:
            page.wait_for_timeout(500)
            page.wait_for_selector(IDLE, timeout=120_000)

        page.goto(demo_server)
        username = page.get_by_role("textbox", name="Username").or_(
            page.get_by_role("textbox", name="Käyttäjätunnus")
        )
        password = page.get_by_role("textbox", name="Password").or_(
            page.get_by_role("textbox", name="Salasana")
        )
        login = page.get_by_role("button", name="Login").or_(page.get_by_role("button", name="Kirjaudu"))
        logout = page.get_by_role("button", name="Kirjaudu ulos").or_(
            page.get_by_role("button", name="Log out")
        )
        username.first.wait_for(timeout=120_000)  # the first run migrates and loads the demo
        for _ in range(3):  # typing during a rerun can be lost: try again
            settle()
            username.first.fill("valtuutettu")
            password.first.fill(DEMO_PASSWORD)
            login.first.click()
            try:
                logout.first.wait_for(timeout=40_000)
                break
            except PlaywrightTimeout:
                page.screenshot(path=str(failure_shot))
        settle()
        coverage = page.get_by_role("heading", name="Kattavuus")
        for _ in range(3):  # a click during a rerun can be lost: try again
            page.get_by_role("link", name="Tavoittavuus ja aukot").first.click(timeout=60_000)
            settle()
            try:
                coverage.wait_for(timeout=40_000)
                break
            except PlaywrightTimeout:
                continue
        coverage.scroll_into_view_if_needed()
        settle()
        # The department × form table: the data frame whose headers start "Toimiala",
        # "Tieto-osallisuus" (its accessible grid mirrors the canvas).
        table = None
        for _ in range(60):
            tables = page.locator("[data-testid=stDataFrame]").all()
            found = [
                frame
                for frame in tables
                if [header.inner_text() for header in frame.locator("[role=columnheader]").all()][:2]
                == ["Toimiala", "Tieto-osallisuus"]
            ]
            if found:
                table = found[0]
                break
            page.wait_for_timeout(1000)
        assert table is not None
        table.scroll_into_view_if_needed()
        box = table.bounding_box()
        assert box is not None
        first_department = table.locator("[role=gridcell]").first.inner_text()
        # The cells are drawn on a canvas: click where row 1 × "Tieto-osallisuus" is drawn.
        page.mouse.click(box["x"] + 300, box["y"] + 35 + 17)
        settle()
        page.get_by_text(f"Toimet: {first_department} × Tieto-osallisuus").wait_for(timeout=60_000)
        browser.close()
