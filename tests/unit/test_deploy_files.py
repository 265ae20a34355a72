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
