"""One process at a time may migrate and seed: app processes starting together, or a
release step run while they start, wait for each other instead of racing."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text

# Any fixed number, the same in every process: the key of PostgreSQL's advisory lock.
ADVISORY_LOCK_KEY = 7_420_231_225


@contextmanager
def release_lock(engine: Engine) -> Iterator[None]:
    """Hold the database's migration lock for the block; the others wait until it is free."""
    if engine.dialect.name == "postgresql":
        # A session-level advisory lock on a connection of its own, held across the
        # migration's and the seed's transactions, released even if they fail.
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
            connection.commit()
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_LOCK_KEY})
                connection.commit()
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    # SQLite: an exclusive lock on a file beside the database, which every process can see;
    # the operating system releases it when the process ends, however it ends.
    with (Path(database).parent / f"{Path(database).name}.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
