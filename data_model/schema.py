"""Create and upgrade the schema with Alembic, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def _sqlite_foreign_keys(connection: Connection, on: bool) -> None:
    # Straight to the driver, outside any transaction: SQLite ignores the pragma inside one.
    driver = connection.connection.driver_connection
    assert driver is not None  # noqa: S101 - an open connection always has one
    driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema; does nothing when it is already there."""
    config = alembic_config(engine)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        # SQLite's batch mode copies a table and drops the old one, which foreign keys
        # pointing at it would refuse; they are checked again once the copy is in place.
        if sqlite:
            _sqlite_foreign_keys(connection, on=False)
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("Migration left rows pointing at missing rows; rolled back.")
        finally:
            if sqlite:
                _sqlite_foreign_keys(connection, on=True)
