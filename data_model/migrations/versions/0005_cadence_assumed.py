"""Whether a duty's cadence is the programme's or the city's assumption

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 14:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The one duty whose cadence the programme states ("valtuustokausittain", p. 15), written out.
STATED = ("kh_hyvaksyy_ja_seuraa",)


def upgrade() -> None:
    op.add_column(
        "responsibility",
        sa.Column("cadence_assumed", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    responsibility = sa.table("responsibility", sa.column("code", sa.String), sa.column("cadence_assumed", sa.Boolean))
    op.execute(
        responsibility.update().where(responsibility.c.code.in_(STATED)).values(cadence_assumed=False)
    )


def downgrade() -> None:
    with op.batch_alter_table("responsibility") as batch:
        batch.drop_column("cadence_assumed")
