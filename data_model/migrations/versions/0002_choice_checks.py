"""CHECK constraints on the fixed-choice columns; one population total per year

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 11:35:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported: a migration must keep meaning what it meant when written.
CHOICES = {
    "action": {
        "format": ("in_person", "online", "hybrid"),
        "source": ("manual", "import", "baseline", "demo"),
    },
    "app_user": {"role": ("department_head", "coordinator", "council")},
    "opportunity": {"statutory": ("statutory", "partly", "voluntary")},
    "swot_item": {"quadrant": ("strength", "weakness", "opportunity", "threat")},
    "responsibility": {
        "cadence": ("none", "semiannual", "annual", "council_term"),
        "evidence": ("department_report", "action", "programme_review", "none"),
    },
    "department": {"kind": ("department", "advocacy_body")},
    "audience_group": {"kind": ("age", "special")},
}


def upgrade() -> None:
    # Batch mode: SQLite adds a CHECK by copying the table; PostgreSQL alters it in place.
    for table, columns in CHOICES.items():
        with op.batch_alter_table(table) as batch:
            for column, choices in columns.items():
                listed = ", ".join(f"'{choice}'" for choice in choices)
                batch.create_check_constraint(op.f(f"ck_{table}_{column}_choice"), f"{column} IN ({listed})")
    op.create_index(
        "uq_population_total_year",
        "population_figure",
        ["year"],
        unique=True,
        sqlite_where=sa.text("audience_group_id IS NULL"),
        postgresql_where=sa.text("audience_group_id IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_population_total_year", table_name="population_figure")
    for table, columns in CHOICES.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.drop_constraint(op.f(f"ck_{table}_{column}_choice"), type_="check")
