"""Two app processes on one database, as `deploy/` runs them: their first starts together do
not race on migrations or seeding, and a write through one shows in the other on its next
rerun. Runs on SQLite, and on PostgreSQL (the production set-up) when TEST_DATABASE_URL is set."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.app.conftest import TEST_COOKIE_KEY
from tests.factories import create_user
from tests.processes.app_process import ANSWER

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Kirjattu toisessa prosessissa"


class AppProcess:
    """A separate Python process running the app through AppTest (tests/processes/app_process.py)."""

    def __init__(self, url: str, data_dir: Path) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": url,
            "HEINOLA_COOKIE_KEY": TEST_COOKIE_KEY,
            "HEINOLA_DEMO": "0",
            "HEINOLA_DATA_DIR": str(data_dir),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.processes.app_process"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def answer(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        while True:
            line = self.process.stdout.readline()
            assert line, f"the app process ended (exit code {self.process.wait()})"
            if line.startswith(ANSWER):
                break
        answer: dict[str, Any] = json.loads(line.removeprefix(ANSWER))
        assert answer["problems"] == []
        return answer

    def ask(self, command: str) -> dict[str, Any]:
        self.send(command)
        return self.answer()

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=60)


@pytest.fixture
def two_processes(empty_engine: Engine, tmp_path: Path) -> Iterator[tuple[AppProcess, AppProcess]]:
    url = empty_engine.url.render_as_string(hide_password=False)
    if empty_engine.dialect.name == "sqlite":
        # Production refuses a missing SQLite file (it would hide a lost one); an empty file
        # is a new database that nothing has migrated yet, like the empty PostgreSQL one.
        Path(str(empty_engine.url.database)).touch()
    first, second = AppProcess(url, tmp_path / "a"), AppProcess(url, tmp_path / "b")
    yield first, second
    first.close()
    second.close()


def test_a_write_in_one_process_shows_in_the_other(
    two_processes: tuple[AppProcess, AppProcess], empty_engine: Engine
) -> None:
    first, second = two_processes
    # Both first requests at one moment, on a database with nothing in it yet.
    at = str(time.time() + 5)
    first.send(f"start {at}")
    second.send(f"start {at}")
    first.answer()
    second.answer()
    create_user(empty_engine, "toimialajohtaja", "department_head", "hyvinvointi")
    assert TITLE not in first.ask("login toimialajohtaja")["titles"]
    assert TITLE not in second.ask("login toimialajohtaja")["titles"]

    logged = first.ask(f"log {TITLE}")
    assert logged["saved"] and TITLE in logged["titles"]
    assert second.ask("list")["titles"].count(TITLE) == 1
