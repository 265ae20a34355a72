"""Demo targets are marked, so `demo --remove` takes them away with the rest of the demo

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Targets recorded so far are real: only the demo loader marks one.
    with op.batch_alter_table("target") as batch:
        batch.add_column(sa.Column("is_demo", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("target") as batch:
        batch.drop_column("is_demo")
