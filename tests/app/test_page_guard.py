"""The one page guard: every page but the public ones starts with `page_user(its key)`, and a
page run as a role that does not get it (reached without app.py's navigation, as a fresh
server's legacy page mode would) shows the refusal and no data; run logged out it draws
nothing at all."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.i18n import t
from data_model.models import ROLES
from data_model.permissions import PAGES, CurrentUser
from pages.widgets.auth import CURRENT_USER_KEY
from pages.widgets.navigation import ACCOUNT_URL_PATHS, PAGE_FILES

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_PAGES = {"pages/public/login.py", "pages/public/accessibility.py", "pages/public/public_view.py"}
ACCOUNT_PAGES = {"pages/public/home.py": "home", "pages/account/change_password.py": "change_password"}
PAGE_KEYS = {entry.path: key for key, entry in PAGE_FILES.items()} | ACCOUNT_PAGES
# What a page shows once it reads data: none of it may appear on a refused page.
DATA_ELEMENTS = ("dataframe", "table", "metric", "json", "code")


def _guard_key(path: Path) -> str | None:
    """The key passed to the first `page_user(...)`, if it comes before anything is drawn or read."""
    for statement in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(statement, ast.FunctionDef | ast.ClassDef | ast.Import | ast.ImportFrom):
            continue
        for node in ast.walk(statement):
            if not isinstance(node, ast.Call):
                continue
            function = node.func
            if isinstance(function, ast.Name) and function.id == "page_user":
                argument = node.args[0]
                return argument.value if isinstance(argument, ast.Constant) else None
            is_streamlit = isinstance(function, ast.Attribute) and ast.unparse(function).startswith("st.")
            is_data = isinstance(function, ast.Name) and function.id in ("read", "read_uncached", "write")
            if is_streamlit or is_data:
                return None
    return None


def test_every_page_file_starts_with_the_guard_of_its_own_key() -> None:
    files = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "pages").rglob("*.py")
        if "widgets" not in path.parts and path.name != "__init__.py"
    }
    assert files - PUBLIC_PAGES == set(PAGE_KEYS)
    assert {path: _guard_key(ROOT / path) for path in PAGE_KEYS} == PAGE_KEYS
    assert set(ACCOUNT_PAGES.values()) == set(ACCOUNT_URL_PATHS)


def _refused_cases() -> list[tuple[str, str]]:
    return [
        (entry.path, role) for key, entry in PAGE_FILES.items() for role in ROLES if role not in PAGES[key]
    ]


def _run_page(path: str, user: CurrentUser | None) -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=60)
    if user is not None:
        at.session_state["authentication_status"] = True
        at.session_state["username"] = user.username
        at.session_state[CURRENT_USER_KEY] = user
    return at.run()


@pytest.mark.parametrize(("path", "role"), _refused_cases())
def test_a_page_run_as_a_role_without_it_shows_the_refusal_and_no_data(
    app_engine: Engine, path: str, role: str
) -> None:
    at = _run_page(path, CurrentUser(1, "kayttaja", role, 1, "Käyttäjä"))
    assert not at.exception
    assert [error.value for error in at.error] == [t("app.page_not_allowed", "fi")]
    for kind in DATA_ELEMENTS:
        assert not getattr(at, kind), kind
    assert not at.title


@pytest.mark.parametrize("path", sorted(PAGE_KEYS))
def test_a_page_run_logged_out_draws_nothing(app_engine: Engine, path: str) -> None:
    at = _run_page(path, None)
    assert not at.exception
    assert not at.main.children


def test_a_page_run_as_its_role_is_not_refused(app_engine: Engine) -> None:
    at = _run_page("pages/manage/audit.py", CurrentUser(1, "kayttaja", "coordinator", None, "Käyttäjä"))
    assert not at.exception
    assert not at.error
    assert at.title
