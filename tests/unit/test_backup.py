"""Backup → restore → backup gives identical content, on each database and from SQLite to
PostgreSQL; a restore checks the schema version and refuses a database that holds rows."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text

from data_model.__main__ import main
from data_model.backup import BackupError, _one_snapshot, backup, backup_content, restore
from data_model.bootstrap import prepare_database
from data_model.data_versions import DOMAINS, data_versions, is_version_key
from data_model.db import make_engine, session_factory, transaction
from data_model.demo_targets import read_demo_targets
from data_model.models import Action, AuditEntry, User
from data_model.permissions import CurrentUser
from data_model.services.actions import create_action
from data_model.services.targets import record_target
from tests.unit.action_inputs import valid_input
from tests.unit.test_target_service import TODAY, youth_target


def _fill(engine: Engine) -> None:
    """The programme, the demo (its targets too), users, an action with every kind of value (cost, JSON audit) and
    a target whose value is a fraction (a float column)."""
    prepare_database(engine, with_demo=True)
    with transaction(engine) as session:
        create_action(session, _coordinator(engine), valid_input(session, title="Äänestys – ✓"))
        record_target(session, _coordinator(engine), youth_target(target_value="12,5 %"), TODAY)


def _round_trip(source: Engine, target: Engine, folder: Path) -> None:
    _fill(source)
    first, second = folder / "first.zip", folder / "second.zip"
    backup(source, first)
    restore(target, first)
    backup(target, second)
    content = backup_content(first)
    assert content == backup_content(second)
    # Same content, same file: a backup can be checked against another by its checksum.
    assert first.read_bytes() == second.read_bytes()
    assert len(content["action"]) > 100
    assert any(row["cost_eur"] is not None for row in content["action"])
    assert any(row["after"] for row in content["audit_entry"])
    assert [row["target_value"] for row in content["target"] if not row["is_demo"]] == [0.125]
    # The demo's targets come back as demo targets, so `demo --remove` still finds them.
    assert sum(1 for row in content["target"] if row["is_demo"]) == len(read_demo_targets())


def test_backup_restore_backup_is_identical(engine: Engine, empty_engine: Engine, tmp_path: Path) -> None:
    _round_trip(engine, empty_engine, tmp_path)


def test_sqlite_to_postgresql_is_identical(tmp_path: Path, empty_postgres: Engine) -> None:
    _round_trip(make_engine(f"sqlite:///{tmp_path / 'town.db'}"), empty_postgres, tmp_path)


def test_restored_database_takes_new_rows(engine: Engine, empty_engine: Engine, tmp_path: Path) -> None:
    # PostgreSQL's sequences continue after the restored ids, so the next insert does not collide.
    _fill(engine)
    backup(engine, tmp_path / "b.zip")
    restore(empty_engine, tmp_path / "b.zip")
    with transaction(empty_engine) as session:
        created = create_action(session, _coordinator(empty_engine), valid_input(session))
        highest = session.scalar(select(func.max(Action.id)).where(Action.id != created.id))
    assert highest is not None and created.id > highest


def _coordinator(engine: Engine) -> CurrentUser:
    """The demo coordinator, as the services see the acting user."""
    with session_factory(engine)() as session:
        user = session.scalars(select(User).where(User.username == "koordinaattori")).one()
        return CurrentUser(user.id, user.username, user.role, user.department_id, user.display_name)


def test_restore_refuses_a_database_with_rows_unless_forced(engine: Engine, tmp_path: Path) -> None:
    _fill(engine)
    path = tmp_path / "b.zip"
    backup(engine, path)
    with transaction(engine) as session:
        session.execute(text("DELETE FROM action_reach"))
    with pytest.raises(BackupError, match="--force"):
        restore(engine, path)
    restore(engine, path, force=True)
    assert backup_content(path) == backup_content(_again(engine, tmp_path))


def _again(engine: Engine, folder: Path) -> Path:
    path = folder / "again.zip"
    backup(engine, path)
    return path


def test_restore_refuses_another_schema_version(engine: Engine, empty_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "b.zip"
    backup(engine, path)
    tampered = tmp_path / "old.zip"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tampered, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["schema_revision"] = "0000_older"
                data = json.dumps(manifest).encode()
            target.writestr(item, data)
    with pytest.raises(BackupError, match="0000_older"):
        restore(empty_engine, tampered)
    with session_factory(empty_engine)() as session:
        # Nothing was loaded, not even the schema.
        assert not empty_engine.dialect.has_table(session.connection(), "action")


def test_command_line_backup_and_restore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    monkeypatch.setenv("DATABASE_URL", source)
    assert main(["init"]) == 0
    assert main(["backup", "--out", str(tmp_path / "b.zip")]) == 0
    monkeypatch.setenv("DATABASE_URL", target)
    assert main(["restore", str(tmp_path / "b.zip")]) == 0
    assert main(["restore", str(tmp_path / "b.zip")]) == 2
    assert main(["restore", str(tmp_path / "b.zip"), "--force"]) == 0
    with session_factory(make_engine(target))() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) is not None


def test_backup_reads_every_table_from_one_snapshot(engine: Engine) -> None:
    # A write landing while the backup runs must not show in the tables read after it.
    with engine.connect() as connection:
        _one_snapshot(connection)
        before = connection.scalar(select(func.count()).select_from(AuditEntry))
        with transaction(engine) as session:
            session.add(AuditEntry(event="create", note="kesken varmuuskopion"))
        assert connection.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_a_restore_moves_every_data_version_past_the_numbers_used(engine: Engine, tmp_path: Path) -> None:
    # Running processes cached figures under every counter value up to now; had the restore
    # brought back the backup's lower counters, the next saves would reuse numbers whose
    # cached figures are of the data the restore replaced.
    _fill(engine)
    path = tmp_path / "b.zip"
    backup(engine, path)
    with transaction(engine) as session:
        create_action(session, _coordinator(engine), valid_input(session, title="Backupin jälkeen"))
    with session_factory(engine)() as session:
        before = data_versions(session)
    restore(engine, path, force=True)
    with session_factory(engine)() as session:
        after = data_versions(session)
    assert all(after[domain] > before[domain] for domain in DOMAINS), (before, after)
    assert not [row for row in backup_content(path)["setting"] if is_version_key(row["key"])]


def test_a_restore_into_postgresql_leaves_the_planner_counting_the_rows(
    tmp_path: Path, empty_postgres: Engine
) -> None:
    # Unanalysed, PostgreSQL plans the freshly loaded tables as empty (reltuples -1) and the
    # report figures run as nested loops: seconds instead of milliseconds.
    source = make_engine(f"sqlite:///{tmp_path / 'town.db'}")
    _fill(source)
    backup(source, tmp_path / "b.zip")
    restore(empty_postgres, tmp_path / "b.zip")
    with empty_postgres.connect() as connection:
        counted = connection.scalar(text("SELECT reltuples FROM pg_class WHERE relname = 'action'"))
        actions = connection.scalar(text("SELECT count(*) FROM action"))
    assert actions > 100
    assert counted == actions
