"""In a real browser, every page speaks one language: Finnish mode shows no English UI text and
English mode no Finnish, counting Streamlit's own texts and the names screen readers hear,
beyond programme content marked as Finnish and proper names."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from data_model.permissions import CurrentUser
from pages.widgets.navigation import ACCOUNT_URL_PATHS, PAGE_FILES
from tests.browser.conftest import ARTIFACTS, LiveApp, login, wait_until_idle

# Everything a person reads or hears: the visible text, and the accessible names and hints.
TEXTS_JS = """() => {
  const out = [document.body.innerText];
  const attributes = ['aria-label', 'placeholder', 'title', 'alt', 'aria-description', 'aria-roledescription'];
  for (const element of document.querySelectorAll(attributes.map((a) => '[' + a + ']').join(','))) {
    for (const name of attributes) {
      const value = element.getAttribute(name);
      if (value) out.push(value);
    }
  }
  return out.join('\\n');
}"""

PAGES = ["home", *PAGE_FILES, *[path for path in ACCOUNT_URL_PATHS if path != "home"], "accessibility"]


def _texts(page: Page) -> list[str]:
    return [line.strip() for line in page.evaluate(TEXTS_JS).splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_explore(live_app: LiveApp, page: Page, make_user: Callable[..., CurrentUser], lang: str) -> None:
    make_user(f"kieli{lang}", "coordinator")
    login(page, live_app.url, f"kieli{lang}")
    found: dict[str, list[str]] = {}
    for key in PAGES:
        page.goto(f"{live_app.url}/{key}?lang={lang}")
        wait_until_idle(page)
        found[key] = _texts(page)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"texts-{lang}.json").write_text(json.dumps(found, ensure_ascii=False, indent=1))
