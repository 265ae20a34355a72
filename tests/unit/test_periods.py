"""Reporting periods: keys, boundaries, the previous period and the default choice."""

from __future__ import annotations

from datetime import date

import pytest

from data_model.exports.periods import (
    QUARTER,
    TERM,
    YEAR,
    UnknownPeriod,
    default_period,
    period_containing,
    period_from_key,
    previous_period,
    recent_periods,
)


def test_keys_name_their_dates() -> None:
    quarter = period_from_key("2025-Q3")
    assert (quarter.start, quarter.end) == (date(2025, 7, 1), date(2025, 9, 30))
    assert quarter.label() == "Q3/2025"
    year = period_from_key("2024")
    assert (year.start, year.end) == (date(2024, 1, 1), date(2024, 12, 31))
    term = period_from_key("valtuustokausi-2025-2029")
    assert (term.start, term.end) == (date(2025, 6, 1), date(2029, 5, 31))
    assert term.label() == "valtuustokausi 2025–2029"


@pytest.mark.parametrize("key", ["2025-Q5", "Q3", "valtuustokausi-2025-2030", "2025-13", ""])
def test_unknown_keys_are_refused(key: str) -> None:
    with pytest.raises(UnknownPeriod):
        period_from_key(key)


def test_the_2021_term_ended_when_the_2025_term_began() -> None:
    assert period_containing(TERM, date(2025, 5, 31)).key == "valtuustokausi-2021-2025"
    assert period_containing(TERM, date(2025, 6, 1)).key == "valtuustokausi-2025-2029"


def test_previous_period_is_the_one_of_the_same_kind_before() -> None:
    assert previous_period(period_from_key("2025-Q1")) == period_from_key("2024-Q4")
    assert previous_period(period_from_key("2025")) == period_from_key("2024")
    assert previous_period(period_from_key("valtuustokausi-2025-2029")) == period_from_key(
        "valtuustokausi-2021-2025"
    )
    assert previous_period(period_from_key("valtuustokausi-2017-2021")) is None


def test_choices_run_newest_first_and_open_on_the_last_complete_period() -> None:
    today = date(2026, 11, 28)
    quarters = recent_periods(QUARTER, today, count=3)
    assert [p.key for p in quarters] == ["2026-Q4", "2026-Q3", "2026-Q2"]
    assert quarters[0].in_progress(today) and not quarters[1].in_progress(today)
    assert default_period(QUARTER, today).key == "2026-Q3"
    assert default_period(YEAR, today).key == "2025"
    assert default_period(TERM, today).key == "valtuustokausi-2025-2029"
