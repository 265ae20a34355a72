"""Monthly sums of the live actions per department × area × month (and per audience group),
kept current by every save, filled here from the rows already there

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 00:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported: a migration must keep meaning what it meant when written.
SUMS = (
    "actions",
    "actions_with_total",
    "participants_total",
    "actions_with_age",
    "age_denominator",
    "age_recorded",
    "foreign_denominator",
    "digital_actions",
)
KEYS = ("department_id", "area_key", "year", "month")
DIGITAL_FORMATS = ("online", "hybrid")
FOREIGN_LANGUAGE = "foreign_language"

action = sa.table(
    "action",
    sa.column("id", sa.Integer),
    sa.column("department_id", sa.Integer),
    sa.column("area_id", sa.Integer),
    sa.column("start_date", sa.Date),
    sa.column("participants_total", sa.Integer),
    sa.column("format", sa.String),
    sa.column("deleted_at", sa.DateTime),
)
reach = sa.table(
    "action_reach",
    sa.column("action_id", sa.Integer),
    sa.column("audience_group_id", sa.Integer),
    sa.column("count", sa.Integer),
)
group = sa.table("audience_group", sa.column("id", sa.Integer), sa.column("kind", sa.String), sa.column("code", sa.String))


def _bucket() -> list[sa.ColumnElement[int]]:
    return [
        action.c.department_id.label("department_id"),
        sa.func.coalesce(action.c.area_id, 0).label("area_key"),
        sa.cast(sa.extract("year", action.c.start_date), sa.Integer).label("year"),
        sa.cast(sa.extract("month", action.c.start_date), sa.Integer).label("month"),
    ]


def _key_columns(table: str) -> list[sa.Column[int]]:
    return [
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("area_key", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name=op.f(f"ck_{table}_month_range")),
        sa.CheckConstraint("area_key >= 0", name=op.f(f"ck_{table}_area_key_nonneg")),
    ]


def _fill() -> None:
    """Each live action's size by the rule of metrics/reach.py, summed per bucket."""
    age = group.c.kind == "age"
    each = (
        sa.select(
            action.c.id,
            *_bucket(),
            action.c.participants_total,
            action.c.format,
            sa.func.coalesce(sa.func.sum(sa.case((age, reach.c.count), else_=0)), 0).label("age_sum"),
            sa.func.count(sa.case((age, 1))).label("age_rows"),
            sa.func.coalesce(
                sa.func.max(sa.case((group.c.code == FOREIGN_LANGUAGE, reach.c.count))), -1
            ).label("foreign"),
        )
        .select_from(action)
        .outerjoin(reach, reach.c.action_id == action.c.id)
        .outerjoin(group, group.c.id == reach.c.audience_group_id)
        .where(action.c.deleted_at.is_(None))
        .group_by(action.c.id)
        .subquery()
    )
    size = sa.case((each.c.participants_total >= each.c.age_sum, each.c.participants_total), else_=each.c.age_sum)
    with_age = each.c.age_rows > 0
    foreign_size = sa.case((size >= each.c.foreign, size), else_=each.c.foreign)
    keys = [each.c[name] for name in KEYS]
    sums = sa.select(
        *keys,
        sa.func.count(),
        sa.func.count(each.c.participants_total),
        sa.func.coalesce(sa.func.sum(each.c.participants_total), 0),
        sa.func.count(sa.case((with_age, 1))),
        sa.func.coalesce(sa.func.sum(sa.case((with_age, size), else_=0)), 0),
        sa.func.coalesce(sa.func.sum(each.c.age_sum), 0),
        sa.func.coalesce(sa.func.sum(sa.case((each.c.foreign >= 0, foreign_size), else_=0)), 0),
        sa.func.count(sa.case((each.c.format.in_(DIGITAL_FORMATS), 1))),
    ).group_by(*keys)
    months = sa.table("action_month", *(sa.column(name, sa.Integer) for name in (*KEYS, *SUMS)))
    op.execute(months.insert().from_select([*KEYS, *SUMS], sums))
    bucket = _bucket()
    per_group = (
        sa.select(*bucket, reach.c.audience_group_id, sa.func.sum(reach.c.count), sa.func.count())
        .select_from(reach)
        .join(action, action.c.id == reach.c.action_id)
        .where(action.c.deleted_at.is_(None))
        .group_by(*bucket, reach.c.audience_group_id)
    )
    names = (*KEYS, "audience_group_id", "participants", "actions")
    groups = sa.table("reach_month", *(sa.column(name, sa.Integer) for name in names))
    op.execute(groups.insert().from_select(list(names), per_group))


def upgrade() -> None:
    op.create_table(
        "action_month",
        *_key_columns("action_month"),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in SUMS),
        sa.CheckConstraint(
            "actions >= 0 AND actions_with_total >= 0 AND participants_total >= 0 AND actions_with_age >= 0"
            " AND age_denominator >= 0 AND age_recorded >= 0 AND foreign_denominator >= 0"
            " AND digital_actions >= 0",
            name=op.f("ck_action_month_sums_nonneg"),
        ),
        sa.CheckConstraint(
            "actions_with_total <= actions AND actions_with_age <= actions AND digital_actions <= actions",
            name=op.f("ck_action_month_counts_within_actions"),
        ),
        sa.PrimaryKeyConstraint(*KEYS, name=op.f("pk_action_month")),
    )
    op.create_table(
        "reach_month",
        *_key_columns("reach_month"),
        sa.Column("audience_group_id", sa.Integer(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("actions", sa.Integer(), nullable=False),
        sa.CheckConstraint("participants >= 0 AND actions > 0", name=op.f("ck_reach_month_sums_valid")),
        sa.PrimaryKeyConstraint(*KEYS, "audience_group_id", name=op.f("pk_reach_month")),
    )
    _fill()


def downgrade() -> None:
    op.drop_table("reach_month")
    op.drop_table("action_month")
