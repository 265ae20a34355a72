"""deploy/ stays consistent: nginx sends each browser to one process and upgrades the
WebSocket, its upstream lists the ports the units are enabled on, and only the release
step migrates."""

from __future__ import annotations

import re
from pathlib import Path

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
NGINX = (DEPLOY / "nginx" / "heinola.conf").read_text(encoding="utf-8")
README = (DEPLOY.parent / "README.md").read_text(encoding="utf-8")


def _upstream() -> str:
    match = re.search(r"upstream heinola \{(.*?)\}", NGINX, re.S)
    assert match
    return match.group(1)


def test_nginx_sessions_are_sticky() -> None:
    assert re.search(r"^\s*(ip_hash|hash \$\S+ consistent);", _upstream(), re.M)


def test_nginx_upgrades_the_websocket() -> None:
    assert "proxy_set_header Upgrade $http_upgrade;" in NGINX
    assert "proxy_set_header Connection $connection_upgrade;" in NGINX
    assert "proxy_http_version 1.1;" in NGINX


def test_upstream_ports_are_the_units_the_readme_enables() -> None:
    ports = re.findall(r"server 127\.0\.0\.1:(\d+);", _upstream())
    enabled = re.findall(r"heinola@(\d+)", README)
    assert len(ports) >= 2
    assert sorted(set(enabled)) == sorted(ports)


def test_only_the_release_step_migrates() -> None:
    release = (DEPLOY / "systemd" / "heinola-release.service").read_text(encoding="utf-8")
    process = (DEPLOY / "systemd" / "heinola@.service").read_text(encoding="utf-8")
    assert "-m data_model init" in release and "Type=oneshot" in release
    assert "data_model init" not in process.split("[Service]")[1]
    assert "--server.port %i" in process
    assert "heinola-release.service" in process


def _locations() -> list[tuple[str, str, str]]:
    """(kind, pattern, body) of each location of the HTTPS server: kind "~" or "prefix"."""
    found = re.findall(r"^\s*location (~ )?(\S+) \{(.*?)^\s*\}", NGINX, re.M | re.S)
    return [("~" if regex else "prefix", pattern, body) for regex, pattern, body in found]


def _served_by(path: str) -> str:
    """The body of the location nginx picks for `path` (regexes in order, else longest prefix)."""
    locations = _locations()
    for kind, pattern, body in locations:
        if kind == "~" and re.search(pattern, path):
            return body
    prefixes = [
        (pattern, body) for kind, pattern, body in locations if kind == "prefix" and path.startswith(pattern)
    ]
    return max(prefixes, key=lambda item: len(item[0]))[1]


def test_nginx_blocks_streamlit_endpoints_the_pages_do_not_use() -> None:
    for path in ("/_stcore/metrics", "/_stcore/script-health-check", "/_stcore/agent/interact", "/_stcore/x"):
        assert "return 404;" in _served_by(path), path
    for path in (
        "/_stcore/stream",
        "/_stcore/health",
        "/_stcore/host-config",
        "/_stcore/upload_file/session/file",
        "/_stcore/bidi-components/x/index.js",
        "/",
        "/overview",
        "/component/extra_streamlit_components.CookieManager.cookie_manager/index.html",
    ):
        assert "proxy_pass http://heinola;" in _served_by(path), path


def test_nginx_sends_the_security_headers_on_every_response() -> None:
    server = NGINX.split("listen 443", 1)[1]
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options nosniff",
        "Referrer-Policy",
        "Strict-Transport-Security",
    ):
        assert re.search(rf"^    add_header {header}.* always;$", server, re.M), header
    assert "frame-ancestors $heinola_frame_ancestors" in server
    # A location with an add_header of its own would drop every header above for it.
    assert not any("add_header" in body for _kind, _pattern, body in _locations())
    assert "proxy_set_header X-Real-IP $remote_addr;" in server


def test_only_the_apps_own_component_frames_may_be_framed_by_itself() -> None:
    ancestors = re.search(r"map \$uri \$heinola_frame_ancestors \{(.*?)\}", NGINX, re.S)
    options = re.search(r"map \$uri \$heinola_frame_options \{(.*?)\}", NGINX, re.S)
    assert ancestors and options
    assert re.search(r"^\s*default\s+\"'none'\";", ancestors.group(1), re.M)
    assert re.search(r"^\s*default\s+DENY;", options.group(1), re.M)
    assert "~^/component/" in ancestors.group(1) and "~^/component/" in options.group(1)
