"""The readers that take several windows (or days) at once answer for each exactly what they
answer for it alone: the evaluation and the council read two or three windows together, and a
batched read that mixed them up would change a figure without any page saying so."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.demo import load_demo
from data_model.metrics.filters import MetricFilters
from data_model.metrics.gaps import gaps_among, gaps_among_windows
from data_model.metrics.reach import reach_figures, reach_figures_for
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
