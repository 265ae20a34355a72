"""Shared fixtures: a migrated, seeded database on SQLite and (when TEST_DATABASE_URL is set)
PostgreSQL; a user per role; Streamlit caches cleared between tests."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from data_model.db import make_engine, session_factory
from data_model.schema import migrate
from data_model.seed import load_programme

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
BACKENDS = ["sqlite", "postgresql"] if TEST_DATABASE_URL else ["sqlite"]


def _seed(engine: Engine) -> None:
    migrate(engine)
    with session_factory(engine)() as session, session.begin():
        load_programme(session)


# --- SQLite: seed one file per test session, copy it for each test (fast) -------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "seeded.db"
    engine = make_engine(f"sqlite:///{path}")
    _seed(engine)
    # Fold the WAL into the main file so a plain copy holds everything.
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def _sqlite_engine(template: Path, tmp_path: Path) -> Engine:
    path = tmp_path / "test.db"
    shutil.copy(template, path)
    return make_engine(f"sqlite:///{path}")


# --- PostgreSQL: seed one template database, create each test's database from it -------------


def _admin_engine() -> Engine:
    assert TEST_DATABASE_URL
    return create_engine(
        make_url(TEST_DATABASE_URL).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )


def _pg_url(name: str) -> str:
    assert TEST_DATABASE_URL
    url = make_url(TEST_DATABASE_URL).set(drivername="postgresql+psycopg", database=name)
    return url.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    name = f"heinola_tpl_{uuid.uuid4().hex[:10]}"
    admin = _admin_engine()
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(_pg_url(name))
    _seed(engine)
    engine.dispose()
    yield name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _postgres_engine(template: str) -> tuple[Engine, str]:
    name = f"heinola_t_{uuid.uuid4().hex[:10]}"
    admin = _admin_engine()
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    return make_engine(_pg_url(name)), name


def _drop_postgres(name: str) -> None:
    admin = _admin_engine()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated database holding the whole programme, fresh for each test, on each backend."""
    if request.param == "sqlite":
        created = _sqlite_engine(request.getfixturevalue("sqlite_template"), tmp_path)
        yield created
        created.dispose()
        return
    created, name = _postgres_engine(request.getfixturevalue("postgres_template"))
    yield created
    created.dispose()
    _drop_postgres(name)


@pytest.fixture(params=BACKENDS)
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database with nothing in it, not even the schema, on each backend."""
    if request.param == "sqlite":
        created = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
        yield created
        created.dispose()
        return
    yield from _empty_postgres()


def _empty_postgres() -> Iterator[Engine]:
    name = f"heinola_e_{uuid.uuid4().hex[:10]}"
    admin = _admin_engine()
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    created = make_engine(_pg_url(name))
    yield created
    created.dispose()
    _drop_postgres(name)


@pytest.fixture
def empty_postgres() -> Iterator[Engine]:
    """An empty PostgreSQL database (skipped without TEST_DATABASE_URL), e.g. to move a SQLite one to."""
    if not TEST_DATABASE_URL:
        pytest.skip("TEST_DATABASE_URL is not set")
    yield from _empty_postgres()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with session_factory(engine)() as opened:
        yield opened


@pytest.fixture(autouse=True)
def _clear_streamlit_caches() -> Iterator[None]:
    """Streamlit caches live per process and outlive an AppTest run: clear them each test."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
