"""Session versions and password dates on users; the login throttle replaces login attempts

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 14:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.add_column(sa.Column("session_version", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("password_set_at", sa.DateTime(), nullable=True))
    # A password set before this release counts from the account's creation.
    op.execute("UPDATE app_user SET password_set_at = created_at")
    with op.batch_alter_table("app_user") as batch:
        batch.alter_column("password_set_at", existing_type=sa.DateTime(), nullable=False)

    op.create_table(
        "login_throttle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("lock_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_throttle")),
        sa.UniqueConstraint("username", "source", name=op.f("uq_login_throttle_username")),
    )
    # Its rows counted failures per username only; the throttle starts afresh.
    with op.batch_alter_table("login_attempt") as batch:
        batch.drop_index(batch.f("ix_login_attempt_username"))
        batch.drop_index(batch.f("ix_login_attempt_at"))
    op.drop_table("login_attempt")


def downgrade() -> None:
    op.create_table(
        "login_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempt")),
    )
    with op.batch_alter_table("login_attempt") as batch:
        batch.create_index(batch.f("ix_login_attempt_at"), ["at"], unique=False)
        batch.create_index(batch.f("ix_login_attempt_username"), ["username"], unique=False)
    op.drop_table("login_throttle")
    with op.batch_alter_table("app_user") as batch:
        batch.drop_column("password_set_at")
        batch.drop_column("session_version")
