"""The login cookie's contents: a signed token (HS256 JWT) naming the user, the session
version it was issued for, and when it expires.

The server decides what it honours: a token is refused when its signature, its claims or
its expiry are wrong, and also when its expiry lies further out than the lifetime the
server issues (a token forged or kept with a ten-year expiry is refused, whatever key
signed it). Whether the session version is still current is asked of the database
(`data_model.auth.login_accounts`), so logging out or changing a password ends the token.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta

import jwt

# A login lasts one working day at most: the cookie is readable by the page's JavaScript
# (see docs/security.md), so a stolen one should be worth little and not for long.
SESSION_LIFETIME = timedelta(hours=12)
# Clocks of the server processes may differ a little.
CLOCK_SKEW = timedelta(minutes=5)
ALGORITHM = "HS256"


@dataclass(frozen=True)
class SessionClaims:
    """Who a valid token names and for which session version."""

    username: str
    session_version: int
    expires_at: float


def issue_token(username: str, session_version: int, key: str, now: float | None = None) -> str:
    """A token for `username` at `session_version`, valid for SESSION_LIFETIME from `now`."""
    issued = time.time() if now is None else now
    claims = {
        "username": username,
        "sv": session_version,
        # The name streamlit-authenticator uses for the expiry, kept for familiarity.
        "exp_date": issued + SESSION_LIFETIME.total_seconds(),
    }
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def read_token(token: str | None, key: str, now: float | None = None) -> SessionClaims | None:
    """The claims of a token this server would have issued and that has not expired; None
    for anything else (missing, unsigned, wrongly signed, expired, expiring too late)."""
    if not token:
        return None
    try:
        claims = jwt.decode(token, key, algorithms=[ALGORITHM])
    except jwt.PyJWTError:
        return None
    username, version, expires = claims.get("username"), claims.get("sv"), claims.get("exp_date")
    if not isinstance(username, str) or not username:
        return None
    if not isinstance(version, int) or isinstance(version, bool):
        return None
    if not isinstance(expires, int | float) or isinstance(expires, bool):
        return None
    moment = time.time() if now is None else now
    latest = moment + (SESSION_LIFETIME + CLOCK_SKEW).total_seconds()
    if not moment < expires <= latest:
        return None
    return SessionClaims(username, version, float(expires))
