"""The login session: the login cookie, the per-run check against the database, the login
form's submit handler and the sidebar's logout.

streamlit-authenticator provides the cookie component (the browser side). What the cookie
holds, and whether it is honoured, is decided here and in `data_model.session_token`, not
by the library: its own reader accepts any expiry a signed token names. The password check itself is `data_model.auth.attempt_login`, because the
lock-out needs the username of every failed attempt, which the library's own login form
does not expose.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import streamlit as st
import streamlit_authenticator as stauth

from data_model import clock
from data_model.auth import LoginAccounts, attempt_login, log_out, login_accounts
from data_model.config import load_settings
from data_model.permissions import CurrentUser
from data_model.session_token import SESSION_LIFETIME, issue_token, read_token

from .data import read_uncached, write
from .texts import tr

COOKIE_NAME = "heinola_kirjautuminen"
COOKIE_EXPIRY_DAYS = SESSION_LIFETIME.total_seconds() / 86400
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
# The user's session version this session was opened with (at login or from the cookie).
SESSION_VERSION_KEY = "session_version"
# The cookie value this session has refused or cleared: the browser keeps sending the value
# it had when the page opened (st.context.cookies does not change within a session).
SPENT_COOKIE_KEY = "login_cookie_spent"


@dataclass(frozen=True)
class SignedIn:
    """The logged-in user, as checked against the database on this run."""

    user: CurrentUser
    must_change_password: bool


def allow_demo_accounts() -> bool:
    """Demo accounts may log in only in demo mode."""
    return load_settings().demo_mode


def make_authenticator(cookie_key: str, accounts: LoginAccounts) -> stauth.Authenticate:
    """A new authenticator for this run, with the credentials of this run's `accounts`.

    Never cache it: it holds per-session state and would leak logins between sessions.
    """
    return stauth.Authenticate(
        accounts.credentials(),
        cookie_name=COOKIE_NAME,
        cookie_key=cookie_key,
        cookie_expiry_days=COOKIE_EXPIRY_DAYS,
        auto_hash=False,
        # The library sleeps before every logged-out run to slow guessing; the database
        # lock-out does that job, so the sleep would only slow the login page down.
        login_sleep_time=0,
    )


def _browser_cookie() -> str | None:
    value = st.context.cookies.get(COOKIE_NAME)
    return value if value and value != st.session_state.get(SPENT_COOKIE_KEY) else None


def _on_https() -> bool:
    forwarded = str(st.context.headers.get("X-Forwarded-Proto") or "")
    return forwarded.lower() == "https" or str(st.context.url or "").startswith("https://")


def client_address() -> str:
    """The address a request came from, for the login lock-out. The app listens on
    127.0.0.1 behind nginx (deploy/), which sets X-Real-IP to the address it saw; Streamlit
    reports no address for such a local connection. Headers from a client that connects
    directly could be forged, so they are believed only for a local connection."""
    direct = st.context.ip_address
    if isinstance(direct, str) and direct:
        return direct
    headers = st.context.headers
    real = headers.get("X-Real-IP")
    if isinstance(real, str) and real.strip():
        return real.strip()
    # The last entry is the one the nearest proxy added; earlier ones came from the client.
    forwarded = headers.get("X-Forwarded-For")
    last = forwarded.split(",")[-1].strip() if isinstance(forwarded, str) else ""
    return last or "local"


def _write_cookie(authenticator: stauth.Authenticate, cookie_key: str, username: str, version: int) -> None:
    # The library's component does the browser side; the token is ours (see the module doc).
    manager = authenticator.cookie_controller.cookie_model.cookie_manager
    manager.set(
        COOKIE_NAME,
        issue_token(username, version, cookie_key),
        # Both, in UTC: max-age wins where the browser knows it, expires elsewhere.
        expires_at=datetime.fromtimestamp(time.time(), UTC) + SESSION_LIFETIME,
        max_age=SESSION_LIFETIME.total_seconds(),
        secure=_on_https() or None,
    )


def _clear_cookie(authenticator: stauth.Authenticate) -> None:
    """Delete the login cookie in the browser. Not the library's logout: it raises when no
    session is logged in, which is the case for a refused cookie."""
    st.session_state[SPENT_COOKIE_KEY] = st.context.cookies.get(COOKIE_NAME)
    authenticator.cookie_controller.delete_cookie()


def _end_session(authenticator: stauth.Authenticate, clear_cookie: bool = True) -> None:
    if clear_cookie:
        _clear_cookie(authenticator)
    st.session_state[SPENT_COOKIE_KEY] = st.context.cookies.get(COOKIE_NAME)
    for key in ("authentication_status", "username", "name", "roles", SESSION_VERSION_KEY):
        st.session_state[key] = None


def _restore_from_cookie(cookie_key: str) -> None:
    """Log in from the browser's cookie if it holds a token this server honours."""
    claims = read_token(_browser_cookie(), cookie_key)
    if claims is not None:
        st.session_state.update(
            {
                "authentication_status": True,
                "username": claims.username,
                SESSION_VERSION_KEY: claims.session_version,
            }
        )


def signed_in_user(cookie_key: str) -> SignedIn | None:
    """The logged-in user, or None. Restores a login from the cookie, and logs out at once a
    user who no longer exists, was deactivated, or is a demo account outside demo mode, and
    a session whose version has been revoked (logout in another tab, a password change);
    a cookie that is not honoured is cleared, and the login form shows.

    The accounts are read from the database once, now, uncached: the authenticator's
    credentials and this run's session check both come from that read."""
    accounts = read_uncached(login_accounts, allow_demo_accounts())
    authenticator = make_authenticator(cookie_key, accounts)
    username = st.session_state.get("username")
    version = st.session_state.get(SESSION_VERSION_KEY)
    if st.session_state.pop(PENDING_COOKIE_KEY, False) and username and isinstance(version, int):
        _write_cookie(authenticator, cookie_key, username, version)
    st.session_state.pop(CURRENT_USER_KEY, None)
    if st.session_state.pop(LOGOUT_REQUESTED_KEY, False) and st.session_state.get("authentication_status"):
        # Ends this user's sessions everywhere, clears this one and draws the component that
        # deletes the cookie, in this run, so a new tab opened after logging out finds none.
        if username:
            with write() as session:
                log_out(session, username, version)
        _end_session(authenticator)
        return None
    from_cookie = not st.session_state.get("authentication_status")
    if from_cookie:
        _restore_from_cookie(cookie_key)
        if not st.session_state.get("authentication_status"):
            if _browser_cookie() is not None:
                # Forged, expired or signed with an old key: not honoured, so not kept.
                _clear_cookie(authenticator)
            return None
    username = st.session_state.get("username")
    # Nothing above wrote to the accounts (a logout returned): `accounts` is still this run's.
    check = accounts.session_check(username, st.session_state.get(SESSION_VERSION_KEY))
    user = check.user
    if user is None:
        # A session ended elsewhere keeps the browser's cookie: that other tab may just have
        # written a new one (its own password change); the server refuses a stale one anyway.
        _end_session(authenticator, clear_cookie=from_cookie or check.refusal == "inactive")
        st.session_state[FEEDBACK_KEY] = ("deactivated" if check.refusal == "inactive" else "ended", None)
        return None
    signed_in = SignedIn(user, check.must_change_password)
    st.session_state[CURRENT_USER_KEY] = user
    st.session_state[MUST_CHANGE_KEY] = signed_in.must_change_password
    st.session_state["name"], st.session_state["roles"] = user.display_name, [user.role]
    return signed_in


def continue_session(session_version: int) -> None:
    """Keep this session (and its cookie) after a change that ended the user's others, such
    as their own password change."""
    st.session_state[SESSION_VERSION_KEY] = session_version
    st.session_state[PENDING_COOKIE_KEY] = True


def current_user() -> CurrentUser:
    """The acting user for services, as app.py checked them against the database on this run.

    Pages run only from app.py's navigation, which exists only after login; stop if not.
    """
    user = st.session_state.get(CURRENT_USER_KEY)
    if not isinstance(user, CurrentUser) or not st.session_state.get("authentication_status"):
        st.stop()
    return user


def signed_in_or_none() -> CurrentUser | None:
    """The user app.py checked on this run, or None when logged out: for the pages that open
    without login (the public view) and only change what they offer to a signed-in user."""
    user = st.session_state.get(CURRENT_USER_KEY)
    if isinstance(user, CurrentUser) and st.session_state.get("authentication_status"):
        return user
    return None


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
        result = attempt_login(
            session, username, password, allow_demo=allow_demo_accounts(), source=client_address()
        )
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
            SESSION_VERSION_KEY: result.session_version,
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
        until = clock.to_local(until)
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


_PASSWORD_CHANGED_KEY = "password_changed"  # noqa: S105 (a session-state key, not a secret)


def announce_password_changed() -> None:
    """Say "password changed" on the next run, on whichever page it opens: after a one-time
    password that is the home page at "/", not the password page."""
    st.session_state[_PASSWORD_CHANGED_KEY] = True


def password_changed_notice() -> None:
    """The notice announce_password_changed asked for, once."""
    if st.session_state.pop(_PASSWORD_CHANGED_KEY, False):
        st.success(tr("auth.change.done"), icon=":material/check_circle:")
