"""Municipal initiatives (kuntalaisaloitteet, KL 23 §)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 17:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INITIATOR_KINDS = ("resident", "residents", "association", "business", "youth_council", "advocacy_body", "other")
SOURCES = ("manual", "demo")


def _one_of(column: str, choices: tuple[str, ...]) -> sa.CheckConstraint:
    listed = ", ".join(f"'{choice}'" for choice in choices)
    return sa.CheckConstraint(f"{column} IN ({listed})", name=op.f(f"ck_initiative_{column}_choice"))


def upgrade() -> None:
    op.create_table(
        "initiative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("received_date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("initiator_kind", sa.String(length=20), nullable=False),
        sa.Column("signatories", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("council_competence", sa.Boolean(), nullable=False),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("decision_ref", sa.String(length=120), nullable=False),
        sa.Column("led_to_action", sa.Boolean(), nullable=True),
        sa.Column("told_date", sa.Date(), nullable=True),
        sa.Column("told_method", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("external_ref", sa.String(length=80), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _one_of("initiator_kind", INITIATOR_KINDS),
        _one_of("source", SOURCES),
        sa.CheckConstraint("signatories >= 1", name=op.f("ck_initiative_signatories_positive")),
        sa.CheckConstraint(
            "decision_date IS NULL OR decision_date >= received_date",
            name=op.f("ck_initiative_decision_after_received"),
        ),
        sa.CheckConstraint(
            "told_date IS NULL OR told_date >= received_date", name=op.f("ck_initiative_told_after_received")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["app_user.id"], name=op.f("fk_initiative_created_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"], ["app_user.id"], name=op.f("fk_initiative_deleted_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_initiative_department_id_department")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["app_user.id"], name=op.f("fk_initiative_updated_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative")),
        sa.UniqueConstraint("external_ref", name=op.f("uq_initiative_external_ref")),
    )
    with op.batch_alter_table("initiative") as batch:
        batch.create_index(batch.f("ix_initiative_received_date"), ["received_date"], unique=False)
        batch.create_index(batch.f("ix_initiative_department_id"), ["department_id"], unique=False)
        batch.create_index(batch.f("ix_initiative_is_demo"), ["is_demo"], unique=False)
        batch.create_index(batch.f("ix_initiative_deleted_at"), ["deleted_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("initiative") as batch:
        batch.drop_index(batch.f("ix_initiative_deleted_at"))
        batch.drop_index(batch.f("ix_initiative_is_demo"))
        batch.drop_index(batch.f("ix_initiative_department_id"))
        batch.drop_index(batch.f("ix_initiative_received_date"))
    op.drop_table("initiative")
