"""Residents' experience of participation as surveys measured it: the outcome beside the
outputs the actions count (the programme's first goal, "lisätä osallisuuden kokemusta")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow
from .choices import EXPERIENCE_SOURCES, EXPERIENCE_SURVEYS, one_of
from .reference import Area, AudienceGroup

SURVEY_YEAR_MIN = 2000
SURVEY_YEAR_MAX = 2100


class ExperienceResult(Base):
    """One survey's result for one group in one year: THL's participation indicator
    (osallisuusindikaattori, a score 0–100) or the share agreeing, neutral and disagreeing in
    the city's own survey. The group is everyone (no group, no area), an audience group or an
    area of town, never both."""

    __tablename__ = "experience_result"
    __table_args__ = (
        one_of("survey", EXPERIENCE_SURVEYS),
        one_of("source", EXPERIENCE_SOURCES),
        CheckConstraint(f"year BETWEEN {SURVEY_YEAR_MIN} AND {SURVEY_YEAR_MAX}", name="year_range"),
        CheckConstraint("respondents >= 1", name="respondents_positive"),
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="score_range"),
        CheckConstraint("agree_pct IS NULL OR (agree_pct >= 0 AND agree_pct <= 100)", name="agree_range"),
        CheckConstraint(
            "neutral_pct IS NULL OR (neutral_pct >= 0 AND neutral_pct <= 100)", name="neutral_range"
        ),
        CheckConstraint(
            "disagree_pct IS NULL OR (disagree_pct >= 0 AND disagree_pct <= 100)", name="disagree_range"
        ),
        CheckConstraint("score IS NOT NULL OR agree_pct IS NOT NULL", name="score_or_distribution"),
        CheckConstraint("audience_group_id IS NULL OR area_id IS NULL", name="one_group"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    survey: Mapped[str] = mapped_column(String(30))
    year: Mapped[int] = mapped_column(Integer, index=True)
    # Both None: the result describes every respondent.
    audience_group_id: Mapped[int | None] = mapped_column(ForeignKey("audience_group.id"), index=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"), index=True)
    respondents: Mapped[int] = mapped_column(Integer)
    # THL's indicator: the mean of the ten statements scaled to 0–100.
    score: Mapped[float | None] = mapped_column(Float)
    # A distribution instead (or as well): percentages of respondents.
    agree_pct: Mapped[float | None] = mapped_column(Float)
    neutral_pct: Mapped[float | None] = mapped_column(Float)
    disagree_pct: Mapped[float | None] = mapped_column(Float)
    source_name: Mapped[str] = mapped_column(String(300), default="")
    source_url: Mapped[str] = mapped_column(String(500), default="")
    source: Mapped[str] = mapped_column(String(20), default="manual")
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

    audience_group: Mapped[AudienceGroup | None] = relationship()
    area: Mapped[Area | None] = relationship()
