"""The report sums read from the monthly sums (models/rollups.py) instead of every action.

They answer only when the filters fall on whole buckets: a period of whole calendar months
(the report periods: year, quarter, month; or none) and no participation-form or channel filter
(an action's links are not part of its bucket). Otherwise `covers` says no and the readers
add up the raw rows. Each function returns its rows in the shape of the raw query it stands in
for, so the callers build the same figures from either; tests/unit/test_rollup_reads.py checks
that both give the same for every filter.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, ScalarSelect, Select, Subquery, case, func, literal, null, select
from sqlalchemy.orm import Session

from ..models import ActionMonth, AudienceGroup, Channel, Department, LinkMonth, Opportunity, ReachMonth
from ..models.rollups import AIMED, CHANNEL_GROUP, FEEDBACK, FORM_ACTIONS, GROUP_OPPORTUNITY, UNTOLD
from .filters import MetricFilters
from .item_keys import InForceKey


def covers(filters: MetricFilters) -> bool:
    """True when the filters select whole buckets."""
    if filters.form_codes or filters.channel_codes:
        return False
    if filters.start is not None and filters.start.day != 1:
        return False
    return filters.end is None or (filters.end + timedelta(days=1)).day == 1


def _conditions(
    model: type[ActionMonth] | type[ReachMonth] | type[LinkMonth], filters: MetricFilters
) -> list[ColumnElement[bool]]:
    month = model.year * 100 + model.month
    conditions: list[ColumnElement[bool]] = []
    if filters.start is not None:
        conditions.append(month >= filters.start.year * 100 + filters.start.month)
    if filters.end is not None:
        conditions.append(month <= filters.end.year * 100 + filters.end.month)
    if filters.department_ids:
        conditions.append(model.department_id.in_(filters.department_ids))
    if filters.area_ids:
        conditions.append(model.area_key.in_(filters.area_ids))
    return conditions


def totals_select(filters: MetricFilters, index: int) -> Select[Any]:
    """window `index`, actions, with a total, participants, departments active, age
    denominator, actions with an age band, age recorded, foreign-language denominator (as
    reach_totals' raw select, so windows of either kind share one statement)."""
    months = ActionMonth
    departments_proper = select(Department.id).where(Department.kind == "department")
    query = select(
        literal(index).label("window"),
        func.coalesce(func.sum(months.actions), 0),
        func.coalesce(func.sum(months.actions_with_total), 0),
        func.coalesce(func.sum(months.participants_total), 0),
        # A bucket whose actions are all gone keeps a row of zeros: it makes nobody active.
        func.count(
            func.distinct(
                case(
                    (
                        (months.actions > 0) & months.department_id.in_(departments_proper),
                        months.department_id,
                    )
                )
            )
        ),
        func.coalesce(func.sum(months.age_denominator), 0),
        func.coalesce(func.sum(months.actions_with_age), 0),
        func.coalesce(func.sum(months.age_recorded), 0),
        func.coalesce(func.sum(months.foreign_denominator), 0),
    )
    # Typed loosely like the raw select it stands beside in one UNION ALL.
    return cast("Select[Any]", query.where(*_conditions(months, filters)))


def participants_in(filters: MetricFilters) -> ScalarSelect[int]:
    """The participants of the (correlated) audience group in the filtered buckets."""
    return (
        select(func.coalesce(func.sum(ReachMonth.participants), 0))
        .where(ReachMonth.audience_group_id == AudienceGroup.id, *_conditions(ReachMonth, filters))
        .correlate(AudienceGroup)
        .scalar_subquery()
    )


def group_sums(filters: MetricFilters) -> Subquery:
    """(audience_group_id, participants, actions) of the filtered buckets."""
    return (
        select(
            ReachMonth.audience_group_id,
            func.sum(ReachMonth.participants).label("participants"),
            func.sum(ReachMonth.actions).label("actions"),
        )
        .where(*_conditions(ReachMonth, filters))
        .group_by(ReachMonth.audience_group_id)
        .subquery()
    )


def department_group_cells(filters: MetricFilters) -> Select[int, int, int]:
    """(department id, group id, participants) of the filtered buckets (as
    coverage.department_group_cells' raw select)."""
    return (
        select(ReachMonth.department_id, ReachMonth.audience_group_id, func.sum(ReachMonth.participants))
        .where(*_conditions(ReachMonth, filters))
        .group_by(ReachMonth.department_id, ReachMonth.audience_group_id)
    )


def per_group(filters: MetricFilters, figure: str) -> Select[int, None, int]:
    """(group id, None, participants or reach rows (`figure`)) of the filtered buckets: the
    special groups' figures (as reach_page's raw selects)."""
    return (
        select(ReachMonth.audience_group_id, null(), func.sum(getattr(ReachMonth, figure)))
        .where(*_conditions(ReachMonth, filters))
        .group_by(ReachMonth.audience_group_id)
    )


def department_form_cells(filters: MetricFilters) -> Select[int, int, int]:
    """(department id, form id, actions) of the filtered buckets (as coverage's raw select)."""
    return (
        select(LinkMonth.department_id, LinkMonth.a, func.sum(LinkMonth.value))
        .where(LinkMonth.kind == FORM_ACTIONS, *_conditions(LinkMonth, filters))
        .group_by(LinkMonth.department_id, LinkMonth.a)
    )


def _of_groups(group_ids: Any) -> list[ColumnElement[bool]]:
    return [] if group_ids is None else [LinkMonth.a.in_(group_ids)]


def group_opportunity_cells(
    filters: MetricFilters, day: date, group_ids: Any = None
) -> Select[int, int, int]:
    """(group id, opportunity key, participants) of the filtered buckets' actions that name an
    opportunity, keyed by the edition in force on `day` (item_keys); only of `group_ids` (ids
    or a SELECT of them) when given."""
    opportunity = InForceKey(Opportunity, day)
    cells: Select[int, int, int] = (
        opportunity.join(
            select(LinkMonth.a, opportunity.id, func.sum(LinkMonth.value)).select_from(LinkMonth), LinkMonth.b
        )
        .where(LinkMonth.kind == GROUP_OPPORTUNITY, *_conditions(LinkMonth, filters), *_of_groups(group_ids))
        .group_by(LinkMonth.a, opportunity.id)
    )
    return cells


def aimed_cells(filters: MetricFilters, day: date, group_ids: Any = None) -> Select[int, int, int]:
    """(group id aimed at, opportunity key, actions) of the filtered buckets' actions that name
    an opportunity, keyed as `group_opportunity_cells`; only of `group_ids` when given."""
    opportunity = InForceKey(Opportunity, day)
    cells: Select[int, int, int] = (
        opportunity.join(
            select(LinkMonth.a, opportunity.id, func.sum(LinkMonth.value)).select_from(LinkMonth), LinkMonth.b
        )
        .where(LinkMonth.kind == AIMED, *_conditions(LinkMonth, filters), *_of_groups(group_ids))
        .group_by(LinkMonth.a, opportunity.id)
    )
    return cells


def _link_total(filters: MetricFilters, kind: str, *conditions: ColumnElement[bool]) -> ScalarSelect[int]:
    return (
        select(func.coalesce(func.sum(LinkMonth.value), 0))
        .where(LinkMonth.kind == kind, *_conditions(LinkMonth, filters), *conditions)
        .scalar_subquery()
    )


def feedback_sums(filters: MetricFilters, open_before: int, kept: int, index: int) -> Select[Any]:
    """One row: window `index`, the planning and decision actions of the filtered buckets, those told how
    their input was used, those not told whose loop closed before the day `open_before`
    (yyyymmdd), and the day (yyyymmdd) by which the `kept` oldest of these had closed (None
    when there are fewer): the oldest open loops started on or before it."""
    untold = (
        select(LinkMonth.a.label("day"), func.sum(LinkMonth.value).label("n"))
        .where(LinkMonth.kind == UNTOLD, LinkMonth.a < open_before, *_conditions(LinkMonth, filters))
        .group_by(LinkMonth.a)
        .subquery()
    )
    running = select(
        untold.c.day, func.sum(untold.c.n).over(order_by=untold.c.day).label("so_far")
    ).subquery()
    return select(
        literal(index).label("window"),
        _link_total(filters, FEEDBACK),
        _link_total(filters, FEEDBACK, LinkMonth.a == 1),
        select(func.coalesce(func.sum(untold.c.n), 0)).scalar_subquery(),
        select(func.min(running.c.day)).where(running.c.so_far >= kept).scalar_subquery(),
    )


def departments_with_actions() -> Select[int]:
    """The departments with a live action (a bucket of theirs counts one)."""
    return select(ActionMonth.department_id).where(ActionMonth.actions > 0)


def first_month() -> ScalarSelect[int]:
    """year × 100 + month of the earliest bucket with a live action (None when none)."""
    return (
        select(func.min(ActionMonth.year * 100 + ActionMonth.month))
        .where(ActionMonth.actions > 0)
        .scalar_subquery()
    )


def channel_group_cells(
    filters: MetricFilters, day: date, group_ids: Any = None, group_first: bool = False
) -> Select[int, int, int]:
    """(channel key, group id, participants) of the filtered buckets, each channel keyed by the
    edition in force on `day` (item_keys); (group id, channel key, …) with `group_first`; only
    of `group_ids` when given."""
    channel = InForceKey(Channel, day)
    pair = (LinkMonth.b, channel.id) if group_first else (channel.id, LinkMonth.b)
    groups = [] if group_ids is None else [LinkMonth.b.in_(group_ids)]
    cells: Select[int, int, int] = (
        channel.join(select(*pair, func.sum(LinkMonth.value)).select_from(LinkMonth), LinkMonth.a)
        .where(LinkMonth.kind == CHANNEL_GROUP, *_conditions(LinkMonth, filters), *groups)
        .group_by(*pair)
    )
    return cells


def quarter_rows(session: Session, filters: MetricFilters, youth_code: str) -> list[tuple[Any, ...]]:
    """Per quarter with actions: year, quarter, actions, participants, young people, age
    denominator, online or hybrid actions (as trends.py's raw query)."""
    quarter = _quarter(ActionMonth.month)
    youth_quarter = _quarter(ReachMonth.month)
    youth = (
        select(
            ReachMonth.year.label("year"),
            youth_quarter.label("quarter"),
            func.sum(ReachMonth.participants).label("youth"),
        )
        .join(AudienceGroup, AudienceGroup.id == ReachMonth.audience_group_id)
        .where(AudienceGroup.code == youth_code, *_conditions(ReachMonth, filters))
        .group_by(ReachMonth.year, youth_quarter)
        .subquery()
    )
    sums = (
        select(
            ActionMonth.year.label("year"),
            quarter.label("quarter"),
            func.sum(ActionMonth.actions).label("actions"),
            func.sum(ActionMonth.participants_total).label("participants"),
            func.sum(ActionMonth.age_denominator).label("age_denominator"),
            func.sum(ActionMonth.digital_actions).label("digital"),
        )
        .where(*_conditions(ActionMonth, filters))
        .group_by(ActionMonth.year, quarter)
        .having(func.sum(ActionMonth.actions) > 0)
        .subquery()
    )
    return [
        tuple(row)
        for row in session.execute(
            select(
                sums.c.year,
                sums.c.quarter,
                sums.c.actions,
                sums.c.participants,
                func.coalesce(youth.c.youth, 0),
                sums.c.age_denominator,
                sums.c.digital,
            ).outerjoin(youth, (youth.c.year == sums.c.year) & (youth.c.quarter == sums.c.quarter))
        )
    ]


def _quarter(month: Any) -> ColumnElement[int]:
    return case((month <= 3, 1), (month <= 6, 2), (month <= 9, 3), else_=4)
