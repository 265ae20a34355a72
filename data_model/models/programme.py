"""The programme itself as data: forms, catalogue, SWOT, steps, channels, responsibilities.

The participation forms are the law's framing and the same in every edition; every other item
belongs to one edition (models/editions.py) and its code is unique within that edition.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base
from .choices import CADENCES, EVIDENCE, QUADRANTS, STATUTORY, one_of
from .editions import InEdition
from .reference import AudienceGroup

opportunity_form = Table(
    "opportunity_form",
    Base.metadata,
    Column("opportunity_id", ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True),
    Column("form_id", ForeignKey("participation_form.id", ondelete="CASCADE"), primary_key=True),
)

channel_audience = Table(
    "channel_audience",
    Base.metadata,
    Column("channel_id", ForeignKey("channel.id", ondelete="CASCADE"), primary_key=True),
    Column("audience_group_id", ForeignKey("audience_group.id", ondelete="CASCADE"), primary_key=True),
)


def code_per_edition() -> UniqueConstraint:
    """An item's code is unique within its edition (uq_<table>_edition_id); the same code in
    two editions marks the same item carried over."""
    return UniqueConstraint("edition_id", "code")


class ParticipationForm(Base):
    """One of the four forms of participation (tieto, suunnittelu, päätös, toiminta)."""

    __tablename__ = "participation_form"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_fi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    description_fi: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    opportunities: Mapped[list[Opportunity]] = relationship(
        secondary=opportunity_form, back_populates="forms"
    )


class Opportunity(InEdition, Base):
    """A participation opportunity in the programme's catalogue; may sit under several forms."""

    __tablename__ = "opportunity"
    __table_args__ = (one_of("statutory", STATUTORY), code_per_edition())
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80))
    name_fi: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    # statutory | partly | voluntary
    statutory: Mapped[str] = mapped_column(String(20), default="voluntary")
    legal_basis: Mapped[str | None] = mapped_column(String(300))
    legal_basis_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    note_fi: Mapped[str] = mapped_column(Text, default="")
    details_fi: Mapped[str] = mapped_column(Text, default="")  # sub-bullets, one per line
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    forms: Mapped[list[ParticipationForm]] = relationship(
        secondary=opportunity_form, back_populates="opportunities", order_by="ParticipationForm.sort_order"
    )


class SwotItem(InEdition, Base):
    """A SWOT item; `indicator` names the live metric shown beside it (see indicators.py)."""

    __tablename__ = "swot_item"
    __table_args__ = (one_of("quadrant", QUADRANTS), code_per_edition())
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80))
    # strength | weakness | opportunity | threat
    quadrant: Mapped[str] = mapped_column(String(20))
    text_fi: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text, default="")
    indicator: Mapped[str | None] = mapped_column(String(60))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class DevelopmentPrinciple(InEdition, Base):
    """One of the three development principles (askelmerkit)."""

    __tablename__ = "development_principle"
    __table_args__ = (code_per_edition(),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80))
    title_fi: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300), default="")
    description_fi: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    measures: Mapped[list[DevelopmentMeasure]] = relationship(
        back_populates="principle", order_by="DevelopmentMeasure.sort_order"
    )


class DevelopmentMeasure(InEdition, Base):
    """A concrete development measure under a principle."""

    __tablename__ = "development_measure"
    __table_args__ = (code_per_edition(),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80))
    principle_id: Mapped[int] = mapped_column(ForeignKey("development_principle.id"))
    text_fi: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    principle: Mapped[DevelopmentPrinciple] = relationship(back_populates="measures")


class Channel(InEdition, Base):
    """A communication channel from the programme's channel table."""

    __tablename__ = "channel"
    __table_args__ = (code_per_edition(),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80))
    name_fi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    details_fi: Mapped[str] = mapped_column(Text, default="")  # one per line
    goals_fi: Mapped[str] = mapped_column(Text, default="")  # one per line
    goals_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    target_groups_fi: Mapped[str] = mapped_column(Text, default="")  # as printed
    content_fi: Mapped[str] = mapped_column(Text, default="")  # one per line
    content_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    target_groups: Mapped[list[AudienceGroup]] = relationship(
        secondary=channel_audience, order_by="AudienceGroup.sort_order"
    )


class Actor(InEdition, Base):
    """An actor of the responsibility section (kaupunginhallitus, valtuusto …)."""

    __tablename__ = "actor"
    __table_args__ = (code_per_edition(),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80))
    name_fi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    duties: Mapped[list[Responsibility]] = relationship(
        back_populates="actor", order_by="Responsibility.sort_order"
    )


class Responsibility(InEdition, Base):
    """A duty of an actor; recurring duties carry a cadence so due/overdue can be computed."""

    __tablename__ = "responsibility"
    __table_args__ = (one_of("cadence", CADENCES), one_of("evidence", EVIDENCE), code_per_edition())
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80))
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id"))
    text_fi: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text, default="")
    # none | semiannual | annual | council_term
    cadence: Mapped[str] = mapped_column(String(20), default="none")
    # department_report | action | programme_review | none
    evidence: Mapped[str] = mapped_column(String(30), default="none")
    # True when the programme does not state the cadence ("tietyin väliajoin") and the city
    # chose it: shown as the city's assumption, which the coordinator may change.
    cadence_assumed: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    actor: Mapped[Actor] = relationship(back_populates="duties")
