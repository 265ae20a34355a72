"""The login cookie's token: honoured only when this server could have issued it, and never
with an expiry further out than the lifetime the server gives (a forged ten-year cookie)."""

from __future__ import annotations

import secrets
import time
from datetime import timedelta

import jwt

from data_model.session_token import SESSION_LIFETIME, issue_token, read_token

KEY = secrets.token_urlsafe(48)
NOW = 1_800_000_000.0


def _forged(expires_in: timedelta, key: str = KEY, **claims: object) -> str:
    return jwt.encode(
        {"username": "koordinaattori", "sv": 0, "exp_date": NOW + expires_in.total_seconds(), **claims},
        key,
        algorithm="HS256",
    )


def test_an_issued_token_is_read_back_until_it_expires() -> None:
    token = issue_token("koordinaattori", 3, KEY, now=NOW)
    claims = read_token(token, KEY, now=NOW + 60)
    assert claims is not None and (claims.username, claims.session_version) == ("koordinaattori", 3)
    assert read_token(token, KEY, now=NOW + SESSION_LIFETIME.total_seconds() + 1) is None


def test_a_ten_year_expiry_is_refused_even_when_properly_signed() -> None:
    assert read_token(_forged(timedelta(days=3650)), KEY, now=NOW) is None
    assert read_token(_forged(SESSION_LIFETIME + timedelta(hours=1)), KEY, now=NOW) is None


def test_wrong_key_missing_or_odd_claims_are_refused() -> None:
    assert read_token(_forged(timedelta(hours=1), key=secrets.token_urlsafe(48)), KEY, now=NOW) is None
    assert read_token(jwt.encode({"username": "x"}, KEY, algorithm="HS256"), KEY, now=NOW) is None
    assert read_token(_forged(timedelta(hours=1), username=7), KEY, now=NOW) is None
    assert read_token(_forged(timedelta(hours=1), sv="0"), KEY, now=NOW) is None
    assert (
        read_token(jwt.encode({"username": "x", "exp_date": NOW + 60}, KEY, algorithm="HS256"), KEY, now=NOW)
        is None
    )
    assert read_token("not a token", KEY, now=NOW) is None
    assert read_token(None, KEY) is None


def test_issued_tokens_use_the_real_clock_by_default() -> None:
    assert read_token(issue_token("koordinaattori", 3, KEY), KEY, now=time.time()) is not None
