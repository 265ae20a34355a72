"""English versions of the programme texts that had only Finnish columns

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 14:25:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported: a migration must keep meaning what it meant when written.
NEW_COLUMNS = {
    "development_principle": ("description_en",),
    "opportunity": ("legal_basis_en",),
    "channel": ("goals_en", "content_en"),
}


def upgrade() -> None:
    # Empty, not NULL: the seed fills what it has; empty means "no English yet".
    for table, columns in NEW_COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.add_column(sa.Column(column, sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    for table, columns in NEW_COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.drop_column(column)
