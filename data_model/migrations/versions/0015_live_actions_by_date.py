"""An index for the actions lists (newest live actions first): they sorted every live action
on each read

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 04:15:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_action_live_by_date", "action", ["deleted_at", "start_date", "id"])


def downgrade() -> None:
    op.drop_index("ix_action_live_by_date", table_name="action")
