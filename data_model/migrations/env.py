"""Alembic environment: runs on the connection handed in by data_model.schema, or on DATABASE_URL."""

from __future__ import annotations

from alembic import context

from data_model.config import load_settings
from data_model.db import make_engine
from data_model.models import Base

target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = make_engine(load_settings().database_url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
