"""Several processes at once on one database: first starts do not race on migrations or
seeding, and concurrent writers lose nothing and see no error (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import Engine, func, select

from data_model.bootstrap import prepare_database
from data_model.db import session_factory
from data_model.models import Action, SwotItem, User
from tests.factories import create_user

ROOT = Path(__file__).resolve().parents[2]
STARTS = 4
WRITERS = 8
ACTIONS_EACH = 200


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _run_together(*commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Start every command, each waiting for one shared moment a little ahead, then collect them."""
    at = str(time.time() + 4)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    running = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.processes.workers", *command[:2], at, *command[2:]],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    results = []
    for process in running:
        out, err = process.communicate(timeout=600)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def _counts(engine: Engine) -> tuple[int, int, int]:
    with session_factory(engine)() as session:
        return tuple(  # type: ignore[return-value]
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (SwotItem, Action, User)
        )


def test_concurrent_first_starts_do_not_race(empty_engine: Engine) -> None:
    results = _run_together(*[["start", _url(empty_engine)] for _ in range(STARTS)])
    assert [(r.returncode, r.stderr[-2000:]) for r in results] == [(0, "")] * STARTS
    counts = _counts(empty_engine)
    # Nothing doubled: one more start finds everything there and adds nothing.
    prepare_database(empty_engine, with_demo=True)
    assert _counts(empty_engine) == counts
    assert counts[0] == 16 and counts[2] == 4


def test_concurrent_writers_lose_nothing(engine: Engine) -> None:
    user = create_user(engine, "kirsi", "coordinator")
    before = _counts(engine)[1]
    results = _run_together(
        *[["create", _url(engine), str(ACTIONS_EACH), str(user.id)] for _ in range(WRITERS)]
    )
    assert [(r.returncode, r.stderr[-2000:]) for r in results] == [(0, "")] * WRITERS
    assert _counts(engine)[1] - before == WRITERS * ACTIONS_EACH
