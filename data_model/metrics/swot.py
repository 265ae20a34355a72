"""The SWOT board: the edition's SWOT items, each with its live indicator (metrics.indicators)
or, for the items about residents feeling unheard, the measured experience of participation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..editions import EditionWindow, in_force_id_sql
from ..indicators import OUTCOME_FIRST
from ..models import SwotItem
from ..permissions import CurrentUser, require_read
from .indicators import IndicatorValue, experience_value, indicator_values


@dataclass(frozen=True)
class SwotCard:
    """A SWOT item with its live indicator (None when the item has none)."""

    id: int
    code: str
    quadrant: str
    text_fi: str
    text_en: str
    indicator: IndicatorValue | None


def swot_board(
    session: Session, user: CurrentUser | None, today: date, edition: EditionWindow | None = None
) -> list[SwotCard]:
    """The active SWOT items of the edition (default: in force `today`) in order, each with its
    indicator's value and trend, as of today (an earlier edition's: its last day in force); an
    item whose output figure stands in for residents' experience (OUTCOME_FIRST) shows the
    experience of participation where a survey measured it."""
    require_read(user, "summary.read")
    edition_id: Any = in_force_id_sql(today)
    if edition is not None:
        today = edition.as_of(today)
        edition_id = edition.edition_id
    items = session.scalars(
        select(SwotItem)
        .where(SwotItem.active, SwotItem.edition_id == edition_id)
        .order_by(SwotItem.sort_order, SwotItem.id)
    ).all()
    # As of the same day as the indicators: an earlier edition's board shows the survey of its
    # last day in force, not one taken after the next edition began.
    experience = experience_value(session, until=today)
    values = indicator_values(session, [item.indicator for item in items if item.indicator], today)

    def value_of(indicator: str | None) -> IndicatorValue | None:
        if indicator in OUTCOME_FIRST and experience is not None:
            return experience
        return values[indicator] if indicator else None

    return [
        SwotCard(item.id, item.code, item.quadrant, item.text_fi, item.text_en, value_of(item.indicator))
        for item in items
    ]
