"""The feedback loop rate and open loops, with fixed days."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, update

from data_model.db import session_factory, transaction
from data_model.metrics import feedback
from data_model.metrics.feedback import feedback_loop
from data_model.metrics.filters import MetricFilters
from data_model.models import Setting
from tests.factories import READER
from tests.metrics_data import YEAR_2025, add_action, build_small_fixture


def test_rate_counts_planning_and_decision_actions(engine: Engine) -> None:
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        loop = feedback_loop(session, READER, YEAR_2025, date(2025, 4, 1))
    # The council survey (planning, no feedback) and the planning evening (decision, feedback);
    # the activity day is neither, the deleted planning action does not count.
    assert (loop.actions, loop.with_feedback, loop.rate) == (2, 1, 0.5)


def test_open_loops_after_sixty_days(engine: Engine) -> None:
    fixture = build_small_fixture(engine)
    with session_factory(engine)() as session:
        on_day_60 = feedback_loop(session, READER, YEAR_2025, date(2025, 4, 11))
        on_day_61 = feedback_loop(session, READER, YEAR_2025, date(2025, 4, 12))
    assert on_day_60.open_loops == ()
    assert [(loop.action_id, loop.days_open, loop.closed_on) for loop in on_day_61.open_loops] == [
        (fixture.youth_camp, 61, date(2025, 2, 10))
    ]
    assert on_day_61.open_loops[0].department.code == "hyvinvointi"
    with transaction(engine) as session:
        session.execute(update(Setting).where(Setting.key == "open_loop_days").values(value="30"))
    with session_factory(engine)() as session:
        assert len(feedback_loop(session, READER, YEAR_2025, date(2025, 3, 15)).open_loops) == 1


def test_baseline_loops_are_closed_and_empty_periods_have_no_rate(engine: Engine) -> None:
    with session_factory(engine)() as session:
        baseline = feedback_loop(session, READER, MetricFilters(end=date(2023, 12, 31)), date(2025, 1, 1))
        empty = feedback_loop(session, READER, MetricFilters(start=date(2030, 1, 1)), date(2031, 1, 1))
    assert (baseline.actions, baseline.with_feedback, baseline.rate, baseline.open_loops) == (3, 3, 1.0, ())
    assert (empty.actions, empty.rate) == (0, None)


def test_open_loops_are_counted_in_full_and_only_the_oldest_kept(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The result is cached and unpickled on every view: it holds the count, not every loop.
    monkeypatch.setattr(feedback, "OPEN_LOOPS_KEPT", 2)
    fixture = build_small_fixture(engine)
    with transaction(engine) as session:
        later = [
            add_action(session, "hyvinvointi", f"Kysely {day}", date(2025, 3, day), forms=["suunnittelu"]).id
            for day in (3, 1, 2)
        ]
    with session_factory(engine)() as session:
        loop = feedback_loop(session, READER, YEAR_2025, date(2025, 12, 31))
    assert loop.open_loop_count == 4
    assert [item.action_id for item in loop.open_loops] == [fixture.youth_camp, later[1]]
