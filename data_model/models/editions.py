"""Editions of the programme: each council term's programme is approved as its own edition.

The SWOT, the catalogue, the development steps, the channels and the responsibilities belong
to one edition (`InEdition`), so an item's code is unique within its edition only. The next
edition starts as a copy of the current one: a copied item keeps its code, which is how the
same item is recognised from one edition to the next (see data_model/editions.py).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow
from .choices import APPROVERS, one_of


class ProgrammeEdition(Base):
    """One edition of the programme: its name, its period and who approved it, when, under which §."""

    __tablename__ = "programme_edition"
    __table_args__ = (
        CheckConstraint("period_end >= period_start", name="period_ordered"),
        CheckConstraint("approval_section IS NULL OR approval_section > 0", name="section_positive"),
        one_of("approved_by", APPROVERS),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name_fi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    # The approval: the body (city_board | council), the meeting's date and the § of its
    # minutes. All None while the next edition is being prepared: it is then a draft, never
    # in force.
    approved_by: Mapped[str | None] = mapped_column(String(20))
    approved_on: Mapped[date | None] = mapped_column(Date)
    approval_section: Mapped[int | None] = mapped_column(Integer)
    # The edition this one was started from (None for the first one).
    based_on_id: Mapped[int | None] = mapped_column(ForeignKey("programme_edition.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    @property
    def approved(self) -> bool:
        """Whether the approval is recorded: only an approved edition can be in force."""
        return self.approved_on is not None


class InEdition:
    """Mixin of the programme's items: the edition the item belongs to."""

    edition_id: Mapped[int] = mapped_column(ForeignKey("programme_edition.id"))
