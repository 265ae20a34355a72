"""How often each opportunity was used, per department, between a first day and `last`: the
count and the newest start day of the live actions, read from the monthly sums (link_month,
kind OPPORTUNITY_USE) for the whole months and from the actions for the days outside them.

The first days may be SQL (an edition's start read inside the same statement), so which months
are whole is decided in SQL too: a month counts from the sums when it starts on or after the
first day and ends on or before `last`; the actions of the days outside such months are read
themselves, and count only where their own month is not one taken from the sums. So each
action counts once, and a figure does not depend on whether a month was whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Subquery,
    and_,
    case,
    extract,
    func,
    literal,
    not_,
    select,
    union_all,
)

from ..models import Action, LinkMonth
from ..models.rollups import NO_OPPORTUNITY, OPPORTUNITY_USE
from .day_keys import day_key, month_after, month_after_of, month_key, month_key_of
from .filters import live_actions

# A first day: a date, a date in SQL, or None for the beginning of time.
FirstDay = date | ColumnElement[Any] | None


def _bounds(firsts: Sequence[FirstDay]) -> list[tuple[Any, Any, Any]]:
    """Each first day (None: the beginning), the first day of its first whole month, and that
    month as yyyymm: Python values where the first day is one, else scalar subqueries of a
    one-row CTE, which also keeps the statement shallow (SQLite's parser stops at a depth an
    edition's start nested a few times reaches)."""
    in_sql = {i: first for i, first in enumerate(firsts) if isinstance(first, ColumnElement)}
    if in_sql:
        days = select(
            *(func.coalesce(first, date.min).label(f"first{i}") for i, first in in_sql.items())
        ).cte()
        whole_from = {
            i: case(
                (extract("day", days.c[f"first{i}"]) == 1, days.c[f"first{i}"]),
                else_=month_after(days.c[f"first{i}"]),
            )
            for i in in_sql
        }
        wholes = select(
            *(day.label(f"from{i}") for i, day in whole_from.items()),
            *(month_key(day).label(f"whole{i}") for i, day in whole_from.items()),
        ).cte()
    bounds: list[tuple[Any, Any, Any]] = []
    for i, first in enumerate(firsts):
        if i in in_sql:
            bounds.append(
                (
                    select(days.c[f"first{i}"]).scalar_subquery(),
                    select(wholes.c[f"from{i}"]).scalar_subquery(),
                    select(wholes.c[f"whole{i}"]).scalar_subquery(),
                )
            )
        elif isinstance(first, date):
            day = first if first.day == 1 else month_after_of(first)
            bounds.append((first, day, month_key_of(day)))
        else:
            bounds.append((None, None, 0))
    return bounds


def opportunity_use(firsts: Sequence[FirstDay], last: date) -> Subquery:
    """Per department and opportunity (NO_OPPORTUNITY: none), for each of `firsts` (index i)
    the live actions that started from that day to `last`, both included, as n{i}, and the
    newest of their start days as yyyymmdd, last{i} (NULL: none)."""
    # The months before `unsummed` are whole; from it on they are read from the actions.
    after = last + timedelta(days=1)
    unsummed = after if after.day == 1 else date(last.year, last.month, 1)
    before = month_key_of(unsummed)
    bounds = _bounds(firsts)
    month = LinkMonth.year * 100 + LinkMonth.month
    summed = [and_(month >= whole, month < before) for _first, _from, whole in bounds]
    from_sums = select(
        LinkMonth.department_id.label("department_id"),
        LinkMonth.a.label("opportunity_id"),
        *(
            column
            for i, taken in enumerate(summed)
            for column in (
                case((taken, LinkMonth.value)).label(f"n{i}"),
                case((taken, LinkMonth.b)).label(f"last{i}"),
            )
        ),
    ).where(LinkMonth.kind == OPPORTUNITY_USE, month < before)

    start = Action.start_date
    own_month = month_key(start)
    counted = [
        and_(
            *([start >= first] if first is not None else []),
            not_(and_(own_month >= whole, own_month < before)),
        )
        for first, _from, whole in bounds
    ]
    # The days outside whole months: from `unsummed` on, and from each first day to its first
    # whole month (none when it is a month's first day). Each range is read by itself, so each
    # is a range of the live-by-date index whatever the planner knows, leaving out the days of
    # the ranges before it, so an action is read once.
    ranges = [start >= unsummed] + [
        and_(start >= first, start < whole_from) for first, whole_from, _whole in bounds if first is not None
    ]
    from_rows = [
        select(
            Action.department_id,
            func.coalesce(Action.opportunity_id, NO_OPPORTUNITY),
            *(
                column
                for condition in counted
                for column in (case((condition, literal(1))), case((condition, day_key(start))))
            ),
        ).where(live_actions(), start <= last, days, *(not_(earlier) for earlier in ranges[:k]))
        for k, days in enumerate(ranges)
    ]

    both = union_all(from_sums, *from_rows).subquery()
    return (
        select(
            both.c.department_id,
            both.c.opportunity_id,
            *(
                column
                for i in range(len(firsts))
                for column in (
                    func.coalesce(func.sum(both.c[f"n{i}"]), 0).label(f"n{i}"),
                    func.max(both.c[f"last{i}"]).label(f"last{i}"),
                )
            ),
        )
        .group_by(both.c.department_id, both.c.opportunity_id)
        .subquery()
    )
