"""Keeping the monthly sums (models/rollups.py: per bucket, per group, per link) equal to the raw rows, in the same transaction.

Every flush that inserts, changes or deletes an action or a reach row notes the buckets it
touched (the old and the new one when an edit moves an action); right after the flush those
buckets are recomputed from the raw rows. Recomputing rather than adding deltas keeps the rule
simple and self-correcting. Writes that bypass the ORM's unit of work (a bulk DELETE, a
restore) call `refresh_buckets` or `rebuild_rollups` themselves.

Two writers on PostgreSQL: each first makes sure its buckets' rows exist (INSERT … ON CONFLICT
DO NOTHING, which already waits for a writer that holds one of them), then locks them (SELECT …
FOR UPDATE, in key order so two writers cannot deadlock on them) and only then reads the raw
rows. The second writer waits for the first to commit and so reads its rows too: no update is
lost (tests/unit/test_rollups.py fails without the locking). SQLite has one writer at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Subquery,
    Table,
    bindparam,
    case,
    cast,
    delete,
    extract,
    func,
    literal,
    select,
    tuple_,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from .metrics.day_keys import day_key, month_after_of
from .metrics.feedback import planning_or_decision
from .metrics.reach import AGE, FOREIGN_LANGUAGE
from .metrics.trends import DIGITAL_FORMATS
from .models import Action, ActionMonth, ActionReach, AudienceGroup, LinkMonth, ReachMonth
from .models.actions import action_channel, action_form, action_intended_group
from .models.rollups import (
    AIMED,
    CHANNEL_GROUP,
    FEEDBACK,
    FORM_ACTIONS,
    GROUP_OPPORTUNITY,
    NO_AREA,
    NO_OPPORTUNITY,
    OPPORTUNITY_USE,
    UNTOLD,
)


def cast_table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


Key = tuple[int, int, int, int]  # department_id, area_key, year, month
KEY_COLUMNS = ("department_id", "area_key", "year", "month")
SUM_COLUMNS = (
    "actions",
    "actions_with_total",
    "participants_total",
    "actions_with_age",
    "age_denominator",
    "age_recorded",
    "foreign_denominator",
    "digital_actions",
)
# Keys per statement: well inside SQLite's limit on bound parameters.
CHUNK = 500
_MONTHS = cast_table(ActionMonth)
_GROUPS = cast_table(ReachMonth)
_LINKS = cast_table(LinkMonth)
LINK_COLUMNS = (*KEY_COLUMNS, "kind", "a", "b", "value")


def key_of(department_id: int, area_id: int | None, start: date) -> Key:
    return (department_id, area_id if area_id is not None else NO_AREA, start.year, start.month)


def _bucket_of_action() -> tuple[ColumnElement[Any], ...]:
    return (
        Action.department_id.label("department_id"),
        func.coalesce(Action.area_id, NO_AREA).label("area_key"),
        cast(extract("year", Action.start_date), Integer).label("year"),
        cast(extract("month", Action.start_date), Integer).label("month"),
    )


def _live(conditions: list[ColumnElement[bool]]) -> list[ColumnElement[bool]]:
    return [Action.deleted_at.is_(None), *conditions]


def _per_action(conditions: list[ColumnElement[bool]]) -> Subquery:
    """Per live action: its bucket, total, format and the age-band and foreign-language counts
    its size is judged by (the rule of metrics.reach.action_sizes)."""
    age = AudienceGroup.kind == AGE
    return (
        select(
            Action.id,
            *_bucket_of_action(),
            Action.participants_total,
            Action.format,
            func.coalesce(func.sum(case((age, ActionReach.count), else_=0)), 0).label("age_sum"),
            func.count(case((age, 1))).label("age_rows"),
            func.coalesce(
                func.max(case((AudienceGroup.code == FOREIGN_LANGUAGE, ActionReach.count))), -1
            ).label("foreign"),
        )
        .outerjoin(ActionReach, ActionReach.action_id == Action.id)
        .outerjoin(AudienceGroup, AudienceGroup.id == ActionReach.audience_group_id)
        .where(*_live(conditions))
        .group_by(Action.id)
        .subquery()
    )


def _bucket_sums(connection: Connection, conditions: list[ColumnElement[bool]]) -> dict[Key, tuple[int, ...]]:
    each = _per_action(conditions)
    size = case(
        (each.c.participants_total >= each.c.age_sum, each.c.participants_total), else_=each.c.age_sum
    )
    with_age = each.c.age_rows > 0
    foreign_size = case((size >= each.c.foreign, size), else_=each.c.foreign)
    keys = [each.c[name] for name in KEY_COLUMNS]
    rows = connection.execute(
        select(
            *keys,
            func.count(),
            func.count(each.c.participants_total),
            func.coalesce(func.sum(each.c.participants_total), 0),
            func.count(case((with_age, 1))),
            func.coalesce(func.sum(case((with_age, size), else_=0)), 0),
            func.coalesce(func.sum(each.c.age_sum), 0),
            func.coalesce(func.sum(case((each.c.foreign >= 0, foreign_size), else_=0)), 0),
            func.count(case((each.c.format.in_(DIGITAL_FORMATS), 1))),
        ).group_by(*keys)
    ).all()
    return {tuple(int(v) for v in row[:4]): tuple(int(v or 0) for v in row[4:]) for row in rows}  # type: ignore[misc]


def _group_sums(connection: Connection, conditions: list[ColumnElement[bool]]) -> list[dict[str, int]]:
    bucket = _bucket_of_action()
    rows = connection.execute(
        select(*bucket, ActionReach.audience_group_id, func.sum(ActionReach.count), func.count())
        .join(Action, Action.id == ActionReach.action_id)
        .where(*_live(conditions))
        .group_by(*bucket, ActionReach.audience_group_id)
    ).all()
    names = (*KEY_COLUMNS, "audience_group_id", "participants", "actions")
    return [dict(zip(names, (int(v or 0) for v in row), strict=True)) for row in rows]


def _link_sums(connection: Connection, conditions: list[ColumnElement[bool]]) -> list[dict[str, Any]]:
    """Per bucket, the LinkMonth rows (models/rollups.py says what each kind counts)."""
    bucket = _bucket_of_action()
    opportunity = func.coalesce(Action.opportunity_id, NO_OPPORTUNITY)
    forms = (
        select(*bucket, literal(FORM_ACTIONS), action_form.c.participation_form_id, literal(0), func.count())
        .join(action_form, action_form.c.action_id == Action.id)
        .where(*_live(conditions))
        .group_by(*bucket, action_form.c.participation_form_id)
    )
    by_opportunity = (
        select(
            *bucket,
            literal(GROUP_OPPORTUNITY),
            ActionReach.audience_group_id,
            Action.opportunity_id,
            func.coalesce(func.sum(ActionReach.count), 0),
        )
        .join(ActionReach, ActionReach.action_id == Action.id)
        .where(*_live(conditions), Action.opportunity_id.is_not(None))
        .group_by(*bucket, ActionReach.audience_group_id, Action.opportunity_id)
    )
    aimed = (
        select(*bucket, literal(AIMED), action_intended_group.c.audience_group_id, opportunity, func.count())
        .join(action_intended_group, action_intended_group.c.action_id == Action.id)
        .where(*_live(conditions))
        .group_by(*bucket, action_intended_group.c.audience_group_id, opportunity)
    )
    by_channel = (
        select(
            *bucket,
            literal(CHANNEL_GROUP),
            action_channel.c.channel_id,
            ActionReach.audience_group_id,
            func.coalesce(func.sum(ActionReach.count), 0),
        )
        .join(action_channel, action_channel.c.action_id == Action.id)
        .join(ActionReach, ActionReach.action_id == Action.id)
        .where(*_live(conditions))
        .group_by(*bucket, action_channel.c.channel_id, ActionReach.audience_group_id)
    )
    told = cast(Action.feedback_given, Integer)
    feedback = (
        select(*bucket, literal(FEEDBACK), told, literal(0), func.count())
        .where(*_live(conditions), planning_or_decision())
        .group_by(*bucket, told)
    )
    # One expression for the SELECT and the GROUP BY: PostgreSQL matches them by their bound
    # parameters too.
    closes = day_key(func.coalesce(Action.end_date, Action.start_date))
    untold = (
        select(*bucket, literal(UNTOLD), closes, literal(0), func.count())
        .where(*_live(conditions), planning_or_decision(), Action.feedback_given.is_(False))
        .group_by(*bucket, closes)
    )
    used = (
        select(
            *bucket, literal(OPPORTUNITY_USE), opportunity, day_key(func.max(Action.start_date)), func.count()
        )
        .where(*_live(conditions))
        .group_by(*bucket, opportunity)
    )
    statements = (forms, by_opportunity, aimed, by_channel, feedback, untold, used)
    rows = connection.execute(union_all(*statements)).all()
    return [
        {
            name: (value if name == "kind" else int(value or 0))
            for name, value in zip(LINK_COLUMNS, row, strict=True)
        }
        for row in rows
    ]


def _covering(keys: list[Key]) -> list[ColumnElement[bool]]:
    """Conditions on the raw rows that take in every bucket of `keys` (and maybe a few more,
    dropped afterwards), using the department and start-date indexes."""
    first = min((year, month) for _, _, year, month in keys)
    last = max((year, month) for _, _, year, month in keys)
    return [
        Action.department_id.in_(sorted({key[0] for key in keys})),
        Action.start_date >= date(first[0], first[1], 1),
        Action.start_date < month_after_of(date(*last, 1)),
    ]


def _insert(connection: Connection) -> Any:
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(_MONTHS)


def _lock(connection: Connection, keys: list[Key]) -> None:
    """Make sure each bucket has its row, then hold it until commit (PostgreSQL)."""
    table = _MONTHS
    zeros = dict.fromkeys(SUM_COLUMNS, 0)
    rows = [dict(zip(KEY_COLUMNS, key, strict=True)) | zeros for key in keys]
    connection.execute(_insert(connection).on_conflict_do_nothing(), rows)
    if connection.dialect.name == "postgresql":
        columns = [table.c[name] for name in KEY_COLUMNS]
        connection.execute(
            select(*columns).where(tuple_(*columns).in_(keys)).order_by(*columns).with_for_update()
        )


def _write(connection: Connection, keys: list[Key]) -> None:
    sums = _bucket_sums(connection, _covering(keys))
    table = _MONTHS
    zeros = (0,) * len(SUM_COLUMNS)
    connection.execute(
        update(table)
        .where(*(table.c[name] == bindparam(f"key_{name}") for name in KEY_COLUMNS))
        .values({name: bindparam(f"new_{name}") for name in SUM_COLUMNS}),
        [
            {f"key_{n}": v for n, v in zip(KEY_COLUMNS, key, strict=True)}
            | {f"new_{n}": v for n, v in zip(SUM_COLUMNS, sums.get(key, zeros), strict=True)}
            for key in keys
        ],
    )
    groups = _GROUPS
    columns = [groups.c[name] for name in KEY_COLUMNS]
    connection.execute(delete(groups).where(tuple_(*columns).in_(keys)))
    wanted = set(keys)
    rows = [row for row in _group_sums(connection, _covering(keys)) if _key(row) in wanted]
    if rows:
        connection.execute(groups.insert(), rows)
    links = _LINKS
    connection.execute(delete(links).where(tuple_(*(links.c[name] for name in KEY_COLUMNS)).in_(keys)))
    link_rows = [row for row in _link_sums(connection, _covering(keys)) if _key(row) in wanted]
    if link_rows:
        connection.execute(links.insert(), link_rows)


def _key(row: dict[str, Any]) -> Key:
    return (row["department_id"], row["area_key"], row["year"], row["month"])


def refresh_buckets(connection: Connection, keys: Iterable[Key]) -> None:
    """Recompute the buckets `keys` from the raw rows (a no-op for none)."""
    ordered = sorted(set(keys))
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        _lock(connection, chunk)
        _write(connection, chunk)


def rebuild_rollups(connection: Connection) -> None:
    """Throw the sums away and compute them all again (after a restore or a migration)."""
    connection.execute(delete(_LINKS))
    connection.execute(delete(_GROUPS))
    connection.execute(delete(_MONTHS))
    sums = _bucket_sums(connection, [])
    rows = [
        dict(zip(KEY_COLUMNS, key, strict=True)) | dict(zip(SUM_COLUMNS, values, strict=True))
        for key, values in sums.items()
    ]
    if rows:
        connection.execute(_MONTHS.insert(), rows)
    groups = _group_sums(connection, [])
    if groups:
        connection.execute(_GROUPS.insert(), groups)
    links = _link_sums(connection, [])
    if links:
        connection.execute(_LINKS.insert(), links)


def buckets_of(connection: Connection, condition: ColumnElement[bool]) -> set[Key]:
    """The buckets of the actions matching `condition` (live or not), e.g. before a bulk delete."""
    rows = connection.execute(select(*_bucket_of_action()).where(condition).distinct()).all()
    return {(int(a), int(b), int(c), int(d)) for a, b, c, d in rows}
