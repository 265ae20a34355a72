"""The reach page's measures without actions ask only whether a counted action advanced each
measure (NOT EXISTS, stopping at the first), not the counts per measure the steps page
groups every action for (at 100,000 actions that grouping was most of the reach page's SQL).
The answer must stay the aggregate's "nothing logged"."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from data_model.metrics.filters import MetricFilters
from data_model.metrics.measures import (
    MeasureCounts,
    measure_activity,
    measure_activity_for,
    measure_counts,
    measures_without_actions,
)
from data_model.models import Department
from tests.factories import READER
from tests.metrics_data import add_action
from tests.sql_statements import sql_statements, statements_of
from tests.sqlite_plans import sqlite_plans
from tests.unit.programme_fixture import build


def _mixed(session: Session) -> None:
    """The fixture, plus measures advanced in one period, one department or one channel only."""
    build(session)
    add_action(
        session, "hyvinvointi", "Kysely", date(2026, 3, 1), measures=["vuoropuhelu"], channels=["facebook"]
    )
    add_action(
        session,
        "kaupunkiymparisto",
        "Kaavailta",
        date(2024, 9, 1),
        measures=["palaute_huomioimisesta", "vuoropuhelu"],
    )
    add_action(
        session,
        "hyvinvointi",
        "Poistettu",
        date(2026, 3, 2),
        measures=["helpot_osallistumiskeinot"],
        deleted=True,
    )


def test_measures_without_actions_are_the_aggregates_nothing_logged(session: Session) -> None:
    _mixed(session)
    department = session.scalars(select(Department.id).where(Department.code == "hyvinvointi")).one()
    windows = [
        MetricFilters(),
        MetricFilters(start=date(2024, 1, 1), end=date(2024, 12, 31)),
        MetricFilters(start=date(2025, 1, 1), end=date(2025, 12, 31)),
        MetricFilters(start=date(2026, 1, 1)),
        MetricFilters(start=date(2030, 1, 1)),
        MetricFilters(department_ids=(department,)),
        MetricFilters(channel_codes=("facebook",)),
    ]
    answers = set()
    for filters in windows:
        idle = measures_without_actions(session, READER, filters)
        assert idle == [m.label for m in measure_activity(session, READER, filters) if m.nothing_logged], (
            filters
        )
        answers.add(tuple(label.code for label in idle))
    assert len(answers) >= 4  # the windows tell measures apart, so the comparison proves something


def test_measure_counts_are_the_aggregates_counts(session: Session) -> None:
    # The Overview's and the home page's key number asks the same existence question.
    _mixed(session)
    counted = set()
    for filters in (
        MetricFilters(),
        MetricFilters(start=date(2024, 1, 1), end=date(2024, 12, 31)),
        MetricFilters(start=date(2026, 1, 1)),
        MetricFilters(start=date(2030, 1, 1)),
    ):
        activity = measure_activity(session, READER, filters)
        expected = MeasureCounts(len(activity), sum(1 for m in activity if not m.nothing_logged))
        with sql_statements() as sent:
            assert measure_counts(session, READER, filters) == expected, filters
        assert len(sent) == 1
        counted.add(expected.with_actions)
    assert len(counted) >= 3  # the windows differ, so the comparison proves something


def test_measures_without_actions_is_one_statement_that_stops_at_a_measures_first_action(
    engine: Engine,
) -> None:
    _, sent = statements_of(
        engine, lambda session: measures_without_actions(session, READER, MetricFilters())
    )
    assert len(sent) == 1, sent
    if engine.dialect.name != "sqlite":
        return  # PostgreSQL's planner picks by the table's size; SQLite's plan shows the rule
    [plan] = sqlite_plans(
        engine, lambda session: measures_without_actions(session, READER, MetricFilters()), "action_measure"
    )
    steps = plan.split(" | ")
    # Each measure looks its links up by the measure's index; no action is grouped or scanned.
    assert any(step.startswith("SEARCH action_measure USING") for step in steps), plan
    assert not any(step.startswith("SCAN action") for step in steps), plan
    assert "GROUP BY" not in plan, plan


def test_the_councils_measure_counts_read_the_actions_from_the_index_alone(engine: Engine) -> None:
    """Without details no participants are read, so no action's row is: the live-by-date
    index answers (the council's two periods at 100,000 actions: 0.10 s → 0.05 s)."""
    if engine.dialect.name != "sqlite":
        return
    periods = [
        MetricFilters(start=date(2025, 1, 1), end=date(2025, 12, 31)),
        MetricFilters(start=date(2024, 1, 1), end=date(2024, 12, 31)),
    ]
    [plan] = sqlite_plans(
        engine, lambda session: measure_activity_for(session, READER, periods), "action_measure"
    )
    assert "SEARCH action USING COVERING INDEX" in plan, plan
