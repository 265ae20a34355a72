"""Engine and sessions. SQLite in `data/` by default, PostgreSQL through `DATABASE_URL`."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 5000
# After the busy timeout, a statement that would start a write is tried again for this long.
SQLITE_LOCKED_RETRY_S = 30.0


def _is_locked(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


class _RetryingCursor(sqlite3.Cursor):
    """Tries a statement again when SQLite says the database is locked, but only when the
    statement began the transaction: the driver opens it just before the first write, so
    nothing has been read or written in it yet and trying again is the same as waiting."""

    def _retry(self, run: Any, *args: Any) -> Any:
        deadline = time.monotonic() + SQLITE_LOCKED_RETRY_S
        pause = 0.05
        began_here = not self.connection.in_transaction
        while True:
            try:
                return run(*args)
            except sqlite3.OperationalError as error:
                if not (began_here and _is_locked(error)) or time.monotonic() > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 1.0)

    def execute(self, sql: str, parameters: Any = (), /) -> Self:
        return self._retry(super().execute, sql, parameters)  # type: ignore[no-any-return]

    def executemany(self, sql: str, parameters: Any, /) -> Self:
        # An iterator would be used up by the failed try: keep the rows for the next one.
        rows = list(parameters)
        return self._retry(super().executemany, sql, rows)  # type: ignore[no-any-return]


class _RetryingConnection(sqlite3.Connection):
    def cursor(self, factory: Any = _RetryingCursor) -> Any:  # type: ignore[override]
        return super().cursor(factory)


class DatabaseMissing(RuntimeError):
    """The SQLite file is gone or was replaced while the app ran, or is missing at a start
    outside demo mode: writing on would write into a deleted file or an empty new database."""

    def __init__(self, path: str) -> None:
        super().__init__(f"SQLite database file missing or replaced: {path}")
        self.path = path


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL; None for PostgreSQL or an in-memory database."""
    if not url.startswith("sqlite"):
        return None
    path = url.split("///", 1)[-1]
    return Path(path) if path and path != ":memory:" else None


def require_existing_database(url: str) -> None:
    """Refuse to start on a SQLite file that does not exist: outside demo mode an empty new
    database would come up with no users, hiding that the real one was lost."""
    path = sqlite_file(url)
    if path is not None and not path.exists():
        raise DatabaseMissing(str(path))


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return status.st_dev, status.st_ino


def _guard_file(engine: Engine, path: Path) -> None:
    """Refuse every connection once the file the engine started on is deleted or replaced.

    An open SQLite connection keeps writing into a deleted file, where every write is lost
    when the process stops; one stat per checkout is cheap next to any query."""
    started_on: list[tuple[int, int] | None] = [None]

    def check(_dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        now = _file_identity(path)
        if started_on[0] is None:
            # The first connection has just opened (or created) the file.
            started_on[0] = now
        if now is None or now != started_on[0]:
            raise DatabaseMissing(str(path))

    event.listen(engine, "checkout", check)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers work while one writer writes; the busy timeout waits for a lock
    # instead of failing at once; SQLite checks foreign keys only when asked to.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine for `url`; a SQLite file's folder is created when missing."""
    if url.startswith("sqlite"):
        path = sqlite_file(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "factory": _RetryingConnection})
        event.listen(engine, "connect", _sqlite_pragmas)
        if path is not None:
            _guard_file(engine, path)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_pre_ping=True)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    # Every session keeps the monthly sums current: importing the module registers its hooks.
    from . import rollup_events  # noqa: F401

    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed on success and rolled back on any error."""
    with session_factory(engine)() as session, session.begin():
        yield session


# Rows SQLite samples per index: enough to tell a selective index from one that is not, in
# milliseconds at 100,000 actions (a full ANALYZE takes over a second there).
SQLITE_ANALYSIS_LIMIT = 400
# Fewer actions than this, and SQLite keeps no statistics (see refresh_planner_statistics).
SQLITE_STATISTICS_FROM = 5000


def refresh_planner_statistics(connection: Connection) -> None:
    """After rows were loaded in bulk (a restore, the benchmark's build) or at a start, let the
    database count them. PostgreSQL: until autovacuum gets round to it the planner takes the
    tables for nearly empty and joins the actions to their per-action sums in a nested loop
    (2 s at 3,000 actions, 41 s for the Council page at 10,000; 10 ms once analysed). SQLite
    keeps no statistics of its own: without them it takes `deleted_at IS NULL` (true of
    nearly every action) for a selective equality and reads every action through that index
    instead of the start-date range of the period asked for."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("ANALYZE")
    elif connection.dialect.name == "sqlite":
        if connection.exec_driver_sql("SELECT count(*) FROM action").scalar_one() < SQLITE_STATISTICS_FROM:
            # Counts of a nearly empty database outlive its growth until the next start: told
            # that action_reach holds one row, SQLite scanned all of it once per action (a
            # 100k-action rebuild of the monthly sums ran for over 25 minutes; 0.3 s with
            # current counts). Without statistics it plans by its own sound defaults.
            _forget_sqlite_statistics(connection)
            return
        connection.exec_driver_sql(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
        connection.exec_driver_sql("ANALYZE")


def _forget_sqlite_statistics(connection: Connection) -> None:
    kept = connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
    if kept:
        connection.exec_driver_sql("DELETE FROM sqlite_stat1")
        connection.exec_driver_sql("ANALYZE sqlite_schema")  # the planner rereads (no) statistics
