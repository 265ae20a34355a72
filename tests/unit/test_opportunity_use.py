"""Each opportunity's use between two days, read from the monthly sums and the months at the
ends, equals a count over the raw rows: for first days on and off a month's first, in SQL and
in Python, none, after the last day, and for last days at a month's start, middle and end."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import Date, Engine, cast, literal, null, select
from sqlalchemy.orm import Session

from data_model.db import transaction
from data_model.metrics.catalogue import catalogue_usage
from data_model.metrics.day_keys import date_of_key
from data_model.metrics.duties import responsibilities
from data_model.metrics.opportunity_use import FirstDay, opportunity_use
from data_model.models import Action
from data_model.models.rollups import NO_OPPORTUNITY
from tests.demo_data import load_demo_with_deletions
from tests.factories import READER
from tests.sqlite_plans import sqlite_plans

TODAY = date(2026, 11, 28)


@pytest.fixture
def demo(engine: Engine) -> Engine:
    return load_demo_with_deletions(engine, TODAY)


Use = dict[tuple[int, int], tuple[int, date]]


def _raw(session: Session, first: date | None, last: date) -> Use:
    rows = session.execute(
        select(Action.department_id, Action.opportunity_id, Action.start_date).where(
            Action.deleted_at.is_(None), Action.start_date <= last
        )
    ).all()
    counts: Counter[tuple[int, int]] = Counter()
    newest: dict[tuple[int, int], date] = {}
    for department, opportunity, start in rows:
        if first is not None and start < first:
            continue
        key = (department, opportunity if opportunity is not None else NO_OPPORTUNITY)
        counts[key] += 1
        newest[key] = max(newest.get(key, start), start)
    return {key: (count, newest[key]) for key, count in counts.items()}


def _read(session: Session, firsts: list[FirstDay], last: date) -> list[Use]:
    use = opportunity_use(firsts, last)
    found: list[Use] = [{} for _ in firsts]
    for row in session.execute(select(use)).mappings():
        for i in range(len(firsts)):
            if row[f"n{i}"]:
                key = (row["department_id"], row["opportunity_id"])
                found[i][key] = (row[f"n{i}"], date_of_key(row[f"last{i}"]))
    return found


def _in_sql(day: date | None) -> Any:
    """The day as SQL, as an edition's start read in the statement is (None: NULL)."""
    return select(literal(day, Date) if day is not None else cast(null(), Date)).scalar_subquery()


FIRSTS = [None, date(2024, 1, 1), date(2024, 2, 15), date(2025, 6, 30), date(2026, 3, 1), date(2026, 11, 2)]
LASTS = [
    TODAY,
    date(2026, 10, 31),
    date(2026, 2, 28),
    date(2026, 6, 1),
    date(2025, 12, 15),
    date(2024, 2, 20),
]


@pytest.mark.parametrize("last", LASTS)
def test_the_use_between_two_days_equals_a_count_of_the_rows(demo: Engine, last: date) -> None:
    with transaction(demo) as session:
        expected = [_raw(session, first, last) for first in FIRSTS]
        assert any(expected), "the demo has actions to count"
        assert _read(session, list(FIRSTS), last) == expected
        # The same first days as SQL, in one statement with the Python ones.
        in_sql = [_in_sql(first) for first in FIRSTS]
        assert _read(session, [*in_sql, *FIRSTS], last) == expected + expected


def test_a_first_day_after_the_last_counts_nothing(demo: Engine) -> None:
    with transaction(demo) as session:
        later = TODAY + timedelta(days=40)
        assert _read(session, [later, _in_sql(later)], TODAY) == [{}, {}]


def test_a_save_shows_in_the_use_at_once(demo: Engine) -> None:
    """The sums are kept in the save's transaction: an edit that moves an action to another
    month counts it there on the next read."""
    with transaction(demo) as session:
        action = session.scalars(
            select(Action).where(Action.deleted_at.is_(None), Action.start_date < date(2026, 1, 1))
        ).first()
        assert action is not None
        action.start_date = action.end_date = date(2026, 4, 17)
    with transaction(demo) as session:
        first = date(2026, 2, 1)
        assert _read(session, [first], TODAY) == [_raw(session, first, TODAY)]


def test_the_catalogue_and_the_duties_read_the_actions_only_by_ranges_of_start_dates(demo: Engine) -> None:
    """Never every action: each part of a month is a range of the live-by-date index."""
    if demo.dialect.name != "sqlite":
        return  # PostgreSQL's planner picks by the table's size; SQLite's plan shows the rule.
    plans = sqlite_plans(demo, lambda session: catalogue_usage(session, READER, TODAY), "link_month")
    plans += sqlite_plans(demo, lambda session: responsibilities(session, READER, TODAY), "link_month")
    assert len(plans) == 2, plans
    for plan in plans:
        reads = [step for step in plan.split(" | ") if " action " in f"{step} "]
        assert reads, plan
        for step in reads:
            assert step.startswith("SEARCH action USING COVERING INDEX ix_action_live_by_date_covered"), step
            assert "start_date>? AND start_date<?" in step, step
