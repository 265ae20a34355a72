"""Failures are told apart so a person reads what happened, and a SQLite file that is deleted
or replaced while the app runs is refused instead of being written into."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from data_model.db import DatabaseMissing, make_engine, require_existing_database, transaction
from data_model.faults import classify
from data_model.logs import JsonLineFormatter, configure_logging, log_failure


def _operational(message: str) -> OperationalError:
    return OperationalError("INSERT ...", {}, sqlite3.OperationalError(message))


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (_operational("database is locked"), "db_busy"),
        (_operational("attempt to write a readonly database"), "db_readonly"),
        (_operational('connection to server at "10.0.0.5", port 5432 failed'), "db_unavailable"),
        (
            IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed: users.username")),
            "conflict",
        ),
        (DatabaseMissing("/data/heinola.db"), "db_missing"),
        (KeyError("x"), "unexpected"),
    ],
)
def test_each_failure_has_its_kind(error: Exception, kind: str) -> None:
    assert classify(error) == kind


def test_writes_into_a_deleted_sqlite_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    engine = make_engine(f"sqlite:///{path}")
    with transaction(engine) as session:
        session.execute(text("CREATE TABLE t (x INTEGER)"))
    path.unlink()
    with pytest.raises(DatabaseMissing), transaction(engine) as session:
        session.execute(text("INSERT INTO t VALUES (1)"))
    engine.dispose()


def test_a_replaced_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    engine = make_engine(f"sqlite:///{path}")
    with transaction(engine) as session:
        session.execute(text("CREATE TABLE t (x INTEGER)"))
    path.unlink()
    sqlite3.connect(path).close()  # an empty file where the database was
    with pytest.raises(DatabaseMissing), transaction(engine) as session:
        session.execute(text("SELECT 1"))
    engine.dispose()


def test_a_missing_sqlite_file_is_not_created_outside_demo(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissing):
        require_existing_database(f"sqlite:///{tmp_path / 'gone.db'}")
    require_existing_database("postgresql://db/heinola")  # not a file: nothing to check


def test_failure_is_one_json_line_with_reference_and_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        raise ValueError("rikki")
    except ValueError as error:
        reference = log_failure(error, "unexpected", page="home")
    [line] = capsys.readouterr().err.strip().splitlines()
    logged = json.loads(line)
    assert logged["reference"] == reference and len(reference) == 8
    assert logged["kind"] == "unexpected" and logged["page"] == "home"
    assert logged["error_type"] == "ValueError" and "Traceback" in logged["traceback"]


def test_logging_is_configured_once() -> None:
    configure_logging()
    configure_logging()
    handlers = logging.getLogger("heinola").handlers
    assert sum(isinstance(h.formatter, JsonLineFormatter) for h in handlers) == 1
