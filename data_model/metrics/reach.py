"""Whom the logged actions reached, and how that compares with the population.

Definitions (shown on the Reach page too):

* A group's **participants** = SUM of `ActionReach.count` for the group over the filtered
  actions. No ActionReach row means "not known", never zero.
* An action's **size** = its `participants_total`, or the sum of its age-band counts when the
  total is unknown (and never less than that sum, should the two disagree).
* **Share of participants** of an age band = the band's participants ÷ the summed size of the
  filtered actions that recorded at least one age-band count (`age_denominator`). Participants
  of those actions whose age was not recorded stay in the denominator as "age not known", so a
  single recorded band is not inflated to 100 %. Example, the 2023 baseline: the resident
  survey recorded only its young people (2 of 137 respondents), so young people's share is
  2 ÷ 137 = 1.5 %; the other bands have no recorded participants, and 135 participants are of
  unknown age. The participatory budgeting and the workshops recorded no ages and are outside
  the denominator.
* **Population share** of an age band = its population ÷ the sum of the age bands' population
  figures. The figure used is the latest year ≤ the period's end year, else the latest year.
* **Foreign-language speakers** are not an age band: their share of participants is their count
  ÷ the summed size of the actions that recorded a foreign-language count; their population
  share is their figure ÷ the total population figure.
* **Representation index** = share of participants ÷ population share (1.0 = as in the
  population); None when the group has no participants or no population (never ÷ 0).
* **Participation rate** = participants ÷ population. The **overall score** = the lowest age
  band rate ÷ the highest (as Go Vocal does; 1.0 = every band equally reached); None when no
  band has participants.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ScalarSelect, Subquery, func, select
from sqlalchemy.orm import Session, aliased

from ..models import Action, ActionReach, AudienceGroup, PopulationFigure
from ..permissions import CurrentUser, require_read
from . import rollup_reads
from .filters import MetricFilters, action_conditions
from .labels import Label
from .population import PopulationFigureInfo, picked_figure
from .reach_totals import (
    AGE,
    FOREIGN_LANGUAGE,
    YOUTH,
    ReachTotals,
    action_sizes,
    totals_and_foreign_denominators,
)
from .settings import load_metric_settings

# Groups that only tag channels' audiences; nobody counts participants of them.
TAG_ONLY_GROUPS = ("residents", "stakeholders")


@dataclass(frozen=True)
class GroupReach:
    """Participants of one audience group in the filtered actions."""

    group: Label
    kind: str
    participants: int
    actions: int  # actions that recorded a count for the group


@dataclass(frozen=True)
class GroupRepresentation:
    """One group compared with the population; see the module docstring for the formulas."""

    group: Label
    kind: str  # "age" or "special" (foreign-language speakers)
    participants: int
    denominator: int  # the participants the share is of
    participant_share: float | None
    population: PopulationFigureInfo
    population_share: float | None
    index: float | None
    participation_rate: float | None
    small_count: bool  # fewer participants than the `small_count` setting: too few to conclude
    small_count_limit: int  # that setting's value

    @property
    def estimate(self) -> bool:
        """True when the population figure is an estimate, not a statistic."""
        return self.population.estimate

    @property
    def no_reach(self) -> bool:
        return self.participants == 0

    @property
    def too_few(self) -> bool:
        """The small-count caution applies: some participants, but too few to conclude from
        (none at all is a gap, not a small count)."""
        return self.small_count and not self.no_reach


def _label(group: AudienceGroup) -> Label:
    return Label(group.id, group.code, group.name_fi, group.name_en)


def _group_sums(filters: MetricFilters) -> Subquery:
    """(audience_group_id, participants, actions) of the filtered actions: from the monthly
    sums when the filters fall on whole months, else from the reach rows."""
    if rollup_reads.covers(filters):
        return rollup_reads.group_sums(filters)
    return (
        select(
            ActionReach.audience_group_id,
            func.sum(ActionReach.count).label("participants"),
            func.count().label("actions"),
        )
        .join(Action, Action.id == ActionReach.action_id)
        .where(*action_conditions(filters))
        .group_by(ActionReach.audience_group_id)
        .subquery()
    )


def participants_by_group(session: Session, filters: MetricFilters) -> list[GroupReach]:
    """Participants per active audience group (zero when nothing was recorded), in sort order."""
    sums = _group_sums(filters)
    rows = session.execute(
        select(AudienceGroup, func.coalesce(sums.c.participants, 0), func.coalesce(sums.c.actions, 0))
        .outerjoin(sums, sums.c.audience_group_id == AudienceGroup.id)
        .where(AudienceGroup.active)
        .order_by(AudienceGroup.sort_order, AudienceGroup.id)
    ).all()
    return [GroupReach(_label(group), group.kind, int(total), int(actions)) for group, total, actions in rows]


def special_group_reach(
    session: Session, user: CurrentUser | None, filters: MetricFilters
) -> list[GroupReach]:
    """Participants of the special (non-age) groups, leaving out the channel-only tags."""
    require_read(user, "summary.read")
    return [
        row
        for row in participants_by_group(session, filters)
        if row.kind != AGE and row.group.code not in TAG_ONLY_GROUPS
    ]


def population_figures(session: Session, end_year: int | None) -> dict[int | None, PopulationFigureInfo]:
    """Per audience group id (None = total population): the figure of the latest year ≤
    `end_year`, else the latest year there is (None: always the latest)."""
    chosen = aliased(PopulationFigure, name="chosen")
    rows = session.scalars(
        select(chosen).where(chosen.id == picked_figure(chosen.audience_group_id, end_year).correlate(chosen))
    )
    return {row.audience_group_id: PopulationFigureInfo.of(row) for row in rows}


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def _compare(
    group: AudienceGroup,
    participants: int,
    denominator: int,
    population: PopulationFigureInfo,
    population_whole: int,
    small_count: int,
) -> GroupRepresentation:
    share = _ratio(participants, denominator)
    population_share = _ratio(population.count, population_whole)
    index = None
    if participants and share is not None and population_share:
        index = share / population_share
    return GroupRepresentation(
        group=_label(group),
        kind=group.kind,
        participants=participants,
        denominator=denominator,
        participant_share=share,
        population=population,
        population_share=population_share,
        index=index,
        participation_rate=_ratio(participants, population.count),
        small_count=participants < small_count,
        small_count_limit=small_count,
    )


@dataclass(frozen=True)
class ReachFigures:
    """The totals, the representation and its overall score of the filtered actions, computed
    together: they share their per-action sums (a handful of statements, not one per figure)."""

    totals: ReachTotals
    representation: list[GroupRepresentation]
    score: float | None
    # (code, participants) of every active audience group, compared or not, in sort order
    participants: tuple[tuple[str, int], ...] = ()
    # (code, lowest age) of every active age band, so a figure about some ages (the SWOT's
    # older people) picks its bands from the rows read here rather than reading them again
    band_ages: tuple[tuple[str, int], ...] = ()


def reach_figures(session: Session, filters: MetricFilters) -> ReachFigures:
    """Totals and representation of the filtered actions: each age band with a population
    figure, then foreign-language speakers (when they have one). Formulas: module docstring."""
    return reach_figures_for(session, (filters,))[0]


def reach_figures_for(session: Session, windows: Sequence[MetricFilters]) -> list[ReachFigures]:
    """`reach_figures` of each of `windows` (a period and the one before it, say), read in the
    same two statements however many windows there are."""
    small_count = load_metric_settings(session).small_count
    totals = totals_and_foreign_denominators(session, windows)
    # Every active group with its participants in each window and, per window, its population
    # figure and the total population's (population.picked_figure); those with a figure are
    # compared.
    ends = [filters.end.year if filters.end else None for filters in windows]
    years = list(dict.fromkeys(ends))  # windows ending in one year share their figures
    own = [aliased(PopulationFigure) for _ in years]
    total = [aliased(PopulationFigure) for _ in years]
    query = select(
        AudienceGroup, *(_participants_in(filters) for filters in windows), *own, *total
    ).select_from(AudienceGroup)
    for year, group_figure, total_figure in zip(years, own, total, strict=True):
        query = query.outerjoin(group_figure, group_figure.id == picked_figure(AudienceGroup.id, year))
        query = query.outerjoin(total_figure, total_figure.id == picked_figure(None, year))
    rows: list[Any] = list(
        session.execute(
            query.where(AudienceGroup.active).order_by(AudienceGroup.sort_order, AudienceGroup.id)
        )
    )
    figures = [
        _figures_of(rows, 1 + len(windows) + index, 1 + len(windows) + len(years) + index)
        for index in range(len(years))
    ]
    return [
        _figures(
            [(row[0], int(row[1 + index] or 0)) for row in rows],
            figures[years.index(end)],
            *totals[index],
            small_count,
        )
        for index, end in enumerate(ends)
    ]


def _figures_of(rows: list[Any], own: int, total: int) -> dict[int | None, PopulationFigureInfo]:
    """Each group's figure (at column `own` of its row) and the total population's (`total`)."""
    figures: dict[int | None, PopulationFigureInfo] = {
        row[0].id: PopulationFigureInfo.of(row[own]) for row in rows if row[own] is not None
    }
    if rows and rows[0][total] is not None:  # the same on every row
        figures[None] = PopulationFigureInfo.of(rows[0][total])
    return figures


def _participants_in(filters: MetricFilters) -> ScalarSelect[int]:
    """The participants of the (correlated) audience group in the filtered actions (from the
    monthly sums when the filters fall on whole months)."""
    if rollup_reads.covers(filters):
        return rollup_reads.participants_in(filters)
    return (
        select(func.coalesce(func.sum(ActionReach.count), 0))
        .join(Action, Action.id == ActionReach.action_id)
        .where(ActionReach.audience_group_id == AudienceGroup.id, *action_conditions(filters))
        .correlate(AudienceGroup)
        .scalar_subquery()
    )


def _figures(
    counted: list[tuple[AudienceGroup, int]],
    figures: dict[int | None, PopulationFigureInfo],
    totals: ReachTotals,
    foreign_denominator: int,
    small_count: int,
) -> ReachFigures:
    counts = {group.id: total for group, total in counted}
    groups = [group for group, _ in counted if group.id in figures]
    bands = [group for group in groups if group.kind == AGE]
    band_population = sum(figures[group.id].count for group in bands)
    result = [
        _compare(
            group,
            counts.get(group.id, 0),
            totals.age_denominator,
            figures[group.id],
            band_population,
            small_count,
        )
        for group in bands
    ]
    foreign = next((group for group in groups if group.code == FOREIGN_LANGUAGE), None)
    if foreign is not None:
        total = figures.get(None)
        result.append(
            _compare(
                foreign,
                counts.get(foreign.id, 0),
                foreign_denominator,
                figures[foreign.id],
                total.count if total else 0,
                small_count,
            )
        )
    participants = tuple((group.code, total) for group, total in counted)
    band_ages = tuple(
        (group.code, group.age_min) for group, _ in counted if group.kind == AGE and group.age_min is not None
    )
    return ReachFigures(totals, result, overall_score(result), participants, band_ages)


def representation(session: Session, filters: MetricFilters) -> list[GroupRepresentation]:
    """Each age band with a population figure, then foreign-language speakers (when they have
    one), compared with the population. Formulas: see the module docstring."""
    return reach_figures(session, filters).representation


def overall_score(rows: list[GroupRepresentation]) -> float | None:
    """Lowest age-band participation rate ÷ highest; None when no band has participants."""
    rates = [row.participation_rate for row in rows if row.kind == AGE and row.participation_rate is not None]
    if not rates or max(rates) == 0:
        return None
    return min(rates) / max(rates)


def representation_score(session: Session, user: CurrentUser | None, filters: MetricFilters) -> float | None:
    """The overall score of `representation(session, filters)`."""
    require_read(user, "summary.read")
    return reach_figures(session, filters).score


def group_share(rows: list[GroupRepresentation], code: str) -> GroupRepresentation | None:
    """The row of one group by its code (e.g. YOUTH), if it is compared."""
    return next((row for row in rows if row.group.code == code), None)


__all__ = [
    "AGE",
    "FOREIGN_LANGUAGE",
    "YOUTH",
    "GroupReach",
    "GroupRepresentation",
    "PopulationFigureInfo",
    "ReachFigures",
    "ReachTotals",
    "action_sizes",
    "group_share",
    "overall_score",
    "participants_by_group",
    "population_figures",
    "reach_figures",
    "reach_figures_for",
    "representation",
    "representation_score",
]
