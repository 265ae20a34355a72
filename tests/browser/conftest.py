"""Browser tests: Debian's Chromium, driven by Playwright, against the real server (`python serve.py`,
which is `streamlit run app.py` as the README and deploy/ start it).

Every test in tests/browser/ is marked `browser` automatically (run them alone with
`pytest -m browser`, leave them out with `-m "not browser"`). Without /usr/bin/chromium they
are skipped, or fail when the environment variable CI is set (CI must run them; `.ci/run`
installs the package).

The server runs in PRODUCTION mode (HEINOLA_DEMO=0) on a free port, with its own migrated
SQLite database in a temporary folder (DATABASE_URL), a test cookie key
(HEINOLA_COOKIE_KEY) and HEINOLA_DATA_DIR in the same folder; there are no demo accounts
and no demo data, so a test makes exactly the users and data it needs.

Fixtures and helpers for other browser tests:

- `live_app` -> `LiveApp` (one server for the whole test session): `.url` is the base URL
  ("http://127.0.0.1:PORT"), `.engine` an SQLAlchemy engine on the server's database, for
  writing test data with the data_model services (the app sees a write on its next run).
- `make_user(username, role, department_code=None)` -> CurrentUser: a user in `live_app`'s
  database with the password `TEST_PASSWORD` (from tests.factories). Usernames must be unique
  within the test session, because the server is shared.
- `page`: a Playwright page in a fresh browser context (no cookies) for each test.
- `login(page, base_url, username, password=TEST_PASSWORD)`: open the app and log in with
  the login form; returns when the logged-in app has finished running.
- `wait_until_idle(page)`: wait until Streamlit has finished the current run (call after
  every click or `goto`).
- `fresh_app` (function scope): a server started just for the test, for tests that need a
  server no one has visited yet. Slower: use `live_app` unless freshness matters.
- Screenshots: save them under `ARTIFACTS` (test-artifacts/, git-ignored).
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright
from sqlalchemy import Engine

from data_model.bootstrap import prepare_database
from data_model.db import make_engine
from data_model.permissions import CurrentUser
from tests.factories import TEST_PASSWORD, create_user

# A shared 2-core machine can take longer than Playwright's 5 s default to rerun a page;
# a slow run should wait, not fail. Timing itself is never what these tests assert.
expect.set_options(timeout=20_000)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Made per run: a key written in the repository would be a published key, refused by the app.
BROWSER_COOKIE_KEY = secrets.token_urlsafe(48)
STARTUP_TIMEOUT_S = 90
COOKIE_FRAME_TITLE = "extra_streamlit_components.CookieManager.cookie_manager"
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@dataclass(frozen=True)
class LiveApp:
    url: str
    engine: Engine


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:  # noqa: S310 (local URL)
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _start_server(folder: Path) -> Iterator[LiveApp]:
    """Migrate a database in `folder`, start the app on it, yield it, stop it."""
    _require_chromium()
    database_url = f"sqlite:///{folder / 'browser.db'}"
    engine = make_engine(database_url)
    prepare_database(engine, with_demo=False)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = os.environ | {
        "DATABASE_URL": database_url,
        "HEINOLA_COOKIE_KEY": BROWSER_COOKIE_KEY,
        "HEINOLA_DEMO": "0",
        "HEINOLA_DATA_DIR": str(folder / "data"),
    }
    log = (folder / "streamlit.log").open("w")
    command = [
        sys.executable,
        "serve.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not _healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start: {(folder / 'streamlit.log').read_text()[-2000:]}")
            time.sleep(0.3)
        yield LiveApp(url, engine)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        engine.dispose()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[LiveApp]:
    """One app server for the whole test session (see the module docstring)."""
    yield from _start_server(tmp_path_factory.mktemp("live_app"))


@pytest.fixture
def fresh_app(tmp_path: Path) -> Iterator[LiveApp]:
    """A server that nobody has opened yet, for this test only."""
    yield from _start_server(tmp_path)


@pytest.fixture
def make_user(live_app: LiveApp) -> Callable[..., CurrentUser]:
    """`make_user("kirsi", "coordinator")`: a user of `live_app` with TEST_PASSWORD."""

    def maker(username: str, role: str, department_code: str | None = None) -> CurrentUser:
        return create_user(live_app.engine, username, role, department_code)

    return maker


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    _require_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a new browser context: no cookies from other tests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    opened = context.new_page()
    yield opened
    context.close()


def wait_until_idle(page: Page, timeout_ms: int = 30_000, settle_ms: int = 500) -> None:
    """Wait until Streamlit has finished running the script for the last action and has
    stayed idle for `settle_ms` (a run can trigger another, e.g. when a component reports)."""
    deadline = time.monotonic() + timeout_ms / 1000
    idle_since: float | None = None
    while time.monotonic() < deadline:
        if page.locator(IDLE).count() > 0:
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since >= settle_ms / 1000:
                return
        else:
            idle_since = None
        page.wait_for_timeout(100)
    raise AssertionError(f"Streamlit did not become idle within {timeout_ms} ms")


def tab_to(page: Page, target: Locator, most: int = 60) -> None:
    """Press Tab until `target` has the focus (at most `most` times), as a keyboard user would."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return


def login(page: Page, base_url: str, username: str, password: str = TEST_PASSWORD) -> None:
    """Open the app and log in through the login form."""
    page.goto(base_url)
    # The authenticator's cookie component reports once after loading and so reruns the app;
    # a click during that rerun can be lost, so wait for it first.
    page.locator(f"iframe[title='{COOKIE_FRAME_TITLE}']").first.wait_for(state="attached")
    wait_until_idle(page)
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_role("textbox", name="Salasana").fill(password)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    wait_until_idle(page)
    page.get_by_role("button", name="Kirjaudu ulos").wait_for(timeout=30_000)
    wait_until_idle(page)
