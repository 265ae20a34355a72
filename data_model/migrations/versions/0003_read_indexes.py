"""Indexes for the columns the dashboard filters and joins on: the action's area, the target
side of each action link table, and the audience group of a reach row

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 14:25:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (index, table, column), written out: a migration keeps meaning what it meant when written.
INDEXES = (
    ("ix_action_area_id", "action", "area_id"),
    ("ix_action_reach_audience_group_id", "action_reach", "audience_group_id"),
    ("ix_action_form_participation_form_id", "action_form", "participation_form_id"),
    ("ix_action_channel_channel_id", "action_channel", "channel_id"),
    ("ix_action_measure_development_measure_id", "action_measure", "development_measure_id"),
    ("ix_action_intended_group_audience_group_id", "action_intended_group", "audience_group_id"),
)


def upgrade() -> None:
    for name, table, column in INDEXES:
        op.create_index(name, table, [column])


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
