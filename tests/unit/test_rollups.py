"""The monthly sums equal a rebuild from the raw rows after every kind of write: create, edit,
soft delete, restore, import, demo load and removal, backup and restore, the migration's fill,
and two writers at once on PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, Engine, inspect, select, update
from sqlalchemy.orm import Session

from data_model.backup import backup, backup_content, restore
from data_model.db import session_factory, transaction
from data_model.demo import load_demo, remove_demo
from data_model.imports import COLUMNS, import_actions, table_csv, template_headers
from data_model.models import (
    Action,
    ActionMonth,
    Area,
    AudienceGroup,
    Channel,
    LinkMonth,
    Opportunity,
    ParticipationForm,
    ReachMonth,
)
from data_model.permissions import CurrentUser
from data_model.rollups import KEY_COLUMNS, LINK_COLUMNS, SUM_COLUMNS, _bucket_sums, _group_sums, _link_sums
from data_model.schema import alembic_config, migrate
from data_model.services.actions import create_action, restore_action, soft_delete_action, update_action
from tests.factories import create_role_users
from tests.unit.action_inputs import valid_input

DEPARTMENTS = ("hyvinvointi", "kaupunkiymparisto")
GROUPS = ("youth_15_29", "working_age_30_64", "children_0_14", "foreign_language")
# (opportunity, forms, groups aimed at): what the link sums are kept per.
LINKS = (
    ("asukaskyselyt", ["suunnittelu"], ["youth_15_29"]),
    ("osallistuva_budjetointi", ["paatos", "toiminta"], ["youth_15_29", "children_0_14"]),
    (None, ["tieto"], []),
)


@pytest.fixture
def users(engine: Engine) -> dict[str, CurrentUser]:
    return create_role_users(engine)


def _stored(connection: Connection) -> tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any]]:
    months = ActionMonth.__table__
    keys = [months.c[name] for name in KEY_COLUMNS]
    stored = {}
    for row in connection.execute(select(*keys, *(months.c[name] for name in SUM_COLUMNS))):
        if row[4] == 0:
            # An emptied bucket keeps its row, all zeros.
            assert set(row[4:]) == {0}, row
            continue
        stored[tuple(row[:4])] = tuple(row[4:])
    groups = ReachMonth.__table__
    per_group = {
        tuple(row[:5]): tuple(row[5:])
        for row in connection.execute(
            select(
                *(groups.c[name] for name in (*KEY_COLUMNS, "audience_group_id", "participants", "actions"))
            )
        )
    }
    links = LinkMonth.__table__
    per_link = {
        tuple(row[:-1]): row[-1]
        for row in connection.execute(select(*(links.c[name] for name in LINK_COLUMNS)))
    }
    return stored, per_group, per_link


def _rebuilt(connection: Connection) -> tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any]]:
    per_group = {
        tuple(row[name] for name in (*KEY_COLUMNS, "audience_group_id")): (
            row["participants"],
            row["actions"],
        )
        for row in _group_sums(connection, [])
    }
    per_link = {
        tuple(row[name] for name in LINK_COLUMNS[:-1]): row["value"] for row in _link_sums(connection, [])
    }
    return _bucket_sums(connection, []), per_group, per_link


def assert_current(connection: Connection) -> None:
    stored, rebuilt = _stored(connection), _rebuilt(connection)
    assert stored[0] == rebuilt[0]
    assert stored[1] == rebuilt[1]
    assert stored[2] == rebuilt[2]


def _check(engine: Engine) -> None:
    with engine.connect() as connection:
        assert_current(connection)


def _areas(session: Session) -> list[int]:
    return list(session.scalars(select(Area.id).order_by(Area.id)))


def test_the_seeded_database_starts_with_current_sums(engine: Engine) -> None:
    with engine.connect() as connection:
        assert _stored(connection)[0], "the baseline actions are summed"
    _check(engine)


def test_every_kind_of_save_keeps_the_sums_current(engine: Engine, users: dict[str, CurrentUser]) -> None:
    coordinator = users["coordinator"]
    with transaction(engine) as session:
        area = _areas(session)[0]
        first = create_action(session, coordinator, valid_input(session)).id
        second = create_action(session, coordinator, valid_input(session, area_id=area)).id
    _check(engine)
    with transaction(engine) as session:
        # Moved to another department, month and area, with other counts: two buckets change.
        moved = valid_input(
            session,
            department="kaupunkiymparisto",
            start_date=date(2024, 11, 5),
            end_date=None,
            area_id=None,
            participants_total=None,
            reach={"foreign_language": 4, "children_0_14": 9},
            opportunity_code="vapaaehtoistyo",
            form_codes=["toiminta", "paatos"],
            intended_group_codes=["children_0_14", "working_age_30_64"],
        )
        update_action(session, coordinator, first, 1, moved)
    _check(engine)
    with transaction(engine) as session:
        soft_delete_action(session, coordinator, second)
    _check(engine)
    with transaction(engine) as session:
        restore_action(session, coordinator, second)
    _check(engine)
    with transaction(engine) as session:
        headers = template_headers(session)
        rows = [
            [
                {
                    COLUMNS["department"]: "hyvinvointi",
                    COLUMNS["title"]: f"Tuotu {n}",
                    COLUMNS["start_date"]: day,
                    COLUMNS["forms"]: "toiminta",
                    COLUMNS["participants_total"]: 10 + n,
                }.get(header, "")
                for header in headers
            ]
            for n, day in enumerate(("3.2.2025", "28.2.2025", "1.3.2025"))
        ]
        assert len(import_actions(session, coordinator, "tuonti.csv", table_csv(headers, rows))) == 3
    _check(engine)


def test_a_change_of_only_an_actions_links_keeps_the_link_sums_current(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    with transaction(engine) as session:
        action_id = create_action(session, users["coordinator"], valid_input(session)).id
    # Straight through the ORM, not the service (which also rewrites the reach rows): the
    # forms, the opportunity, the groups aimed at, the channels, the feedback and the end date
    # alone must refresh the bucket.
    for change in ("told", "ended", "forms", "opportunity", "aimed", "channels", "forms again"):
        with transaction(engine) as session:
            action = session.get_one(Action, action_id)
            if change == "forms":
                action.forms = list(
                    session.scalars(select(ParticipationForm).where(ParticipationForm.code == "toiminta"))
                )
            elif change == "channels":
                action.channels = list(session.scalars(select(Channel).where(Channel.code == "wilma")))
            elif change == "told":
                action.feedback_given = True
            elif change == "ended":
                action.feedback_given = False
                action.end_date = date(2025, 4, 30)
            elif change == "forms again":
                action.forms = list(
                    session.scalars(select(ParticipationForm).where(ParticipationForm.code == "paatos"))
                )
            elif change == "opportunity":
                action.opportunity = session.scalars(
                    select(Opportunity).where(Opportunity.code == "palautekanava")
                ).first()
            else:
                action.intended_groups = list(
                    session.scalars(select(AudienceGroup).where(AudienceGroup.code == "children_0_14"))
                )
        _check(engine)


def test_demo_load_and_removal_keep_the_sums_current(engine: Engine) -> None:
    with transaction(engine) as session:
        assert load_demo(session, date(2026, 11, 28)) > 0
    _check(engine)
    with transaction(engine) as session:
        remove_demo(session)
    _check(engine)


def test_a_backup_leaves_the_sums_out_and_a_restore_rebuilds_them(
    engine: Engine, users: dict[str, CurrentUser], tmp_path: Path
) -> None:
    with transaction(engine) as session:
        create_action(session, users["coordinator"], valid_input(session))
    archive = tmp_path / "varmuuskopio.zip"
    manifest = backup(engine, archive)
    assert "action_month" not in manifest["tables"] and "reach_month" not in manifest["tables"]
    with transaction(engine) as session:
        # Sums gone wrong before the restore must not survive it.
        session.execute(update(ActionMonth).values(actions=ActionMonth.actions + 7))
    restore(engine, archive, force=True)
    _check(engine)
    again = tmp_path / "uudelleen.zip"
    backup(engine, again)
    assert backup_content(again) == backup_content(archive)


def test_the_migration_fills_the_sums_from_the_rows_already_there(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    with transaction(engine) as session:
        create_action(session, users["coordinator"], valid_input(session))
    config = alembic_config(engine)
    with engine.connect() as connection, connection.begin():
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
    with engine.connect() as connection:
        assert not inspect(connection).has_table("action_month")
    migrate(engine)
    with engine.connect() as connection:
        assert len(_stored(connection)[0]) > 1
    _check(engine)


@contextmanager
def rolled_back(engine: Engine) -> Iterator[Session]:
    with session_factory(engine)() as session:
        try:
            yield session
        finally:
            session.rollback()


SAVES = st.lists(
    st.tuples(
        st.sampled_from(("create", "create", "edit", "delete", "restore")),
        st.integers(min_value=0, max_value=50),
        st.sampled_from(DEPARTMENTS),
        st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31)),
        st.one_of(st.none(), st.integers(min_value=0, max_value=300)),
        st.dictionaries(st.sampled_from(GROUPS), st.integers(min_value=0, max_value=200), max_size=3),
        st.booleans(),
        st.sampled_from(LINKS),
    ),
    min_size=1,
    max_size=8,
)


# Each example rolls its transaction back, so the function-scoped database is shared safely.
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(saves=SAVES)
def test_any_mix_of_saves_keeps_the_sums_current(
    engine: Engine, users: dict[str, CurrentUser], saves: list[tuple[Any, ...]]
) -> None:
    coordinator = users["coordinator"]
    with rolled_back(engine) as session:
        area = _areas(session)[0]
        made: list[int] = []
        for kind, pick, department, day, extra, reach, in_area, links in saves:
            # A total, when known, is at least every count (validation refuses less).
            total = None if extra is None else sum(reach.values()) + extra
            data = valid_input(
                session,
                department=department,
                start_date=day,
                end_date=None,
                participants_total=total,
                reach=reach,
                area_id=area if in_area else None,
                opportunity_code=links[0],
                form_codes=links[1],
                intended_group_codes=links[2],
            )
            if kind == "create" or not made:
                made.append(create_action(session, coordinator, data).id)
                continue
            action_id = made[pick % len(made)]
            if kind == "delete":
                soft_delete_action(session, coordinator, action_id)
            elif kind == "restore":
                restore_action(session, coordinator, action_id)
            else:
                action = restore_action(session, coordinator, action_id)
                update_action(session, coordinator, action_id, action.version, data)
            assert_current(session.connection())


def test_two_writers_to_one_bucket_lose_nothing(engine: Engine, users: dict[str, CurrentUser]) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time")
    coordinator = users["coordinator"]
    with transaction(engine) as session:
        create_action(session, coordinator, valid_input(session))  # the bucket's row exists
    first = session_factory(engine)()
    create_action(first, coordinator, valid_input(first, title="Ensimmäinen"))  # flushed: holds the bucket
    done = threading.Event()

    def second() -> None:
        with transaction(engine) as session:
            create_action(session, coordinator, valid_input(session, title="Toinen"))
        done.set()

    writer = threading.Thread(target=second)
    writer.start()
    time.sleep(1.0)
    assert not done.is_set(), "the second writer waits for the bucket"
    first.commit()
    first.close()
    writer.join(timeout=30)
    assert done.is_set()
    _check(engine)
