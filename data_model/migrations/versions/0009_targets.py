"""Targets for the figures the dashboard computes, with their decision and status

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 17:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("figure", sa.String(length=60), nullable=False),
        sa.Column("subject", sa.String(length=80), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("target_value", sa.Float(), nullable=False),
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("set_by", sa.String(length=20), nullable=False),
        sa.Column("decision", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("direction IN ('at_least', 'at_most')", name=op.f("ck_target_direction_choice")),
        sa.CheckConstraint(
            "set_by IN ('council', 'city_board', 'department')", name=op.f("ck_target_set_by_choice")
        ),
        sa.CheckConstraint(
            "status IN ('proposed', 'accepted', 'declined', 'retired')", name=op.f("ck_target_status_choice")
        ),
        sa.CheckConstraint("period_end > period_start", name=op.f("ck_target_period_order")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["app_user.id"], name=op.f("fk_target_created_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_target_department_id_department")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target")),
    )
    with op.batch_alter_table("target") as batch:
        batch.create_index(batch.f("ix_target_department_id"), ["department_id"], unique=False)
        batch.create_index(batch.f("ix_target_figure"), ["figure"], unique=False)
        batch.create_index(batch.f("ix_target_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("target") as batch:
        batch.drop_index(batch.f("ix_target_status"))
        batch.drop_index(batch.f("ix_target_figure"))
        batch.drop_index(batch.f("ix_target_department_id"))
    op.drop_table("target")
