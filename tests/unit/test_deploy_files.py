"""deploy/ stays consistent: nginx accepts the shipped configuration (`nginx -t`), sends each
browser to one process and upgrades the WebSocket, its upstream lists the ports the units are
enabled on, and only the release step migrates."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
NGINX = (DEPLOY / "nginx" / "heinola.conf").read_text(encoding="utf-8")
README = (DEPLOY.parent / "README.md").read_text(encoding="utf-8")


NGINX_BINARY = Path("/usr/sbin/nginx")
SHIPPED_CERTIFICATE = "/etc/ssl/heinola/fullchain.pem"
SHIPPED_KEY = "/etc/ssl/heinola/privkey.pem"


def _require(tool: str | None, name: str) -> str:
    """The tool's path; without it skipped, or failed when CI is set (.ci/run installs it)."""
    if tool is not None and Path(tool).exists():
        return tool
    message = f"{name} is missing: install Debian's {name} package (.ci/run does)."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def nginx_test(site: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """`nginx -t` on the site file `site` as /etc/nginx/conf.d/ would include it, with a
    throw-away certificate for the shipped paths and every file nginx writes in `folder`, so
    it runs as any user."""
    nginx = _require(str(NGINX_BINARY), "nginx")
    folder.mkdir(exist_ok=True)
    openssl = _require(shutil.which("openssl"), "openssl")
    certificate, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )  # fmt: skip
    assert SHIPPED_CERTIFICATE in site and SHIPPED_KEY in site
    # `nginx -t` binds the listening sockets too: free local ports instead of 80 and 443.
    assert "listen 80;" in site and "listen 443 " in site
    http, https = _free_port(), _free_port()
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http};").replace(
        "listen 443 ", f"listen 127.0.0.1:{https} "
    )
    (folder / "site.conf").write_text(
        site.replace(SHIPPED_CERTIFICATE, str(certificate)).replace(SHIPPED_KEY, str(key)), encoding="utf-8"
    )
    (folder / "logs").mkdir()
    # Debian's nginx is built with /var/log/nginx and /var/lib/nginx: point each at `folder`.
    temp = "".join(
        f"    {kind}_temp_path {folder / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"events {{}}\nhttp {{\n    access_log {folder / 'access.log'};\n{temp}    include {folder / 'site.conf'};\n}}\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [nginx, "-t", "-p", f"{folder}/", "-c", str(folder / "nginx.conf"),
         "-g", f"pid {folder / 'nginx.pid'}; error_log {folder / 'error.log'};"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_nginx_accepts_the_shipped_configuration(tmp_path: Path) -> None:
    result = nginx_test(NGINX, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_nginx_test_fails_on_a_broken_configuration(tmp_path: Path) -> None:
    # The check above can fail: a directive this nginx does not know (as `http2 on;` was for
    # Debian 12's nginx 1.22) and a missing semicolon are refused.
    unknown = nginx_test(
        NGINX.replace("proxy_buffering off;", "proxy_buffering off;\n    http3_nonsense on;"), tmp_path / "a"
    )
    assert unknown.returncode != 0 and "unknown directive" in unknown.stderr
    unclosed = nginx_test(NGINX.replace("return 404;", "return 404"), tmp_path / "b")
    assert unclosed.returncode != 0


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


def test_every_way_of_starting_the_app_goes_through_serve_py() -> None:
    # `streamlit run app.py` would show the first visitor after a start "Page not found"
    # (see serve.py); the Makefile, the README's no-make line and the unit must not use it.
    process = (DEPLOY / "systemd" / "heinola@.service").read_text(encoding="utf-8")
    makefile = (DEPLOY.parent / "Makefile").read_text(encoding="utf-8")
    assert "python serve.py" in process.split("ExecStart=")[1].splitlines()[0]
    assert "serve.py" in makefile.split("\nrun:")[1].split("\n\n")[0]
    for text in (process, makefile, README):
        assert "/streamlit run" not in text
