"""Quarterly trends, worked out by hand, and the period helpers."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from data_model.db import session_factory
from data_model.metrics.filters import (
    MetricFilters,
    add_months,
    council_term_range,
    quarter_of,
    quarter_range,
)
from data_model.metrics.trends import QuarterTrend, quarterly_trends
from tests.factories import READER
from tests.metrics_data import YEAR_2025, build_small_fixture


def test_quarters_of_2025(engine: Engine) -> None:
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        rows = quarterly_trends(session, READER, YEAR_2025)
    assert rows == [
        QuarterTrend(2025, 1, actions=1, participants=40, youth=30, age_denominator=40, digital_actions=0),
        QuarterTrend(2025, 2, actions=1, participants=60, youth=0, age_denominator=60, digital_actions=0),
        # The activity day has no total: its size for the youth share is its recorded 3.
        QuarterTrend(2025, 3, actions=1, participants=0, youth=3, age_denominator=3, digital_actions=1),
        QuarterTrend(2025, 4, actions=0, participants=0, youth=0, age_denominator=0, digital_actions=0),
    ]
    assert rows[0].youth_share == pytest.approx(0.75)
    assert rows[2].youth_share == 1.0 and rows[3].youth_share is None
    assert rows[0].label == "2025/1"


def test_all_time_runs_from_the_first_to_the_last_quarter(engine: Engine) -> None:
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        rows = quarterly_trends(session, READER, MetricFilters())
    assert (rows[0].label, rows[-1].label, len(rows)) == ("2023/1", "2025/3", 11)
    by_label = {row.label: row for row in rows}
    assert (by_label["2023/1"].participants, by_label["2023/1"].digital_actions) == (496, 1)
    assert by_label["2023/2"].youth_share == pytest.approx(2 / 137)
    assert by_label["2024/2"].actions == 0


def test_no_actions_no_quarters(engine: Engine) -> None:
    with session_factory(engine)() as session:
        assert quarterly_trends(session, READER, MetricFilters(department_ids=(-1,))) == []


def test_period_helpers() -> None:
    assert quarter_of(date(2025, 8, 20)) == (2025, 3)
    assert quarter_range(2025, 4) == (date(2025, 10, 1), date(2025, 12, 31))
    assert quarter_range(2024, 1) == (date(2024, 1, 1), date(2024, 3, 31))
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2025, 1, 15), -13) == date(2023, 12, 15)
    assert council_term_range(date(2025, 6, 1)) == (date(2025, 6, 1), date(2029, 5, 31))
    assert council_term_range(date(2010, 1, 1)) is None
