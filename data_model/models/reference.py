"""Reference data: departments, areas, audience groups, population, settings."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base
from .choices import DEPARTMENT_KINDS, GROUP_KINDS, one_of


class Department(Base):
    """A department (toimiala), service area or advocacy body that logs actions."""

    __tablename__ = "department"
    __table_args__ = (one_of("kind", DEPARTMENT_KINDS),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name_fi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    # department | advocacy_body
    kind: Mapped[str] = mapped_column(String(20), default="department")
    # How often it must report (months); None = no reporting duty.
    report_cadence_months: Mapped[int | None] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Area(Base):
    """An area of town (or the whole city)."""

    __tablename__ = "area"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AudienceGroup(Base):
    """A group whose reach is counted: an age band (kind=age) or a special group."""

    __tablename__ = "audience_group"
    __table_args__ = (one_of("kind", GROUP_KINDS),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name_fi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    # age | special
    kind: Mapped[str] = mapped_column(String(20))
    age_min: Mapped[int | None] = mapped_column(Integer)
    age_max: Mapped[int | None] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PopulationFigure(Base):
    """Population of a group (or the total when group is None) in a year, with its source."""

    __tablename__ = "population_figure"
    __table_args__ = (
        UniqueConstraint("audience_group_id", "year", name="uq_population_group_year"),
        # The unique rule above never fires for the total row: NULL differs from NULL in SQL.
        Index(
            "uq_population_total_year",
            "year",
            unique=True,
            sqlite_where=text("audience_group_id IS NULL"),
            postgresql_where=text("audience_group_id IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    audience_group_id: Mapped[int | None] = mapped_column(ForeignKey("audience_group.id"))
    year: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)
    estimate: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(Text, default="")

    audience_group: Mapped[AudienceGroup | None] = relationship()


# The programme's default thresholds: the seed loader stores them, and the metrics fall back on
# them when a stored value is missing or unreadable.
DEFAULT_SETTINGS = {
    "gap_threshold": "0.5",  # representation index under this is a gap
    "small_count": "5",  # fewer participants than this is too few to conclude from
    "open_loop_days": "60",  # feedback not given this long after the action is an open loop
    "unused_months": "12",  # an opportunity not used this long counts as unused
}


class Setting(Base):
    """A coordinator-editable setting such as the gap threshold, stored as text."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
