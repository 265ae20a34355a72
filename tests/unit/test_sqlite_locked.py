"""SQLite: a write that finds the database locked past the busy timeout (a long import in
another process) waits and succeeds instead of showing "database is locked"."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine

from data_model import db
from data_model.db import make_engine, transaction
from data_model.services.actions import create_action
from tests.factories import create_user
from tests.unit.action_inputs import count_actions, valid_input


def _hold_write_lock(path: str, seconds: float, held: threading.Event) -> None:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    held.set()
    time.sleep(seconds)
    other.execute("COMMIT")
    other.close()


@pytest.fixture
def sqlite_engine(sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    path = tmp_path / "locked.db"
    path.write_bytes(sqlite_template.read_bytes())
    # A short busy timeout, so the lock below outlasts it many times over.
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 50)
    return make_engine(f"sqlite:///{path}")


def test_write_waits_out_a_lock_longer_than_the_busy_timeout(sqlite_engine: Engine) -> None:
    user = create_user(sqlite_engine, "kirsi", "coordinator")
    with transaction(sqlite_engine) as session:
        before = count_actions(session)
        data = valid_input(session)
    held = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(sqlite_engine.url.database, 1.0, held))
    holder.start()
    held.wait()
    with transaction(sqlite_engine) as session:
        create_action(session, user, data)
    holder.join()
    with transaction(sqlite_engine) as session:
        assert count_actions(session) == before + 1


def test_a_lock_that_never_ends_still_fails_in_the_end(
    sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "SQLITE_LOCKED_RETRY_S", 0.2)
    user = create_user(sqlite_engine, "kirsi", "coordinator")
    with transaction(sqlite_engine) as session:
        data = valid_input(session)
    held = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(sqlite_engine.url.database, 1.5, held))
    holder.start()
    held.wait()
    with pytest.raises(Exception, match="locked"), transaction(sqlite_engine) as session:
        create_action(session, user, data)
    holder.join()
