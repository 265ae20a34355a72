"""The readers that take several windows (or days) at once answer for each exactly what they
answer for it alone: the evaluation and the council read two or three windows together, and a
batched read that mixed them up would change a figure without any page saying so."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.demo import load_demo
from data_model.indicators import INDICATORS
from data_model.metrics.filters import MetricFilters
from data_model.metrics.gaps import gaps_among, gaps_among_windows
from data_model.metrics.indicator_counts import programme_counts, programme_counts_on
from data_model.metrics.indicators import YEAR, indicator_values, indicator_values_on, period
from data_model.metrics.reach import reach_figures, reach_figures_for
from data_model.metrics.reporting import department_statuses, department_statuses_on
from tests.unit.evaluation_fixture import log_evaluation_actions

# Windows that overlap, fall on whole months or not, and one with nothing in it.
WINDOWS = (
    MetricFilters(start=date(2022, 10, 17), end=date(2023, 10, 16)),
    MetricFilters(start=date(2023, 1, 1), end=date(2025, 12, 31)),
    MetricFilters(start=date(2025, 1, 1), end=date(2025, 12, 31)),
    MetricFilters(start=date(2024, 3, 5), end=date(2024, 9, 20)),
    MetricFilters(start=date(2030, 1, 1), end=date(2030, 12, 31)),
)


def _world(engine: Engine) -> None:
    log_evaluation_actions(engine)
    with transaction(engine) as session:
        load_demo(session)


def test_reach_of_several_windows_is_each_windows_own(engine: Engine) -> None:
    _world(engine)
    with session_factory(engine)() as session:
        together = reach_figures_for(session, WINDOWS)
        alone = [reach_figures(session, window) for window in WINDOWS]
    assert together == alone


def test_gaps_of_several_windows_are_each_windows_own(engine: Engine) -> None:
    _world(engine)
    with session_factory(engine)() as session:
        compared = [(window, reach_figures(session, window).representation) for window in WINDOWS]
        together = gaps_among_windows(session, compared)
        alone = [gaps_among(session, window, rows) for window, rows in compared]
        unsuggested = gaps_among_windows(session, compared, suggest=[False] * len(WINDOWS))
        plain = [gaps_among(session, window, rows, with_suggestions=False) for window, rows in compared]
    assert together == alone
    assert unsuggested == plain
    # the windows differ, so a mix-up would show
    assert len({tuple(gap.best_channels for gap in found) for found in together}) > 1


DAYS = (date(2023, 10, 16), date(2025, 12, 31), date(2024, 6, 30))


def test_indicators_on_several_days_are_each_days_own(engine: Engine) -> None:
    _world(engine)
    with session_factory(engine)() as session:
        for with_trend in (True, False):
            together = indicator_values_on(session, INDICATORS, DAYS, with_trend=with_trend)
            alone = {day: indicator_values(session, INDICATORS, day, with_trend=with_trend) for day in DAYS}
            assert together == alone
        # the days differ, so a mix-up would show
        assert len({together[day]["actions_logged"].value for day in DAYS}) > 1


def test_indicators_take_the_reach_and_statuses_a_caller_has_read(engine: Engine) -> None:
    _world(engine)
    with session_factory(engine)() as session:
        windows = [period(day, YEAR) for day in DAYS]
        reach = dict(zip(windows, reach_figures_for(session, windows), strict=True))
        statuses = department_statuses_on(session, DAYS)
        given = indicator_values_on(session, INDICATORS, DAYS, False, reach=reach, departments=statuses)
        assert given == indicator_values_on(session, INDICATORS, DAYS, False)


def test_counts_and_statuses_of_several_days_are_each_days_own(engine: Engine) -> None:
    _world(engine)
    with session_factory(engine)() as session:
        by_day = {day: [period(day, YEAR), period(day, 3)] for day in DAYS}
        assert programme_counts_on(session, by_day) == {
            day: programme_counts(session, windows) for day, windows in by_day.items()
        }
        days = (*DAYS, date(2030, 1, 1))  # the departments' reports are overdue by then
        statuses = department_statuses_on(session, days)
        assert statuses == {day: department_statuses(session, day) for day in days}
    # the days differ, so a mix-up would show
    assert len({tuple(row.status for row in rows) for rows in statuses.values()}) > 1
