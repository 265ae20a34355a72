"""No traceback ever reaches the page: an unexpected exception shows a short message with a
reference that the log line on stderr also carries, and a database that cannot be reached or
whose file vanished shows a friendly page; the app recovers by itself when it is back."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.metrics import programme
from tests.app.conftest import APP_FILE

# A local port where nothing listens: the connection is refused at once.
UNREACHABLE_URL = "postgresql://heinola@127.0.0.1:9/heinola"


def _page_text(at: AppTest) -> str:
    parts = [
        element.value for kind in ("error", "markdown", "title", "caption") for element in getattr(at, kind)
    ]
    return "\n".join(str(part) for part in parts)


def _log_lines(stderr: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stderr.splitlines() if line.startswith('{"time"')]


def test_unexpected_exception_shows_message_and_reference_and_logs_it(
    open_app: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_session: object, _user: object = None) -> None:
        raise RuntimeError("salainen polku /srv/heinola/data")

    monkeypatch.setattr(programme, "programme_headline", broken)
    at = open_app("koordinaattori")

    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert "odottamattoman virheen" in message
    [line] = [line for line in _log_lines(capsys.readouterr().err) if line["kind"] == "unexpected"]
    assert line["level"] == "ERROR"
    assert line["error_type"] == "RuntimeError"
    assert "programme_headline" in str(line["traceback"]) or "broken" in str(line["traceback"])
    assert str(line["reference"]) in message
    page = _page_text(at)
    assert "Traceback" not in page and "RuntimeError" not in page and "/srv/heinola" not in page


def test_message_is_in_the_users_language(
    open_app: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_session: object, _user: object = None) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(programme, "programme_headline", broken)
    at = AppTest.from_file(APP_FILE, default_timeout=60)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = "koordinaattori"
    at.session_state["session_version"] = 0
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert "unexpected error" in at.error[0].value


def test_unreachable_database_shows_a_friendly_page_then_recovers(
    open_app: Callable[..., AppTest], app_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    working_url = str(app_engine.url)
    monkeypatch.setenv("DATABASE_URL", UNREACHABLE_URL)
    at = AppTest.from_file(APP_FILE, default_timeout=60)
    at.run()

    assert not at.exception
    assert len(at.error) == 1
    assert "Tietokantaan ei juuri nyt saada yhteyttä" in at.error[0].value
    page = _page_text(at)
    assert "127.0.0.1" not in page and "Traceback" not in page and "psycopg" not in page
    retry = at.button(key="error_boundary_retry")

    # The database is back: the next run works, with no restart.
    monkeypatch.setenv("DATABASE_URL", working_url)
    retry.click().run()
    assert not at.exception
    assert not at.error
    assert len(at.text_input) >= 2  # the login form


def test_sqlite_file_deleted_while_running_is_refused_then_restored(
    open_app: Callable[..., AppTest], app_engine: Engine, tmp_path: Path
) -> None:
    at = open_app("koordinaattori")
    assert not at.exception and not at.error
    database = Path(str(app_engine.url.database))
    # The file and its write-ahead log, as a backup would keep them.
    files = [database, Path(f"{database}-wal")]
    kept = tmp_path / "kept"
    kept.mkdir()
    for file in files:
        if file.exists():
            shutil.copy(file, kept / file.name)
            file.unlink()

    at.run()
    assert not at.exception
    assert "Tietokantatiedostoa ei löydy" in at.error[0].value
    # Not silently re-created as an empty database.
    assert not database.exists()

    for file in kept.iterdir():
        shutil.copy(file, database.parent / file.name)
    at.run()
    assert not at.exception
    assert not at.error, at.error[0].value
