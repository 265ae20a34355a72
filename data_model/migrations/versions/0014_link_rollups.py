"""Monthly sums over the actions' links (forms; opportunity × group reached; groups aimed at ×
opportunity; channel × group reached) and the feedback loop's counts per department × area × month, kept current by
every save, filled here

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 03:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported: a migration must keep meaning what it meant when written.
KEYS = ("department_id", "area_key", "year", "month")
COLUMNS = (*KEYS, "kind", "a", "b", "value")

action = sa.table(
    "action",
    sa.column("id", sa.Integer),
    sa.column("department_id", sa.Integer),
    sa.column("area_id", sa.Integer),
    sa.column("start_date", sa.Date),
    sa.column("opportunity_id", sa.Integer),
    sa.column("end_date", sa.Date),
    sa.column("feedback_given", sa.Boolean),
    sa.column("deleted_at", sa.DateTime),
)
reach = sa.table(
    "action_reach",
    sa.column("action_id", sa.Integer),
    sa.column("audience_group_id", sa.Integer),
    sa.column("count", sa.Integer),
)
form = sa.table("action_form", sa.column("action_id", sa.Integer), sa.column("participation_form_id", sa.Integer))
participation_form = sa.table("participation_form", sa.column("id", sa.Integer), sa.column("code", sa.String))
FEEDBACK_FORMS = ("suunnittelu", "paatos")
channel = sa.table("action_channel", sa.column("action_id", sa.Integer), sa.column("channel_id", sa.Integer))
aimed_at = sa.table(
    "action_intended_group", sa.column("action_id", sa.Integer), sa.column("audience_group_id", sa.Integer)
)


def _bucket() -> list[sa.ColumnElement[int]]:
    return [
        action.c.department_id.label("department_id"),
        sa.func.coalesce(action.c.area_id, 0).label("area_key"),
        sa.cast(sa.extract("year", action.c.start_date), sa.Integer).label("year"),
        sa.cast(sa.extract("month", action.c.start_date), sa.Integer).label("month"),
    ]


def _fill() -> None:
    bucket = _bucket()
    live = action.c.deleted_at.is_(None)
    opportunity = sa.func.coalesce(action.c.opportunity_id, 0)
    forms = (
        sa.select(*bucket, sa.literal("f"), form.c.participation_form_id, sa.literal(0), sa.func.count())
        .select_from(action)
        .join(form, form.c.action_id == action.c.id)
        .where(live)
        .group_by(*bucket, form.c.participation_form_id)
    )
    by_opportunity = (
        sa.select(
            *bucket,
            sa.literal("go"),
            reach.c.audience_group_id,
            action.c.opportunity_id,
            sa.func.coalesce(sa.func.sum(reach.c.count), 0),
        )
        .select_from(action)
        .join(reach, reach.c.action_id == action.c.id)
        .where(live, action.c.opportunity_id.is_not(None))
        .group_by(*bucket, reach.c.audience_group_id, action.c.opportunity_id)
    )
    aimed = (
        sa.select(*bucket, sa.literal("ai"), aimed_at.c.audience_group_id, opportunity, sa.func.count())
        .select_from(action)
        .join(aimed_at, aimed_at.c.action_id == action.c.id)
        .where(live)
        .group_by(*bucket, aimed_at.c.audience_group_id, opportunity)
    )
    by_channel = (
        sa.select(
            *bucket,
            sa.literal("cg"),
            channel.c.channel_id,
            reach.c.audience_group_id,
            sa.func.coalesce(sa.func.sum(reach.c.count), 0),
        )
        .select_from(action)
        .join(channel, channel.c.action_id == action.c.id)
        .join(reach, reach.c.action_id == action.c.id)
        .where(live)
        .group_by(*bucket, channel.c.channel_id, reach.c.audience_group_id)
    )
    planning_or_decision = action.c.id.in_(
        sa.select(form.c.action_id)
        .join(participation_form, participation_form.c.id == form.c.participation_form_id)
        .where(participation_form.c.code.in_(FEEDBACK_FORMS))
    )
    told = sa.cast(action.c.feedback_given, sa.Integer)
    feedback = (
        sa.select(*bucket, sa.literal("fb"), told, sa.literal(0), sa.func.count())
        .select_from(action)
        .where(live, planning_or_decision)
        .group_by(*bucket, told)
    )
    closed = sa.func.coalesce(action.c.end_date, action.c.start_date)
    day = sa.cast(
        sa.cast(sa.extract("year", closed), sa.Integer) * 10000
        + sa.cast(sa.extract("month", closed), sa.Integer) * 100
        + sa.cast(sa.extract("day", closed), sa.Integer),
        sa.Integer,
    )
    untold = (
        sa.select(*bucket, sa.literal("ut"), day, sa.literal(0), sa.func.count())
        .select_from(action)
        .where(live, planning_or_decision, action.c.feedback_given.is_(False))
        .group_by(*bucket, day)
    )
    links = sa.table("link_month", *(sa.column(name) for name in COLUMNS))
    op.execute(
        links.insert().from_select(list(COLUMNS), sa.union_all(forms, by_opportunity, aimed, by_channel, feedback, untold))
    )


def upgrade() -> None:
    op.create_table(
        "link_month",
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("area_key", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=2), nullable=False),
        sa.Column("a", sa.Integer(), nullable=False),
        sa.Column("b", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name=op.f("ck_link_month_month_range")),
        sa.CheckConstraint("area_key >= 0", name=op.f("ck_link_month_area_key_nonneg")),
        sa.CheckConstraint("value >= 0", name=op.f("ck_link_month_value_nonneg")),
        sa.CheckConstraint("kind IN ('f', 'go', 'ai', 'cg', 'fb', 'ut')", name=op.f("ck_link_month_kind_known")),
        sa.PrimaryKeyConstraint(*KEYS, "kind", "a", "b", name=op.f("pk_link_month")),
    )
    _fill()


def downgrade() -> None:
    op.drop_table("link_month")
