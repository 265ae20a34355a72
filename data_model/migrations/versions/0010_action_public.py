"""Whether a department chose to publish an action's summary in the public view

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 00:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing actions stay private: publishing is a department's explicit choice.
    with op.batch_alter_table("action") as batch:
        batch.add_column(sa.Column("is_public", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.create_index(batch.f("ix_action_is_public"), ["is_public"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("action") as batch:
        batch.drop_index(batch.f("ix_action_is_public"))
        batch.drop_column("is_public")
