"""The totals the reach figures rest on (definitions: the docstring of metrics.reach): per
action its size and recorded counts, and per window the sums over them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, Subquery, case, func, literal, select, union_all
from sqlalchemy.orm import Session

from ..models import Action, ActionReach, AudienceGroup, Department
from . import rollup_reads
from .filters import MetricFilters, action_conditions

AGE = "age"
FOREIGN_LANGUAGE = "foreign_language"
# The young people's group (audience_groups.yaml): the headline gap; named here only.
YOUTH = "youth_15_29"


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


def _totals_select(filters: MetricFilters, index: int) -> Select[Any]:
    """The totals and the foreign-language denominator in one pass over the per-action sums,
    tagged with `index` so that several windows' rows can share one statement (over the monthly
    sums when the filters fall on whole months)."""
    if rollup_reads.covers(filters):
        return rollup_reads.totals_select(filters, index)
    sizes = action_sizes(filters)
    departments_proper = select(Department.id).where(Department.kind == "department")
    with_age = sizes.c.age_rows > 0
    foreign_size = case((sizes.c.size >= sizes.c.foreign, sizes.c.size), else_=sizes.c.foreign)
    return select(
        literal(index).label("window"),
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


def totals_and_foreign_denominators(
    session: Session, windows: Sequence[MetricFilters]
) -> list[tuple[ReachTotals, int]]:
    """Each window's totals and foreign-language denominator, all in one statement."""
    selects = [_totals_select(filters, index) for index, filters in enumerate(windows)]
    rows = {
        row[0]: row[1:] for row in session.execute(union_all(*selects) if len(selects) > 1 else selects[0])
    }
    result = []
    for index in range(len(windows)):
        actions, with_total, total, departments, age_denominator, with_age_count, recorded, foreign = (
            int(value or 0) for value in rows[index]
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
        result.append((totals, foreign))
    return result
