"""Bring a database from nothing to ready: migrate, load the programme, optionally the demo."""

from __future__ import annotations

from sqlalchemy import Engine

from .db import refresh_planner_statistics, transaction
from .demo import has_demo_data, load_demo
from .demo_accounts import ensure_demo_accounts
from .release_lock import release_lock
from .schema import migrate
from .seed import load_programme


def prepare_database(engine: Engine, with_demo: bool = False) -> None:
    """Idempotent: safe to run on every start; a second run changes nothing.

    `python -m data_model init` runs it once per release; an app process runs it again on
    its first request, under the same lock, so processes starting together wait for the
    first one and then find nothing left to do.
    """
    with release_lock(engine):
        migrate(engine)
        with transaction(engine) as session:
            load_programme(session)
            if with_demo:
                # First, so the demo data can name the demo accounts as the ones who logged it.
                ensure_demo_accounts(session)
            if with_demo and not has_demo_data(session):
                load_demo(session)
        if engine.dialect.name == "sqlite":
            # SQLite keeps no statistics by itself (PostgreSQL's autovacuum does): counted at
            # each start, so a database that grew since the last one is planned as it is now.
            with engine.begin() as connection:
                refresh_planner_statistics(connection)
