"""Programme editions: every programme item belongs to one, its code unique within it

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 17:20:00
"""

from collections.abc import Sequence
from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

from data_model.clock import utcnow

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported: a migration must keep meaning what it meant when written.
PER_EDITION = (
    "opportunity",
    "swot_item",
    "development_principle",
    "development_measure",
    "channel",
    "actor",
    "responsibility",
)
# The one edition every existing item belongs to (the city board, 16.10.2023 § 214).
FIRST = {
    "code": "osallistuva_heinola_2023_2025",
    "name_fi": "Osallistuva Heinola 2023–2025",
    "name_en": "Participatory Heinola 2023–2025",
    "period_start": date(2023, 1, 1),
    "period_end": date(2025, 12, 31),
    "approved_by": "city_board",
    "approved_on": date(2023, 10, 16),
    "approval_section": 214,
}


def upgrade() -> None:
    edition = op.create_table(
        "programme_edition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("name_fi", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("approved_by", sa.String(length=20), nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("approval_section", sa.Integer(), nullable=True),
        sa.Column("based_on_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("period_end >= period_start", name=op.f("ck_programme_edition_period_ordered")),
        sa.CheckConstraint(
            "approval_section IS NULL OR approval_section > 0", name=op.f("ck_programme_edition_section_positive")
        ),
        sa.CheckConstraint(
            "approved_by IN ('city_board', 'council')", name=op.f("ck_programme_edition_approved_by_choice")
        ),
        sa.ForeignKeyConstraint(
            ["based_on_id"],
            ["programme_edition.id"],
            name=op.f("fk_programme_edition_based_on_id_programme_edition"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_edition")),
        sa.UniqueConstraint("code", name=op.f("uq_programme_edition_code")),
    )
    assert edition is not None  # noqa: S101 - create_table returns the table it made
    bind = op.get_bind()
    # An empty database gets its edition from the seed (seed_data/programme/edition.yaml);
    # a database that already holds the programme gets the one edition it holds.
    holds_items = any(
        bind.scalar(sa.text(f"SELECT count(*) FROM {table}"))  # noqa: S608 - names written above
        for table in PER_EDITION
    )
    first_id = None
    if holds_items:
        now = utcnow()  # the one clock: naive UTC, as stored everywhere
        op.bulk_insert(edition, [{**FIRST, "created_at": now}])
        first_id = bind.scalar(sa.text("SELECT id FROM programme_edition WHERE code = :code"), FIRST)
    for table in PER_EDITION:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("edition_id", sa.Integer(), nullable=True))
        if first_id is not None:
            op.execute(sa.text(f"UPDATE {table} SET edition_id = :id").bindparams(id=first_id))  # noqa: S608
        with op.batch_alter_table(table) as batch:
            batch.alter_column("edition_id", existing_type=sa.Integer(), nullable=False)
            batch.drop_constraint(f"uq_{table}_code", type_="unique")
            batch.create_unique_constraint(f"uq_{table}_edition_id", ["edition_id", "code"])
            batch.create_foreign_key(
                f"fk_{table}_edition_id_programme_edition", "programme_edition", ["edition_id"], ["id"]
            )


def downgrade() -> None:
    # Only the first edition's items fit the old one-list schema: later editions' rows go.
    first = "(SELECT id FROM programme_edition WHERE code = 'osallistuva_heinola_2023_2025')"
    for table in reversed(PER_EDITION):
        op.execute(f"DELETE FROM {table} WHERE edition_id <> {first}")  # noqa: S608
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(f"fk_{table}_edition_id_programme_edition", type_="foreignkey")
            batch.drop_constraint(f"uq_{table}_edition_id", type_="unique")
            batch.create_unique_constraint(f"uq_{table}_code", ["code"])
            batch.drop_column("edition_id")
    op.drop_table("programme_edition")
