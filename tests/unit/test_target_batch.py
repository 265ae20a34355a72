"""The targets' progress is read in one batch: a fixed number of statements however many
targets there are, and every value what the target alone, and the dashboard's own metric for
the same window, say."""

from __future__ import annotations

from datetime import date
from itertools import cycle, islice, product
from typing import Any

import pytest
from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.metrics.coverage import department_by_form, unused_opportunities
from data_model.metrics.feedback import feedback_loop
from data_model.metrics.filters import MetricFilters
from data_model.metrics.programme import statutory_counts
from data_model.metrics.reach import group_share, reach_figures
from data_model.metrics.reporting import reported_on_time, reporting_status
from data_model.metrics.target_figures import FIGURES
from data_model.metrics.targets import TargetProgress, progress_of, target_progress
from data_model.permissions import CurrentUser
from data_model.services.targets import record_target
from data_model.target_rules import TargetInput
from tests.factories import create_role_users
from tests.metrics_data import add_action
from tests.sql_statements import sql_statements
from tests.unit.action_inputs import department_id

TODAY = date(2026, 10, 1)
# Over, running (four quarter ends so far), running from mid-year, not started.
PERIODS = (
    (date(2025, 1, 1), date(2025, 12, 31)),
    (date(2026, 1, 1), date(2026, 12, 31)),
    (date(2026, 7, 1), date(2027, 6, 30)),
    (date(2027, 1, 1), date(2027, 12, 31)),
)
SUBJECTS = {"group": "youth_15_29", "form": "suunnittelu"}
DEPARTMENTS = (None, "hyvinvointi", "kaupunkiymparisto")
# The figures read from the reach metric and the feedback loop (two of the five sources).
REACH_AND_LOOP = (
    "group_participation_rate",
    "group_representation",
    "balance_score",
    "actions_logged",
    "feedback_loop_rate",
)


def _actions(engine: Engine) -> None:
    """Actions over 2025 and 2026 in two departments, with reach, forms, feedback and an
    opportunity, so that every figure has something to count."""
    with transaction(engine) as session:
        for month in range(1, 22):
            year, month_of_year = 2025 + (month - 1) // 12, (month - 1) % 12 + 1
            add_action(
                session,
                ("hyvinvointi", "kaupunkiymparisto")[month % 2],
                f"Toimi {month}",
                date(year, month_of_year, 10),
                total=20 + month,
                reach={"youth_15_29": month, "working_age_30_64": 10, "older_65_74": 3},
                forms=["suunnittelu"] if month % 3 else ["tieto"],
                opportunity="asukaskyselyt" if month % 4 == 0 else None,
                feedback_given=month % 2 == 0,
            )


Planned = tuple[str, tuple[date, date], str | None]


def _record(engine: Engine, user: CurrentUser, planned: list[Planned]) -> None:
    """A target of each (figure, period, department code or None for the city) of `planned`."""
    with session_factory(engine)() as session:
        departments = {code: department_id(session, code) for code in DEPARTMENTS if code}
    with transaction(engine) as session:
        for n, (figure, period, scope) in enumerate(planned):
            spec = FIGURES[figure]
            value: Any = n + 1 if spec.unit == "count" else (n + 1) % 100 if spec.unit == "share" else 0.5
            record_target(
                session,
                user,
                TargetInput(
                    figure=figure,
                    subject=SUBJECTS.get(spec.subject or ""),
                    department_id=departments[scope] if scope else None,
                    period_start=period[0],
                    period_end=period[1],
                    target_value=value,
                    direction="at_least",
                    set_by="council",
                    decision=f"Testi § {n}",
                ),
                TODAY,
            )


def _mixed(figures: tuple[str, ...], count: int) -> list[Planned]:
    """`count` targets of `figures` in turn, over the periods and scopes in turn."""
    return list(islice(zip(cycle(figures), cycle(PERIODS), cycle(DEPARTMENTS)), count))


def _statements(engine: Engine, user: CurrentUser) -> tuple[int, list[TargetProgress]]:
    with session_factory(engine)() as session, sql_statements() as seen:
        rows = target_progress(session, user, TODAY)
    return len(seen), rows


RUNNING = PERIODS[1]
# Two targets that need the reach and the loop, then ten more of mixed kinds that need only
# them too; every figure once, then twice more each in other periods and scopes.
FEW_AND_MORE = {
    "2-and-12-of-mixed-kinds": (
        [("group_participation_rate", RUNNING, None), ("feedback_loop_rate", PERIODS[0], "hyvinvointi")],
        _mixed(REACH_AND_LOOP, 10),
    ),
    "every-figure-once-and-thrice": (
        [(figure, RUNNING, None) for figure in FIGURES],
        _mixed(tuple(FIGURES), 2 * len(FIGURES)),
    ),
}


@pytest.mark.parametrize("case", FEW_AND_MORE)
def test_more_targets_of_the_same_kinds_run_no_more_statements(engine: Engine, case: str) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    _actions(engine)
    few, more = FEW_AND_MORE[case]
    _record(engine, coordinator, few)
    counted_few, rows = _statements(engine, coordinator)
    assert len(rows) == len(few)
    _record(engine, coordinator, more)
    counted_many, rows = _statements(engine, coordinator)
    assert len(rows) == len(few) + len(more)
    assert counted_many == counted_few


def _alone(session: Any, user: CurrentUser, row: TargetProgress) -> TargetProgress:
    return progress_of(session, user, row.target, TODAY)


def _dashboard_value(session: Any, user: CurrentUser, row: TargetProgress) -> tuple[float | None, int]:
    """The figure now, read by the metric the dashboards show (one window at a time)."""
    target = row.target
    day = min(TODAY, target.period_end)
    window = MetricFilters(
        start=target.period_start,
        end=day,
        department_ids=(target.department.id,) if target.department else (),
    )
    code = target.subject.code if target.subject else ""
    figure = target.figure
    if figure in ("group_participation_rate", "group_representation"):
        share = group_share(reach_figures(session, window).representation, code)
        assert share is not None
        return (
            share.participation_rate if figure == "group_participation_rate" else share.index
        ), share.participants
    if figure == "balance_score":
        reach = reach_figures(session, window)
        return reach.score, sum(item.participants for item in reach.representation if item.kind == "age")
    if figure == "actions_logged":
        actions = reach_figures(session, window).totals.actions
        return float(actions), actions
    if figure == "feedback_loop_rate":
        loop = feedback_loop(session, user, window, day)
        return loop.rate, loop.actions
    if figure == "actions_per_form":
        matrix = department_by_form(session, user, window)
        column = next(n for n, label in enumerate(matrix.columns) if label.code == code)
        count = sum(values[column] for values in matrix.values)
        return float(count), count
    if figure == "opportunities_in_use":
        active = sum(statutory_counts(session, user).values())
        return float(active - len(unused_opportunities(session, user, window, day))), active
    statuses = reporting_status(session, user, day, window.department_ids)
    return reported_on_time(statuses) / len(statuses), len(statuses)


def test_every_figure_read_together_is_what_it_is_alone_and_on_the_dashboard(engine: Engine) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    _actions(engine)
    # Each figure in every period and scope (four periods, three scopes: 12 per figure).
    _record(engine, coordinator, list(product(FIGURES, PERIODS, DEPARTMENTS)))
    with session_factory(engine)() as session:
        rows = target_progress(session, coordinator, TODAY)
        assert len(rows) == 12 * len(FIGURES)
        assert {row.target.figure for row in rows} == set(FIGURES)
        for row in rows:
            assert row == _alone(session, coordinator, row)
            if row.cautions == ("not_started",):
                continue
            assert (row.value, row.basis) == pytest.approx(_dashboard_value(session, coordinator, row))
        # Something to compare: statuses and forecasts, not only cautions.
        assert any(row.forecast is not None for row in rows)
        assert any(row.progress is not None for row in rows)
