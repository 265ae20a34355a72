"""Quarterly trends of the filtered actions (quarter of the action's start date).

Per quarter: actions; participants (sum of the known `participants_total`); young people
(15–29) recorded and their share of participants, computed as in reach.py (÷ the size of
that quarter's actions that recorded an age band; None when none did); online or hybrid
actions. Quarters without actions between the first and the last are listed with zeros.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, case, cast, extract, func, select
from sqlalchemy.orm import Session

from ..models import Action
from ..permissions import CurrentUser, require_read
from . import rollup_reads
from .filters import MetricFilters, action_conditions, quarter_of
from .reach_totals import YOUTH, action_sizes

DIGITAL_FORMATS = ("online", "hybrid")


@dataclass(frozen=True)
class QuarterTrend:
    """The figures of one calendar quarter."""

    year: int
    quarter: int
    actions: int
    participants: int
    youth: int
    age_denominator: int
    digital_actions: int

    @property
    def label(self) -> str:
        """ "2025/1" – the same in Finnish and English."""
        return f"{self.year}/{self.quarter}"

    @property
    def youth_share(self) -> float | None:
        return self.youth / self.age_denominator if self.age_denominator else None


def _next(year: int, quarter: int) -> tuple[int, int]:
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def quarterly_trends(
    session: Session, user: CurrentUser | None, filters: MetricFilters
) -> list[QuarterTrend]:
    """One row per quarter from the first to the last quarter with actions (or the filter's
    period when it is set), oldest first."""
    require_read(user, "summary.read")
    if rollup_reads.covers(filters):
        rows = rollup_reads.quarter_rows(session, filters, YOUTH)
    else:
        rows = _raw_rows(session, filters)
    found = {
        (int(row[0]), int(row[1])): QuarterTrend(
            int(row[0]), int(row[1]), *(int(value or 0) for value in row[2:])
        )
        for row in rows
    }
    keys = sorted(found)
    first = quarter_of(filters.start) if filters.start else (keys[0] if keys else None)
    last = quarter_of(filters.end) if filters.end else (keys[-1] if keys else None)
    if first is None or last is None:
        return []
    result = []
    current = first
    while current <= last:
        result.append(found.get(current, QuarterTrend(*current, 0, 0, 0, 0, 0)))
        current = _next(*current)
    return result


def _raw_rows(session: Session, filters: MetricFilters) -> list[tuple[Any, ...]]:
    """Per quarter with actions, from the actions and their reach rows."""
    month = cast(extract("month", Action.start_date), Integer)
    year = cast(extract("year", Action.start_date), Integer).label("year")
    quarter = case((month <= 3, 1), (month <= 6, 2), (month <= 9, 3), else_=4).label("quarter")
    sizes = action_sizes(filters)
    rows = session.execute(
        select(
            year,
            quarter,
            func.count(Action.id),
            func.coalesce(func.sum(Action.participants_total), 0),
            func.coalesce(func.sum(sizes.c.youth), 0),
            func.coalesce(func.sum(case((sizes.c.age_rows > 0, sizes.c.size), else_=0)), 0),
            func.count(Action.id).filter(Action.format.in_(DIGITAL_FORMATS)),
        )
        .join(sizes, sizes.c.action_id == Action.id)
        .where(*action_conditions(filters))
        .group_by(year, quarter)
    ).all()
    return [tuple(row) for row in rows]
