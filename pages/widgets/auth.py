"""The login session: the authenticator (cookie), the per-run check against the database,
the login form's submit handler and the sidebar's logout.

streamlit-authenticator signs and reads the login cookie and clears the session on logout.
The password check itself is `data_model.auth.attempt_login`, because the lock-out needs
the username of every failed attempt, which the library's own login form does not expose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import streamlit as st
import streamlit_authenticator as stauth
from streamlit_authenticator.utilities import LoginError

from data_model.auth import active_user, attempt_login, credentials, must_change_password
from data_model.config import load_settings
from data_model.permissions import CurrentUser

from .data import read_uncached, write
from .texts import tr

LOCAL_TIME = ZoneInfo("Europe/Helsinki")
COOKIE_NAME = "heinola_kirjautuminen"
COOKIE_EXPIRY_DAYS = 7.0
# Keys of the login form's widgets; the submit handler reads them.
USERNAME_KEY = "login_username"
PASSWORD_KEY = "login_password"  # noqa: S105 (a widget key, not a password)
# (kind, locked-until) for the login page to show after a refused login or a forced logout.
FEEDBACK_KEY = "login_feedback"
# Set by a successful login; the next run writes the cookie (a component must be drawn for it).
PENDING_COOKIE_KEY = "login_cookie_pending"
LOGOUT_REQUESTED_KEY = "logout_requested"
# The user checked on this run; pages read it through `current_user()`.
CURRENT_USER_KEY = "current_user"
MUST_CHANGE_KEY = "must_change_password"


@dataclass(frozen=True)
class SignedIn:
    """The logged-in user, as checked against the database on this run."""

    user: CurrentUser
    must_change_password: bool


def allow_demo_accounts() -> bool:
    """Demo accounts may log in only in demo mode."""
    return load_settings().demo_mode


def make_authenticator(cookie_key: str) -> stauth.Authenticate:
    """A new authenticator for this run, with credentials read from the database now.

    Never cache it: it holds per-session state and would leak logins between sessions.
    """
    return stauth.Authenticate(
        read_uncached(credentials, allow_demo_accounts()),
        cookie_name=COOKIE_NAME,
        cookie_key=cookie_key,
        cookie_expiry_days=COOKIE_EXPIRY_DAYS,
        auto_hash=False,
        # The library sleeps before every logged-out run to slow guessing; the database
        # lock-out does that job, so the sleep would only slow the login page down.
        login_sleep_time=0,
    )


def signed_in_user(authenticator: stauth.Authenticate) -> SignedIn | None:
    """The logged-in user, or None. Restores a login from the cookie, and logs out at once a
    user who no longer exists, was deactivated, or is a demo account outside demo mode."""
    if st.session_state.pop(PENDING_COOKIE_KEY, False):
        authenticator.cookie_controller.set_cookie()
    st.session_state.pop(CURRENT_USER_KEY, None)
    if st.session_state.pop(LOGOUT_REQUESTED_KEY, False) and st.session_state.get("authentication_status"):
        # Clears the session and draws the component that deletes the cookie, in this run,
        # so a new tab opened after logging out finds no cookie.
        authenticator.logout(location="unrendered")
        return None
    if not st.session_state.get("authentication_status"):
        try:
            authenticator.login(location="unrendered")
        except LoginError:
            # A validly signed cookie for someone who may no longer log in.
            authenticator.logout(location="unrendered")
            return None
    username = st.session_state.get("username")
    if not st.session_state.get("authentication_status") or not username:
        return None
    user = read_uncached(active_user, username, allow_demo_accounts())
    if user is None:
        authenticator.logout(location="unrendered")
        st.session_state[FEEDBACK_KEY] = ("deactivated", None)
        return None
    signed_in = SignedIn(user, read_uncached(must_change_password, username))
    st.session_state[CURRENT_USER_KEY] = user
    st.session_state[MUST_CHANGE_KEY] = signed_in.must_change_password
    return signed_in


def current_user() -> CurrentUser:
    """The acting user for services, as app.py checked them against the database on this run.

    Pages run only from app.py's navigation, which exists only after login; stop if not.
    """
    user = st.session_state.get(CURRENT_USER_KEY)
    if not isinstance(user, CurrentUser) or not st.session_state.get("authentication_status"):
        st.stop()
    return user


def must_change_password_now() -> bool:
    """True while the logged-in user still has a one-time password."""
    return bool(st.session_state.get(MUST_CHANGE_KEY))


def submit_login() -> None:
    """The login form's submit handler: runs before the script, so this very run already
    builds the navigation of the logged-in user."""
    username = str(st.session_state.get(USERNAME_KEY) or "")
    password = str(st.session_state.get(PASSWORD_KEY) or "")
    # The password does not stay in the session.
    st.session_state[PASSWORD_KEY] = ""
    if not username or not password:
        st.session_state[FEEDBACK_KEY] = ("missing", None)
        return
    with write() as session:
        result = attempt_login(session, username, password, allow_demo=allow_demo_accounts())
    if result.status != "ok" or result.user is None:
        st.session_state[FEEDBACK_KEY] = (result.status, result.locked_until)
        return
    # The same state the authenticator leaves after its own login.
    st.session_state.update(
        {
            "authentication_status": True,
            "username": result.user.username,
            "name": result.user.display_name,
            "roles": [result.user.role],
            "logout": None,
            PENDING_COOKIE_KEY: True,
            USERNAME_KEY: "",
        }
    )
    st.session_state.pop(FEEDBACK_KEY, None)


def login_feedback() -> tuple[str, datetime | None] | None:
    """Why the last login did not succeed, for the login page to say; a lock's end time is
    given in Finnish local time (the database keeps UTC)."""
    # Said once: after that the page starts clean.
    value: Any = st.session_state.pop(FEEDBACK_KEY, None)
    if not isinstance(value, tuple):
        return None
    kind, until = value
    if isinstance(until, datetime):
        until = until.replace(tzinfo=UTC).astimezone(LOCAL_TIME).replace(tzinfo=None)
    return kind, until


def _request_logout() -> None:
    st.session_state[LOGOUT_REQUESTED_KEY] = True


def account_sidebar(signed_in: SignedIn) -> None:
    """Who is logged in, in which role, and the logout button (the next run logs out)."""
    user = signed_in.user
    st.sidebar.caption(
        tr("auth.signed_in_as", name=user.display_name or user.username, role=tr(f"auth.role.{user.role}"))
    )
    st.sidebar.button(
        tr("auth.logout"), key="logout_button", on_click=_request_logout, icon=":material/logout:"
    )
