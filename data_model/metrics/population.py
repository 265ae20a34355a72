"""The population figures the reach metric compares with: for a period, each group's figure
of the latest year up to the period's end (the rule is in `pick_figures`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import PopulationFigure


@dataclass(frozen=True)
class PopulationFigureInfo:
    """The population figure a comparison rests on, with where it came from."""

    count: int
    year: int
    estimate: bool
    source: str
    method: str


def population_rows(session: Session) -> list[PopulationFigure]:
    """Every population figure, newest year first (a small table: groups × years)."""
    return list(
        session.scalars(select(PopulationFigure).order_by(PopulationFigure.year.desc(), PopulationFigure.id))
    )


def pick_figures(
    rows: Sequence[PopulationFigure], end_year: int | None
) -> dict[int | None, PopulationFigureInfo]:
    """Per audience group id (None = total population): the figure of the latest year ≤
    `end_year`, else the latest year there is (None: always the latest)."""
    picked: dict[int | None, PopulationFigure] = {}
    for row in rows:  # newest first: a group's first row ≤ end_year wins, else its newest
        chosen = picked.get(row.audience_group_id)
        fits = end_year is None or row.year <= end_year
        chosen_fits = chosen is not None and (end_year is None or chosen.year <= end_year)
        if chosen is None or (fits and not chosen_fits):
            picked[row.audience_group_id] = row
    return {
        group: PopulationFigureInfo(int(row.count), int(row.year), bool(row.estimate), row.source, row.method)
        for group, row in picked.items()
    }
