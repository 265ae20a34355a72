"""Logged participation actions, their reach, and departments' periodic reports."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow
from .choices import ACTION_SOURCES, FORMATS, one_of
from .programme import Channel, DevelopmentMeasure, Opportunity, ParticipationForm
from .reference import Area, AudienceGroup, Department


def _link(name: str, target: str) -> Table:
    # The primary key (action_id, target_id) serves lookups by action; the filters and the
    # coverage figures look up by target, which needs its own index.
    return Table(
        f"action_{name}",
        Base.metadata,
        Column("action_id", ForeignKey("action.id", ondelete="CASCADE"), primary_key=True),
        Column(f"{target}_id", ForeignKey(f"{target}.id", ondelete="CASCADE"), primary_key=True),
        Index(f"ix_action_{name}_{target}_id", f"{target}_id"),
    )


action_form = _link("form", "participation_form")
action_measure = _link("measure", "development_measure")
action_channel = _link("channel", "channel")
action_intended_group = _link("intended_group", "audience_group")


class Action(Base):
    """Something a department did to let residents take part, and whom it reached."""

    __tablename__ = "action"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),
        # The actions lists: the newest live actions first, read from the index, not sorted.
        Index("ix_action_live_by_date", "deleted_at", "start_date", "id"),
        # Every live action up to a day, by opportunity or department (the catalogue's use,
        # the duties' evidence, the unused opportunities), read from the index alone.
        Index(
            "ix_action_live_by_date_covered", "deleted_at", "start_date", "opportunity_id", "department_id"
        ),
        CheckConstraint("participants_total IS NULL OR participants_total >= 0", name="total_nonneg"),
        CheckConstraint(
            "staff_experience IS NULL OR staff_experience BETWEEN 1 AND 5", name="staff_experience_range"
        ),
        one_of("format", FORMATS),
        one_of("source", ACTION_SOURCES),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    opportunity_id: Mapped[int | None] = mapped_column(ForeignKey("opportunity.id"), index=True)
    format: Mapped[str] = mapped_column(String(20), default="in_person")
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"), index=True)
    # None = not known (never the same as zero).
    participants_total: Mapped[int | None] = mapped_column(Integer)
    # True when the reach figures are an estimate rather than a count.
    reach_estimate: Mapped[bool] = mapped_column(Boolean, default=False)
    officials_took_part: Mapped[bool] = mapped_column(Boolean, default=False)
    # The programme's promise: residents are told how their input was used.
    feedback_given: Mapped[bool] = mapped_column(Boolean, default=False)
    feedback_date: Mapped[date | None] = mapped_column(Date)
    feedback_method: Mapped[str] = mapped_column(String(300), default="")
    feedback_url: Mapped[str] = mapped_column(String(500), default="")
    decision_change: Mapped[str] = mapped_column(Text, default="")
    # The department's choice to publish the action's summary (title, department, date, what
    # changed, the feedback link) in the public view; never public unless chosen.
    is_public: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), index=True)
    staff_experience: Mapped[int | None] = mapped_column(Integer)
    cost_eur: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    # Where the record came from: manual | import | baseline | demo
    source: Mapped[str] = mapped_column(String(20), default="manual")
    source_note: Mapped[str] = mapped_column(Text, default="")
    # Stable key of a seeded or imported row, so loading it again changes nothing.
    external_ref: Mapped[str | None] = mapped_column(String(80), unique=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # Optimistic locking: a save based on an old version is refused.
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}

    department: Mapped[Department] = relationship()
    opportunity: Mapped[Opportunity | None] = relationship()
    area: Mapped[Area | None] = relationship()
    forms: Mapped[list[ParticipationForm]] = relationship(secondary=action_form)
    measures: Mapped[list[DevelopmentMeasure]] = relationship(secondary=action_measure)
    channels: Mapped[list[Channel]] = relationship(secondary=action_channel)
    intended_groups: Mapped[list[AudienceGroup]] = relationship(secondary=action_intended_group)
    reach: Mapped[list[ActionReach]] = relationship(back_populates="action", cascade="all, delete-orphan")


class ActionReach(Base):
    """Participants of one audience group in one action. No row means the count is unknown."""

    __tablename__ = "action_reach"
    __table_args__ = (CheckConstraint("count >= 0", name="count_nonneg"),)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), primary_key=True)
    # Indexed on its own too: per-group figures look rows up by group, not by action.
    audience_group_id: Mapped[int] = mapped_column(
        ForeignKey("audience_group.id"), primary_key=True, index=True
    )
    count: Mapped[int] = mapped_column(Integer)

    action: Mapped[Action] = relationship(back_populates="reach")
    audience_group: Mapped[AudienceGroup] = relationship()


class DepartmentReport(Base):
    """A department's periodic report on how participation was carried out."""

    __tablename__ = "department_report"
    __table_args__ = (CheckConstraint("period_end >= period_start", name="period_ordered"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    submitted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)

    department: Mapped[Department] = relationship()
