"""The number of residents entitled to vote, for the initiatives' six-month rule (KL 23 §).

It is the coordinator's setting `voters_entitled` (e.g. from the electoral register) when it
is set; otherwise an ESTIMATE from the population figures of the latest year: the total less
the age bands under 18, a band across 18 split in proportion to its years. The right to vote
also turns on citizenship and residence, so it stays an estimate.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, Subquery, func, select, true
from sqlalchemy.orm import Session

from ..models import AudienceGroup, PopulationFigure, Setting

VOTERS_SETTING = "voters_entitled"
SIGNATORY_SHARE = 0.02  # KL 23 §: 2 % of the residents entitled to vote
VOTING_AGE = 18


@dataclass(frozen=True)
class VoterBase:
    """The number of residents entitled to vote and where it comes from: `from_setting`
    (entered by the coordinator) or an estimate from the population figures of `year`."""

    count: int
    estimate: bool
    from_setting: bool
    year: int | None = None

    @property
    def signatory_threshold(self) -> int:
        """Signatories needed for the six-month rule: 2 % rounded up."""
        return math.ceil(self.count * SIGNATORY_SHARE)


def voter_base(session: Session) -> VoterBase | None:
    """The residents entitled to vote: the setting, else the estimate (module docstring)."""
    statement, skip = voters_statement(None)
    return voters_of(session.execute(statement).all(), skip)[0]


def voters_statement(carried: Select[Any] | None) -> tuple[Select[Any], int]:
    """The statement of the voter base, and the one row of `carried` (a SELECT of aggregates
    without GROUP BY, say a figure's counts) in it: the setting as a column of a one-row table,
    the latest year's population figures joined to it (none when there are none), so the
    setting comes back either way. Each row: `carried`'s columns (how many: the int), the
    setting, then `population_columns`; a caller may join more rows to place 1."""
    stored = with_setting(carried)
    population = latest_population()
    statement = (
        select(*stored.c, *population_columns(population))
        .select_from(stored)
        .outerjoin(population, true())
        .order_by(population.c.place)
    )
    return statement, len(stored.c) - 1


def voters_of(rows: Sequence[Row[Any]], skip: int) -> tuple[VoterBase | None, tuple[Any, ...]]:
    """The voter base and the carried columns from the rows of `voters_statement` (and what
    a caller joined to it: each population figure is taken once, by its place)."""
    if not rows:
        return None, ()
    figures: dict[Any, tuple[Any, ...]] = {}
    for row in rows:
        figures.setdefault(row[skip + 6], tuple(row[skip : skip + 6]))
    return voters_from(list(figures.values())), tuple(rows[0][:skip])


def setting_of_voters() -> Any:
    """The stored `voters_entitled` as a labelled scalar subquery (NULL when unset)."""
    return select(Setting.value).where(Setting.key == VOTERS_SETTING).scalar_subquery().label("value")


def latest_population() -> Subquery:
    """The population figures of the latest year with their groups' ages, numbered by `place`
    (1 first): a statement that carries other rows attaches them to place 1 only."""
    latest = select(func.max(PopulationFigure.year)).scalar_subquery()
    return (
        select(
            PopulationFigure.year,
            PopulationFigure.count,
            AudienceGroup.kind,
            AudienceGroup.age_min,
            AudienceGroup.age_max,
            func.row_number().over(order_by=PopulationFigure.id).label("place"),
        )
        .outerjoin(AudienceGroup, AudienceGroup.id == PopulationFigure.audience_group_id)
        .where(PopulationFigure.year == latest)
        .subquery()
    )


def population_columns(population: Subquery) -> list[Any]:
    """The columns `voters_from` takes after the setting, and `place` last."""
    c = population.c
    return [c.year, c.count, c.kind, c.age_min, c.age_max, c.place]


def voters_from(found: list[tuple[Any, ...]]) -> VoterBase | None:
    """The voter base from (setting, year, count, kind, age_min, age_max, ...) rows, one per
    population figure of the latest year (one with NULLs when there are none)."""
    value = found[0][0] if found else None
    try:
        entered = int(str(value).strip()) if value else 0
    except ValueError:
        entered = 0
    if entered > 0:
        return VoterBase(entered, estimate=False, from_setting=True)
    year = found[0][1] if found else None
    if year is None:
        return None
    rows = [(row[2], row[3], row[4], row[5]) for row in found]
    total = next((count for count, kind, _, _ in rows if kind is None), None)
    ages = [(count, low, high) for count, kind, low, high in rows if kind == "age" and low is not None]
    if total is None:
        total = sum(count for count, _, _ in ages)
    under_age = 0.0
    for count, low, high in ages:
        if low >= VOTING_AGE:
            continue
        top = high if high is not None else low
        years = top - low + 1
        under_age += count * min(1.0, (VOTING_AGE - low) / years)
    if total <= 0:
        return None
    return VoterBase(round(total - under_age), estimate=True, from_setting=False, year=int(year))


def with_setting(carried: Select[Any] | None) -> Subquery:
    """One row: the columns of `carried` (a SELECT of aggregates without GROUP BY, say a
    figure's counts; none when None), then the setting."""
    # (two statements, not one conditional expression: mypy 2.4 crashes inferring that one)
    base: Select[Any] = select(setting_of_voters())
    if carried is not None:
        base = carried.add_columns(setting_of_voters())
    return base.subquery()
