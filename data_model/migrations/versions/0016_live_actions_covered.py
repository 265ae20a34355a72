"""A covering index for the readers that group every live action up to a day by its
opportunity or department (the catalogue's use, the duties' evidence, the unused
opportunities): they read each action's row for two columns

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 11:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ["deleted_at", "start_date", "opportunity_id", "department_id"]


def upgrade() -> None:
    op.create_index("ix_action_live_by_date_covered", "action", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_action_live_by_date_covered", table_name="action")
