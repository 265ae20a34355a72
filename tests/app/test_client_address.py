"""The source the login lock-out counts per: the address nginx saw (X-Real-IP, or the last
X-Forwarded-For entry, which the proxy added) for a local connection; the connection's own
address otherwise, because a client that connects directly can write any header."""

from __future__ import annotations

import pytest
from streamlit.runtime.context import ContextProxy

from pages.widgets.auth import client_address


def _request(monkeypatch: pytest.MonkeyPatch, ip: str | None, headers: dict[str, str]) -> str:
    monkeypatch.setattr(ContextProxy, "ip_address", property(lambda _self: ip))
    monkeypatch.setattr(ContextProxy, "headers", property(lambda _self: headers))
    return client_address()


def test_behind_the_proxy_the_address_it_saw_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _request(monkeypatch, None, {"X-Real-IP": "198.51.100.7"}) == "198.51.100.7"
    # A client-written first entry is ignored: the proxy appends the address it saw.
    assert _request(monkeypatch, None, {"X-Forwarded-For": "1.2.3.4, 198.51.100.7"}) == "198.51.100.7"
    assert _request(monkeypatch, None, {}) == "local"


def test_a_direct_connection_cannot_choose_its_source(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _request(monkeypatch, "203.0.113.9", {"X-Real-IP": "10.0.0.1"}) == "203.0.113.9"
