"""The population figures of one year checked against each other: a group is never larger
than the town, and the age groups split the town's total."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import Counted, Message, Named, msg
from ..models import AudienceGroup, PopulationFigure


def population_sum_problem(
    session: Session, year: int, group: AudienceGroup | None, count: int, row_id: int | None
) -> Message | None:
    """Why a population figure (a group's or, with `group` None, the town's total) cannot be
    stored beside the other figures of its year, or None. A group cannot be larger than the
    town, and the age groups together cannot exceed the total (they split it)."""
    others = session.execute(
        select(PopulationFigure.audience_group_id, AudienceGroup.kind, PopulationFigure.count)
        .outerjoin(AudienceGroup, AudienceGroup.id == PopulationFigure.audience_group_id)
        .where(PopulationFigure.year == year, PopulationFigure.id != (row_id or -1))
    ).all()
    total = count if group is None else next((n for gid, _, n in others if gid is None), None)
    if total is None:
        return None
    if group is not None and count > total:
        return msg(
            "validation.group_above_population",
            group=Named(group.name_fi, group.name_en),
            count=count,
            year=str(year),
            total=total,
        )
    ages = sum(n for gid, kind, n in others if gid is not None and kind == "age")
    if group is not None and group.kind == "age":
        ages += count
    if ages > total:
        return msg("validation.ages_above_population", year=str(year), ages=ages, total=total)
    return None


def population_sum_warnings(session: Session) -> list[Message]:
    """For each year with a whole-town figure, newest first: a warning when its age groups do
    not add up to it. Each figure alone may be fine (a group entered one at a time is short
    until the last one is in), so this warns and refuses nothing; but every share of the
    population rests on the age groups splitting the total exactly."""
    rows = session.execute(
        select(
            PopulationFigure.year,
            PopulationFigure.audience_group_id,
            AudienceGroup.kind,
            PopulationFigure.count,
        ).outerjoin(AudienceGroup, AudienceGroup.id == PopulationFigure.audience_group_id)
    ).all()
    totals = {year: count for year, group_id, _kind, count in rows if group_id is None}
    ages: dict[int, int] = {}
    for year, group_id, kind, count in rows:
        if group_id is not None and kind == "age":
            ages[year] = ages.get(year, 0) + count
    warnings = []
    for year in sorted(totals, reverse=True):
        total, summed = totals[year], ages.get(year, 0)
        if summed != total:
            key = "validation.population_sum_short" if summed < total else "validation.population_sum_over"
            warnings.append(
                msg(
                    key,
                    year=str(year),
                    ages=summed,
                    total=total,
                    difference=Counted(abs(total - summed), "resident"),
                )
            )
    return warnings
