"""Targets the council, the city board or a department sets for a figure the metrics layer
computes (the programme: the council "asettaa tavoitteet strategia- ja talousarvion tasolla").

The figure is a key of `metrics.target_figures.FIGURES`; `subject` is its audience group or
participation form where the figure is one per group or form. No department means the whole
city. A department head's proposal waits as "proposed" until the coordinator accepts or
declines it; a target no longer followed is "retired", never deleted, so its history stays.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, Float, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow
from .choices import TARGET_DIRECTIONS, TARGET_SETTERS, TARGET_STATUSES, one_of
from .reference import Department


class Target(Base):
    """One target: a figure, its scope and period, the value aimed at and the decision."""

    __tablename__ = "target"
    __table_args__ = (
        one_of("direction", TARGET_DIRECTIONS),
        one_of("set_by", TARGET_SETTERS),
        one_of("status", TARGET_STATUSES),
        CheckConstraint("period_end > period_start", name="period_order"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    figure: Mapped[str] = mapped_column(String(60), index=True)
    # The audience group's or participation form's code for figures of one group or form.
    subject: Mapped[str | None] = mapped_column(String(80))
    # None: the whole city.
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    # In the figure's own unit: a share 0..1, an index, a count.
    target_value: Mapped[float] = mapped_column(Float)
    direction: Mapped[str] = mapped_column(String(20))
    set_by: Mapped[str] = mapped_column(String(20))
    # Where it was decided, e.g. "Kaupunginvaltuusto 12.6.2026 § 45"; empty for a proposal.
    decision: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), index=True)
    # A demo target (data_model/demo_targets.py): removed with the rest of the demo.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    department: Mapped[Department | None] = relationship()
