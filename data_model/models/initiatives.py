"""Municipal initiatives (kuntalaisaloitteet, Kuntalaki 410/2015 23 §) and what became of them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow
from .choices import INITIATIVE_SOURCES, INITIATOR_KINDS, one_of
from .reference import Department


class Initiative(Base):
    """An initiative received by the city: who made it, who handles it, the decision on it
    and when the initiator was told what was done (KL 23 §). No names of residents are kept:
    only the kind of initiator and the number of signatories."""

    __tablename__ = "initiative"
    __table_args__ = (
        one_of("initiator_kind", INITIATOR_KINDS),
        one_of("source", INITIATIVE_SOURCES),
        CheckConstraint("signatories >= 1", name="signatories_positive"),
        CheckConstraint(
            "decision_date IS NULL OR decision_date >= received_date", name="decision_after_received"
        ),
        CheckConstraint("told_date IS NULL OR told_date >= received_date", name="told_after_received"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    received_date: Mapped[date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(200))
    initiator_kind: Mapped[str] = mapped_column(String(20))
    signatories: Mapped[int] = mapped_column(Integer, default=1)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    # In a matter of the council's competence: on its annual list, and under the six-month rule.
    council_competence: Mapped[bool] = mapped_column(Boolean, default=False)
    decision: Mapped[str] = mapped_column(Text, default="")
    # None = not decided yet: the initiative is open.
    decision_date: Mapped[date | None] = mapped_column(Date)
    decision_ref: Mapped[str] = mapped_column(String(120), default="")
    # None = not decided, or not known yet.
    led_to_action: Mapped[bool | None] = mapped_column(Boolean)
    # KL 23 §: the initiator is told what was done. None = not told yet.
    told_date: Mapped[date | None] = mapped_column(Date)
    told_method: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str] = mapped_column(String(20), default="manual")
    external_ref: Mapped[str | None] = mapped_column(String(80), unique=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # Optimistic locking, as on actions: a save based on an old version is refused.
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}

    department: Mapped[Department] = relationship()
