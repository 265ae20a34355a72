"""The population figures the reach metric compares with: for a period, each group's figure
of the latest year up to the period's end, else its latest year (`picked_figure`), picked
inside the statement that reads the groups."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, case, select
from sqlalchemy.orm import InstrumentedAttribute

from ..models import PopulationFigure


@dataclass(frozen=True)
class PopulationFigureInfo:
    """The population figure a comparison rests on, with where it came from."""

    count: int
    year: int
    estimate: bool
    source: str
    method: str

    @staticmethod
    def of(row: PopulationFigure) -> PopulationFigureInfo:
        return PopulationFigureInfo(int(row.count), int(row.year), bool(row.estimate), row.source, row.method)


def picked_figure(
    group: ColumnElement[Any] | InstrumentedAttribute[Any] | None, end_year: int | None
) -> ScalarSelect[int]:
    """The id of the figure of `group` (a group id of the enclosing statement; None: the total
    population) for a period ending in `end_year`: of the latest year ≤ `end_year`, else the
    latest year there is (None: always the latest). A (group, year) has one figure."""
    same_group = (
        PopulationFigure.audience_group_id.is_(None)
        if group is None
        else PopulationFigure.audience_group_id.is_not_distinct_from(group)
    )
    order: list[Any] = [PopulationFigure.year.desc(), PopulationFigure.id]
    if end_year is not None:
        order.insert(0, case((PopulationFigure.year <= end_year, 0), else_=1))
    query = select(PopulationFigure.id).where(same_group).order_by(*order).limit(1)
    return (query.correlate(None) if group is None else query).scalar_subquery()
