"""Login and navigation through AppTest: before login only the login page, the public view
and the accessibility statement exist; each role gets exactly its pages; a deactivated user's
session ends on the next run; the login form works and refuses a bad password."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update
from streamlit.testing.v1 import AppTest

from data_model.db import session_factory, transaction
from data_model.models import AuditEntry, User
from data_model.permissions import PAGES, pages_for
from pages.widgets.navigation import PAGE_FILES
from tests.factories import TEST_PASSWORD

# Pages every logged-in user has besides those of their role.
ACCOUNT_PAGES = {"home", "public", "change_password", "accessibility"}
ROLE_OF = {
    "koordinaattori": "coordinator",
    "toimialajohtaja": "department_head",
    "toimialajohtaja2": "department_head",
    "valtuutettu": "council",
}


ROOT = Path(__file__).resolve().parents[2]
# The page files outside the role table (the default page's URL path is empty, so pages are
# told apart by file).
EXTRA_FILES = {
    "home": "pages/public/home.py",
    "change_password": "pages/account/change_password.py",
    "accessibility": "pages/public/accessibility.py",
    "login": "pages/public/login.py",
    "public": "pages/public/public_view.py",
}


def navigation(at: AppTest) -> set[str]:
    """The keys of the pages st.navigation registered on the last run."""
    by_file = {entry.path: key for key, entry in PAGE_FILES.items()} | {v: k for k, v in EXTRA_FILES.items()}
    return {
        by_file[Path(str(info["script_path"])).resolve().relative_to(ROOT).as_posix()]
        for info in at._registered_pages.values()
        if info.get("script_path")
    }


def log_in_with_form(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    at.button[0].click().run()
    return at


def test_logged_out_only_login_and_accessibility(open_app: Callable[..., AppTest]) -> None:
    at = open_app()
    assert not at.exception
    assert navigation(at) == {"login", "public", "accessibility"}
    assert [field.label for field in at.text_input] == ["Käyttäjätunnus", "Salasana"]
    with pytest.raises(ValueError):
        at.switch_page("pages/reports/overview.py")


@pytest.mark.parametrize("username", sorted(ROLE_OF))
def test_each_role_gets_exactly_its_pages(open_app: Callable[..., AppTest], username: str) -> None:
    at = open_app(username)
    assert not at.exception
    assert navigation(at) == set(pages_for(ROLE_OF[username])) | ACCOUNT_PAGES
    assert f"({_role_text(ROLE_OF[username])})" in " ".join(caption.value for caption in at.sidebar.caption)


def _role_text(role: str) -> str:
    from data_model.i18n import t

    return t(f"auth.role.{role}")


def test_council_never_gets_a_writing_page(open_app: Callable[..., AppTest]) -> None:
    at = open_app("valtuutettu")
    pages = navigation(at)
    assert not pages & {"log_action", "actions", "import_actions", "reports", "users", "audit"}
    for key in ("log_action", "actions", "users"):
        with pytest.raises(ValueError):
            at.switch_page(PAGE_FILES[key].path)


def test_every_page_of_the_role_opens(open_app: Callable[..., AppTest]) -> None:
    at = open_app("koordinaattori")
    for key in PAGES:
        at.switch_page(PAGE_FILES[key].path).run()
        assert not at.exception, key


def test_deactivated_user_is_logged_out_on_next_run(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("toimialajohtaja")
    assert "log_action" in navigation(at)
    with transaction(app_engine) as session:
        session.execute(update(User).where(User.username == "toimialajohtaja").values(active=False))
    at.run()
    assert navigation(at) == {"login", "public", "accessibility"}
    assert at.session_state["authentication_status"] is None
    assert any("ei ole enää käytössä" in error.value for error in at.error)


def test_session_of_unknown_user_is_not_logged_in(open_app: Callable[..., AppTest]) -> None:
    at = open_app("eiole")
    assert navigation(at) == {"login", "public", "accessibility"}


def test_login_form_logs_in_with_the_right_password(open_app: Callable[..., AppTest]) -> None:
    at = log_in_with_form(open_app(), "Koordinaattori ", TEST_PASSWORD)
    assert not at.exception
    assert at.session_state["authentication_status"] is True
    assert at.session_state["username"] == "koordinaattori"
    assert navigation(at) == set(pages_for("coordinator")) | ACCOUNT_PAGES
    # The password does not stay in the session.
    assert at.session_state["login_password"] == ""


def test_login_form_refuses_a_bad_password(open_app: Callable[..., AppTest], app_engine: Engine) -> None:
    at = log_in_with_form(open_app(), "koordinaattori", "väärä-salasana-123")
    assert not at.exception
    assert navigation(at) == {"login", "public", "accessibility"}
    assert any("väärä" in error.value for error in at.error)
    with session_factory(app_engine)() as session:
        events = session.scalars(
            select(AuditEntry.event).where(AuditEntry.username == "koordinaattori")
        ).all()
    assert events == ["login_failed"]


def test_five_failures_lock_the_form(open_app: Callable[..., AppTest]) -> None:
    at = open_app()
    for _ in range(5):
        log_in_with_form(at, "valtuutettu", "väärä-salasana-123")
    log_in_with_form(at, "valtuutettu", TEST_PASSWORD)
    assert navigation(at) == {"login", "public", "accessibility"}
    assert any("lukittu" in error.value for error in at.error)


def test_logout_button_ends_the_session(open_app: Callable[..., AppTest]) -> None:
    at = open_app("koordinaattori")
    at.sidebar.button(key="logout_button").click().run()
    assert not at.exception
    assert navigation(at) == {"login", "public", "accessibility"}
    assert not at.session_state["authentication_status"]


def test_one_time_password_opens_only_the_change_page(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    with transaction(app_engine) as session:
        session.execute(update(User).where(User.username == "valtuutettu").values(must_change_password=True))
    at = open_app("valtuutettu")
    assert navigation(at) == {"change_password", "accessibility"}
    fields = at.text_input
    fields[0].input(TEST_PASSWORD)
    fields[1].input("Uusi-salasana-2026")
    fields[2].input("Uusi-salasana-2026")
    at.button[0].click().run()
    assert not at.exception
    assert navigation(at) == set(pages_for("council")) | ACCOUNT_PAGES
    assert any("vaihdettu" in message.value for message in at.success)


def test_accessibility_statement_opens_before_login(open_app: Callable[..., AppTest]) -> None:
    at = open_app()
    at.switch_page("pages/public/accessibility.py").run()
    assert not at.exception
    text = " ".join(block.value for block in at.markdown)
    assert "WCAG 2.1" in text and "306/2019" in text and "Traficom" in text


def _url_paths(at: AppTest) -> set[str]:
    return {str(info.get("url_pathname") or "") for info in at._registered_pages.values()}


def test_every_known_address_lands_on_a_real_page_after_login(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    # /home right after a one-time-password login, /login after logging in, another role's page.
    council = open_app("valtuutettu")
    assert not council.exception
    assert {"login", "users"} <= _url_paths(council)
    with transaction(app_engine) as session:
        session.execute(
            update(User).where(User.username == "toimialajohtaja").values(must_change_password=True)
        )
    newcomer = open_app("toimialajohtaja")
    assert not newcomer.exception
    assert {"home", "overview", "login"} <= _url_paths(newcomer)
    assert navigation(newcomer) == {"change_password", "accessibility"}
