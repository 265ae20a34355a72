"""Monthly sums of the live actions, kept current in the transaction of every save.

A bucket is one department × area × calendar month (of the action's start date). The report
figures add buckets up instead of reading every action, so they no longer grow with the data.
Both tables are derived: data_model/rollups.py recomputes a bucket from the raw rows whenever
a save touches it, a backup leaves them out and a restore rebuilds them. A bucket whose actions
are all gone keeps a row of zeros (deleting it could lose a concurrent writer's update).
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

# No foreign keys to department, area or audience group: the tables are rebuilt from the actions, never the
# other way round, and a restore fills them after every other table.
DERIVED = {"info": {"derived": True}}
# area_key 0: the action names no area (a key column cannot be NULL).
NO_AREA = 0


def _bucket_checks() -> tuple[CheckConstraint, ...]:
    return (
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint("area_key >= 0", name="area_key_nonneg"),
    )


class ActionMonth(Base):
    """Per bucket: the live actions and the per-action sums reach.py and trends.py add up."""

    __tablename__ = "action_month"
    __table_args__ = (
        *_bucket_checks(),
        CheckConstraint(
            "actions >= 0 AND actions_with_total >= 0 AND participants_total >= 0 AND actions_with_age >= 0"
            " AND age_denominator >= 0 AND age_recorded >= 0 AND foreign_denominator >= 0"
            " AND digital_actions >= 0",
            name="sums_nonneg",
        ),
        CheckConstraint(
            "actions_with_total <= actions AND actions_with_age <= actions AND digital_actions <= actions",
            name="counts_within_actions",
        ),
        DERIVED,
    )
    department_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    actions: Mapped[int] = mapped_column(Integer, default=0)
    actions_with_total: Mapped[int] = mapped_column(Integer, default=0)
    participants_total: Mapped[int] = mapped_column(Integer, default=0)  # of the known totals
    actions_with_age: Mapped[int] = mapped_column(Integer, default=0)
    age_denominator: Mapped[int] = mapped_column(Integer, default=0)  # size of age-recording actions
    age_recorded: Mapped[int] = mapped_column(Integer, default=0)  # their age-band counts
    foreign_denominator: Mapped[int] = mapped_column(Integer, default=0)
    digital_actions: Mapped[int] = mapped_column(Integer, default=0)  # online or hybrid


class ReachMonth(Base):
    """Per bucket and audience group: participants recorded and the actions that recorded them."""

    __tablename__ = "reach_month"
    __table_args__ = (
        *_bucket_checks(),
        CheckConstraint("participants >= 0 AND actions > 0", name="sums_valid"),
        DERIVED,
    )
    department_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    audience_group_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participants: Mapped[int] = mapped_column(Integer, default=0)
    actions: Mapped[int] = mapped_column(Integer, default=0)


# The kinds of LinkMonth rows: what `a` and `b` are and what `value` counts.
FORM_ACTIONS = "f"  # a = participation form, b = 0: actions with the form
GROUP_OPPORTUNITY = "go"  # a = audience group, b = opportunity: participants recorded
AIMED = "ai"  # a = intended audience group, b = opportunity or NO_OPPORTUNITY: actions
CHANNEL_GROUP = "cg"  # a = channel the action used, b = audience group: participants recorded
# Of the planning and decision actions (the feedback loop's, metrics/feedback.py):
FEEDBACK = "fb"  # a = 1 when residents were told how their input was used, else 0: actions
UNTOLD = "ut"  # a = the day the loop closes (end date, else start) as yyyymmdd: actions not told
# a = opportunity or NO_OPPORTUNITY, b = the newest start day of those actions as yyyymmdd: actions
OPPORTUNITY_USE = "ou"
# b 0: the action names no opportunity (a key column cannot be NULL).
NO_OPPORTUNITY = 0
LINK_KINDS = (FORM_ACTIONS, GROUP_OPPORTUNITY, AIMED, CHANNEL_GROUP, FEEDBACK, UNTOLD, OPPORTUNITY_USE)


class LinkMonth(Base):
    """Per bucket: the sums over an action's links (its forms, its opportunity × the groups it
    reached, the groups it was aimed at, its channels × the groups it reached) that the coverage
    matrix and the gap suggestions add up, the feedback loop's counts, and each opportunity's
    use (the catalogue's and the duties' evidence)."""

    __tablename__ = "link_month"
    __table_args__ = (
        *_bucket_checks(),
        CheckConstraint("value >= 0", name="value_nonneg"),
        CheckConstraint("kind IN ('f', 'go', 'ai', 'cg', 'fb', 'ut', 'ou')", name="kind_known"),
        DERIVED,
    )
    department_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(2), primary_key=True)
    a: Mapped[int] = mapped_column(Integer, primary_key=True)
    b: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)
