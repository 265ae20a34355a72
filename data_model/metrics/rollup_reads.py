"""The report sums read from the monthly sums (models/rollups.py) instead of every action.

They answer only when the filters fall on whole buckets: a period of whole calendar months
(the report periods: year, quarter, month; or none) and no participation-form or channel filter
(an action's links are not part of its bucket). Otherwise `covers` says no and the readers
add up the raw rows. Each function returns its rows in the shape of the raw query it stands in
for, so the callers build the same figures from either; tests/unit/test_rollup_reads.py checks
that both give the same for every filter.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, ScalarSelect, Select, Subquery, case, func, literal, select
from sqlalchemy.orm import Session

from ..models import ActionMonth, AudienceGroup, Department, ReachMonth
from .filters import MetricFilters


def covers(filters: MetricFilters) -> bool:
    """True when the filters select whole buckets."""
    if filters.form_codes or filters.channel_codes:
        return False
    if filters.start is not None and filters.start.day != 1:
        return False
    return filters.end is None or (filters.end + timedelta(days=1)).day == 1


def _conditions(
    model: type[ActionMonth] | type[ReachMonth], filters: MetricFilters
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
