"""Survey results on residents' experience of participation, per survey, year and group

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 00:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "experience_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey", sa.String(length=30), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("audience_group_id", sa.Integer(), nullable=True),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("respondents", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("agree_pct", sa.Float(), nullable=True),
        sa.Column("neutral_pct", sa.Float(), nullable=True),
        sa.Column("disagree_pct", sa.Float(), nullable=True),
        sa.Column("source_name", sa.String(length=300), nullable=False),
        sa.Column("source_url", sa.String(length=500), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "source IN ('manual', 'import', 'demo')", name=op.f("ck_experience_result_source_choice")
        ),
        sa.CheckConstraint(
            "survey IN ('thl_school_health', 'thl_wellbeing_region', 'city_survey')",
            name=op.f("ck_experience_result_survey_choice"),
        ),
        sa.CheckConstraint(
            "agree_pct IS NULL OR (agree_pct >= 0 AND agree_pct <= 100)",
            name=op.f("ck_experience_result_agree_range"),
        ),
        sa.CheckConstraint(
            "audience_group_id IS NULL OR area_id IS NULL", name=op.f("ck_experience_result_one_group")
        ),
        sa.CheckConstraint(
            "disagree_pct IS NULL OR (disagree_pct >= 0 AND disagree_pct <= 100)",
            name=op.f("ck_experience_result_disagree_range"),
        ),
        sa.CheckConstraint(
            "neutral_pct IS NULL OR (neutral_pct >= 0 AND neutral_pct <= 100)",
            name=op.f("ck_experience_result_neutral_range"),
        ),
        sa.CheckConstraint("respondents >= 1", name=op.f("ck_experience_result_respondents_positive")),
        sa.CheckConstraint(
            "score IS NOT NULL OR agree_pct IS NOT NULL",
            name=op.f("ck_experience_result_score_or_distribution"),
        ),
        sa.CheckConstraint(
            "score IS NULL OR (score >= 0 AND score <= 100)", name=op.f("ck_experience_result_score_range")
        ),
        sa.CheckConstraint("year BETWEEN 2000 AND 2100", name=op.f("ck_experience_result_year_range")),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_experience_result_area_id_area")),
        sa.ForeignKeyConstraint(
            ["audience_group_id"],
            ["audience_group.id"],
            name=op.f("fk_experience_result_audience_group_id_audience_group"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["app_user.id"], name=op.f("fk_experience_result_created_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"], ["app_user.id"], name=op.f("fk_experience_result_deleted_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["app_user.id"], name=op.f("fk_experience_result_updated_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experience_result")),
    )
    with op.batch_alter_table("experience_result", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_experience_result_area_id"), ["area_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_experience_result_audience_group_id"), ["audience_group_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_experience_result_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_experience_result_is_demo"), ["is_demo"], unique=False)
        batch_op.create_index(batch_op.f("ix_experience_result_year"), ["year"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("experience_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_experience_result_year"))
        batch_op.drop_index(batch_op.f("ix_experience_result_is_demo"))
        batch_op.drop_index(batch_op.f("ix_experience_result_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_experience_result_audience_group_id"))
        batch_op.drop_index(batch_op.f("ix_experience_result_area_id"))

    op.drop_table("experience_result")
