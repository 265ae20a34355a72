"""Each opportunity's use per department × area × month (its actions and the newest start
day), kept in link_month as kind 'ou' by every save and filled here: the catalogue's use and
the duties' evidence add months up instead of reading every action

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 14:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported: a migration must keep meaning what it meant when written.
COLUMNS = ("department_id", "area_key", "year", "month", "kind", "a", "b", "value")
BEFORE = "kind IN ('f', 'go', 'ai', 'cg', 'fb', 'ut')"
AFTER = "kind IN ('f', 'go', 'ai', 'cg', 'fb', 'ut', 'ou')"
CHECK = "ck_link_month_kind_known"

action = sa.table(
    "action",
    sa.column("department_id", sa.Integer),
    sa.column("area_id", sa.Integer),
    sa.column("start_date", sa.Date),
    sa.column("opportunity_id", sa.Integer),
    sa.column("deleted_at", sa.DateTime),
)
links = sa.table("link_month", *(sa.column(name) for name in COLUMNS))


def _key(day: sa.ColumnElement[object], part: str) -> sa.ColumnElement[int]:
    return sa.cast(sa.extract(part, day), sa.Integer)


def _check(condition: str) -> None:
    with op.batch_alter_table("link_month") as batch:
        batch.drop_constraint(op.f(CHECK), type_="check")
        batch.create_check_constraint(op.f(CHECK), condition)


def upgrade() -> None:
    _check(AFTER)
    start = action.c.start_date
    bucket = [
        action.c.department_id,
        sa.func.coalesce(action.c.area_id, 0),
        _key(start, "year"),
        _key(start, "month"),
    ]
    opportunity = sa.func.coalesce(action.c.opportunity_id, 0)
    newest = sa.func.max(start)
    newest_key = sa.cast(
        _key(newest, "year") * 10000 + _key(newest, "month") * 100 + _key(newest, "day"), sa.Integer
    )
    used = (
        sa.select(*bucket, sa.literal("ou"), opportunity, newest_key, sa.func.count())
        .where(action.c.deleted_at.is_(None))
        .group_by(*bucket, opportunity)
    )
    op.execute(links.insert().from_select(list(COLUMNS), used))


def downgrade() -> None:
    op.execute(links.delete().where(links.c.kind == "ou"))
    _check(BEFORE)
