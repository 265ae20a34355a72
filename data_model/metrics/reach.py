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

from dataclasses import dataclass

from sqlalchemy import Subquery, case, func, literal, select
from sqlalchemy.orm import Session

from ..models import Action, ActionReach, AudienceGroup, Department, PopulationFigure
from ..permissions import CurrentUser, require_read
from .filters import MetricFilters, action_conditions
from .labels import Label
from .settings import load_metric_settings

AGE = "age"
FOREIGN_LANGUAGE = "foreign_language"
# The young people's group (audience_groups.yaml): the headline gap; named here only.
YOUTH = "youth_15_29"
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
class PopulationFigureInfo:
    """The population figure a comparison rests on, with where it came from."""

    count: int
    year: int
    estimate: bool
    source: str
    method: str


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


@dataclass(frozen=True)
class ReachTotals:
    """How many actions and participants the filtered figures rest on."""

    actions: int
    actions_with_total: int
    actions_without_total: int  # participants_total not known
    participants_total: int  # sum of the known totals
    age_denominator: int  # size of the actions that recorded an age band (see module doc)
    age_recorded: int  # participants whose age band was recorded
    actions_with_age: int
    departments_active: int  # departments (not advocacy bodies) with at least one filtered action

    @property
    def age_unknown(self) -> int:
        """Participants of age-recording actions whose age band was not recorded."""
        return max(self.age_denominator - self.age_recorded, 0)


def _label(group: AudienceGroup) -> Label:
    return Label(group.id, group.code, group.name_fi, group.name_en)


def _filtered_reach(filters: MetricFilters) -> Subquery:
    """(action_id, audience_group_id, count) of the filtered actions."""
    return (
        select(ActionReach.action_id, ActionReach.audience_group_id, ActionReach.count)
        .join(Action, Action.id == ActionReach.action_id)
        .where(*action_conditions(filters))
        .subquery()
    )


def participants_by_group(session: Session, filters: MetricFilters) -> list[GroupReach]:
    """Participants per active audience group (zero when nothing was recorded), in sort order."""
    reach = _filtered_reach(filters)
    rows = session.execute(
        select(
            AudienceGroup,
            func.coalesce(func.sum(reach.c.count), 0),
            func.count(reach.c.action_id),
        )
        .outerjoin(reach, reach.c.audience_group_id == AudienceGroup.id)
        .where(AudienceGroup.active)
        .group_by(AudienceGroup.id)
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


def action_sizes(filters: MetricFilters) -> Subquery:
    """Per filtered action: id, department, participants_total, size, age-band sum, age rows,
    foreign-language count (-1 = not recorded) and young people (0 = none recorded)."""
    age_sum = func.coalesce(func.sum(case((AudienceGroup.kind == AGE, ActionReach.count), else_=0)), 0).label(
        "age_sum"
    )
    age_rows = func.count(case((AudienceGroup.kind == AGE, 1))).label("age_rows")
    foreign = func.coalesce(
        func.max(case((AudienceGroup.code == FOREIGN_LANGUAGE, ActionReach.count))), -1
    ).label("foreign")
    youth = func.coalesce(func.sum(case((AudienceGroup.code == YOUTH, ActionReach.count), else_=0)), 0).label(
        "youth"
    )
    per_action = (
        select(
            Action.id.label("action_id"),
            Action.department_id,
            Action.participants_total,
            age_sum,
            age_rows,
            foreign,
            youth,
        )
        .outerjoin(ActionReach, ActionReach.action_id == Action.id)
        .outerjoin(AudienceGroup, AudienceGroup.id == ActionReach.audience_group_id)
        .where(*action_conditions(filters))
        .group_by(Action.id, Action.department_id, Action.participants_total)
        .subquery()
    )
    size = case(
        (per_action.c.participants_total >= per_action.c.age_sum, per_action.c.participants_total),
        else_=per_action.c.age_sum,
    )
    return select(
        per_action.c.action_id,
        per_action.c.department_id,
        per_action.c.participants_total,
        size.label("size"),
        per_action.c.age_sum,
        per_action.c.age_rows,
        per_action.c.foreign,
        per_action.c.youth,
    ).subquery()


def _totals_and_foreign_denominator(session: Session, filters: MetricFilters) -> tuple[ReachTotals, int]:
    """The totals and the foreign-language denominator in one pass over the per-action sums."""
    sizes = action_sizes(filters)
    departments_proper = select(Department.id).where(Department.kind == "department")
    with_age = sizes.c.age_rows > 0
    foreign_size = case((sizes.c.size >= sizes.c.foreign, sizes.c.size), else_=sizes.c.foreign)
    row = session.execute(
        select(
            func.count(),
            func.count(sizes.c.participants_total),
            func.coalesce(func.sum(sizes.c.participants_total), 0),
            # Departments proper: advocacy bodies log actions too but are not toimialat.
            func.count(
                func.distinct(case((sizes.c.department_id.in_(departments_proper), sizes.c.department_id)))
            ),
            func.coalesce(func.sum(case((with_age, sizes.c.size), else_=0)), 0),
            func.count(case((with_age, 1))),
            func.coalesce(func.sum(sizes.c.age_sum), 0),
            func.coalesce(func.sum(case((sizes.c.foreign >= 0, foreign_size), else_=0)), 0),
        )
    ).one()
    actions, with_total, total, departments, age_denominator, with_age_count, recorded, foreign = (
        int(value or 0) for value in row
    )
    totals = ReachTotals(
        actions=actions,
        actions_with_total=with_total,
        actions_without_total=actions - with_total,
        participants_total=total,
        age_denominator=age_denominator,
        age_recorded=recorded,
        actions_with_age=with_age_count,
        departments_active=departments,
    )
    return totals, foreign


def population_figures(session: Session, end_year: int | None) -> dict[int | None, PopulationFigureInfo]:
    """Per audience group id (None = total population): the figure of the latest year ≤
    `end_year`, else the latest year there is (None: always the latest)."""
    preferred = case((PopulationFigure.year <= end_year, 0), else_=1) if end_year is not None else literal(0)
    ranked = select(
        PopulationFigure,
        func.row_number()
        .over(
            partition_by=PopulationFigure.audience_group_id,
            order_by=(preferred, PopulationFigure.year.desc()),
        )
        .label("rank"),
    ).subquery()
    rows = session.execute(select(ranked).where(ranked.c.rank == 1)).mappings().all()
    return {
        row["audience_group_id"]: PopulationFigureInfo(
            int(row["count"]), int(row["year"]), bool(row["estimate"]), row["source"], row["method"]
        )
        for row in rows
    }


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


def reach_figures(session: Session, filters: MetricFilters) -> ReachFigures:
    """Totals and representation of the filtered actions: each age band with a population
    figure, then foreign-language speakers (when they have one). Formulas: module docstring."""
    small_count = load_metric_settings(session).small_count
    figures = population_figures(session, filters.end.year if filters.end else None)
    totals, foreign_denominator = _totals_and_foreign_denominator(session, filters)
    reach = _filtered_reach(filters)
    # Every active group with its participants; those with a population figure are compared.
    rows = session.execute(
        select(AudienceGroup, func.coalesce(func.sum(reach.c.count), 0))
        .outerjoin(reach, reach.c.audience_group_id == AudienceGroup.id)
        .where(AudienceGroup.active)
        .group_by(AudienceGroup.id)
        .order_by(AudienceGroup.sort_order, AudienceGroup.id)
    ).all()
    counts = {group.id: int(total) for group, total in rows}
    groups = [group for group, _ in rows if group.id in figures]
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
    return ReachFigures(totals, result, overall_score(result))


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
    "group_share",
    "overall_score",
    "participants_by_group",
    "population_figures",
    "reach_figures",
    "representation",
    "representation_score",
]
