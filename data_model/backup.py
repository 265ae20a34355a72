"""Backup and restore: every table as Parquet in one zip, with the schema version it belongs to.

The zip holds `manifest.json` (format, Alembic revision, row count per table) and one
`<table>.parquet` per table. Rows are written in primary-key order and the zip entries carry
a fixed date, so the same content gives the same file, whichever database it came from:
SQLite → PostgreSQL is how a town moves to production.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from alembic.script import ScriptDirectory
from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    Numeric,
    Select,
    Table,
    delete,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.types import TypeEngine

from .data_versions import VERSION_KEY_PREFIX, data_versions, is_version_key, move_past
from .db import refresh_planner_statistics
from .models import Base, Setting
from .rollups import rebuild_rollups
from .schema import alembic_config, migrate

FORMAT = 1
MANIFEST = "manifest.json"
BATCH_ROWS = 10_000
# A fixed entry date keeps the zip byte-for-byte the same for the same content.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class BackupError(RuntimeError):
    """The backup cannot be written or restored; the message says why and what to do."""


def _arrow_type(column_type: TypeEngine[Any]) -> pa.DataType:
    if isinstance(column_type, Boolean):
        return pa.bool_()
    if isinstance(column_type, Integer):
        return pa.int64()
    if isinstance(column_type, DateTime):
        return pa.timestamp("us")
    if isinstance(column_type, Date):
        return pa.date32()
    # Float is not a Numeric in SQLAlchemy 2.1: without its own case it fell to the strings, and
    # a backup of any target or survey result failed.
    if isinstance(column_type, Float):
        return pa.float64()
    if isinstance(column_type, Numeric):
        return pa.decimal128(column_type.precision or 38, column_type.scale or 0)
    # Strings, texts and JSON (stored as its canonical text).
    return pa.string()


def _to_arrow(column_type: TypeEngine[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, JSON):
        # Sorted keys: PostgreSQL and SQLite give the same text for the same value.
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(column_type, Numeric) and not isinstance(column_type, Integer):
        return Decimal(value).quantize(Decimal(1).scaleb(-(column_type.scale or 0)))
    return value


def _from_arrow(column_type: TypeEngine[Any], value: Any) -> Any:
    if value is not None and isinstance(column_type, JSON):
        return json.loads(value)
    return value


def _schema(table: Table) -> pa.Schema:
    return pa.schema([pa.field(column.name, _arrow_type(column.type)) for column in table.columns])


def _tables() -> list[Table]:
    # Parents before children, so a restore never inserts a row before the row it points at.
    # Derived tables (the monthly sums) are not the city's data: a restore rebuilds them.
    return [table for table in Base.metadata.sorted_tables if not table.info.get("derived")]


def schema_revision(connection: Connection) -> str | None:
    """The Alembic revision the database is at (None: never migrated)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def head_revision(engine: Engine) -> str:
    """The newest revision this release's migrations know."""
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    if head is None:
        raise BackupError("Migraatioita ei löydy. / No migrations found.")
    return head


def _content(table: Table) -> Select[Any]:
    # The domains' data-version counters are the running app's cache keys, not the city's
    # data: a backup leaves them out and a restore moves them past the numbers already used.
    query = select(table)
    if table.name == Setting.__tablename__:
        query = query.where(~table.c.key.startswith(VERSION_KEY_PREFIX))
    return query


def _batches(connection: Connection, table: Table) -> Iterator[pa.RecordBatch]:
    schema = _schema(table)
    order = list(table.primary_key.columns) or list(table.columns)
    result = connection.execution_options(yield_per=BATCH_ROWS).execute(_content(table).order_by(*order))
    for rows in result.partitions():
        columns = [
            pa.array([_to_arrow(column.type, row[i]) for row in rows], type=schema.field(i).type)
            for i, column in enumerate(table.columns)
        ]
        yield pa.RecordBatch.from_arrays(columns, schema=schema)


def _one_snapshot(connection: Connection) -> None:
    # Every table read from one snapshot while the app keeps writing: otherwise a reach row
    # could be in the backup without its action, and the restore would refuse it.
    if connection.dialect.name == "postgresql":
        connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    elif connection.dialect.name == "sqlite":
        # The driver opens a transaction only before a write; WAL gives this one a snapshot.
        connection.exec_driver_sql("BEGIN")


def backup(engine: Engine, out: Path) -> dict[str, Any]:
    """Write every table of `engine` to the zip `out`; returns the manifest written."""
    with engine.connect() as connection, tempfile.TemporaryDirectory() as folder:
        _one_snapshot(connection)
        revision = schema_revision(connection)
        if revision is None:
            raise BackupError("Tietokantaa ei ole alustettu (python -m data_model init). / Not initialised.")
        counts: dict[str, int] = {}
        for table in _tables():
            path = Path(folder) / f"{table.name}.parquet"
            counts[table.name] = 0
            with pq.ParquetWriter(path, _schema(table)) as writer:
                for batch in _batches(connection, table):
                    writer.write_batch(batch)
                    counts[table.name] += batch.num_rows
        manifest = {"format": FORMAT, "schema_revision": revision, "tables": counts}
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr(
                zipfile.ZipInfo(MANIFEST, _ZIP_DATE), json.dumps(manifest, indent=2, sort_keys=True)
            )
            for table in _tables():
                info = zipfile.ZipInfo(f"{table.name}.parquet", _ZIP_DATE)
                archive.writestr(info, (Path(folder) / f"{table.name}.parquet").read_bytes())
    return manifest


def read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError("Tiedosto ei ole tämän sovelluksen varmuuskopio. / Not a backup file.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Tuntematon varmuuskopion muoto / unknown backup format: {manifest.get('format')}")
    return manifest


def backup_content(path: Path) -> dict[str, Any]:
    """The manifest and every table's rows, as plain Python: two backups compare equal by content."""
    with zipfile.ZipFile(path) as archive:
        content: dict[str, Any] = {MANIFEST: read_manifest(archive)}
        for table in _tables():
            with archive.open(f"{table.name}.parquet") as handle:
                content[table.name] = pq.read_table(handle).to_pylist()
    return content


def _row_count(connection: Connection) -> int:
    return sum(int(connection.scalar(select(func.count()).select_from(t)) or 0) for t in _tables())


def _reset_sequences(connection: Connection) -> None:
    # Rows came with their ids; PostgreSQL's sequences must continue after the highest one.
    for table in _tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer) or table.autoincrement_column is None:
            continue
        sequence = connection.scalar(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": keys[0].name},
        )
        highest = connection.scalar(select(func.max(keys[0])))
        connection.execute(
            text("SELECT setval(:sequence, :value, :called)"),
            {"sequence": sequence, "value": highest or 1, "called": highest is not None},
        )


def _is_counter(table: Table, row: dict[str, Any]) -> bool:
    # A backup from before the counters were left out still holds them.
    return table.name == Setting.__tablename__ and is_version_key(str(row["key"]))


def restore(engine: Engine, path: Path, force: bool = False) -> dict[str, Any]:
    """Load the backup `path` into `engine`; returns its manifest.

    The database is migrated first; the backup must be of this release's schema. A database
    that already holds rows is refused unless `force`, which replaces everything in it.
    """
    with zipfile.ZipFile(path) as archive:
        manifest = read_manifest(archive)
        head = head_revision(engine)
        if manifest["schema_revision"] != head:
            raise BackupError(
                f"Varmuuskopion skeema on {manifest['schema_revision']}, tämän version {head}: palauta "
                "samalla versiolla, jolla se otettiin. / The backup's schema differs from this release's."
            )
        migrate(engine)
        with engine.begin() as connection:
            if _row_count(connection) and not force:
                raise BackupError(
                    "Tietokannassa on jo tietoja; --force korvaa ne. / The database is not empty; "
                    "use --force to replace its content."
                )
            before = data_versions(connection)
            for table in reversed(_tables()):
                connection.execute(delete(table))
            for table in _tables():
                with archive.open(f"{table.name}.parquet") as handle:
                    for batch in pq.ParquetFile(handle).iter_batches(batch_size=BATCH_ROWS):
                        rows = [
                            {c.name: _from_arrow(c.type, row[c.name]) for c in table.columns}
                            for row in batch.to_pylist()
                        ]
                        rows = [row for row in rows if not _is_counter(table, row)]
                        if rows:
                            connection.execute(table.insert(), rows)
            rebuild_rollups(connection)
            move_past(connection, before)
            if connection.dialect.name == "postgresql":
                _reset_sequences(connection)
            refresh_planner_statistics(connection)
    return manifest
