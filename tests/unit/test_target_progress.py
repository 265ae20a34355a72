"""How a target stands: value now, expected by now, status, forecast and the honesty cases,
computed on a fixture of logged actions through the same metrics the dashboards use."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, update

from data_model.db import session_factory, transaction
from data_model.metrics.forecast import linear_forecast
from data_model.metrics.targets import TargetProgress, target_progress, targets_that_matter
from data_model.models import PopulationFigure
from data_model.permissions import CurrentUser
from data_model.services.targets import record_target
from data_model.target_rules import TargetInput
from tests.factories import create_role_users
from tests.metrics_data import add_action
from tests.unit.action_inputs import department_id

TODAY = date(2026, 10, 1)
YEAR_2026 = {"period_start": date(2026, 1, 1), "period_end": date(2026, 12, 31)}
YEAR_2025 = {"period_start": date(2025, 1, 1), "period_end": date(2025, 12, 31)}


def _target(**values: Any) -> TargetInput:
    base: dict[str, Any] = {
        "direction": "at_least",
        "set_by": "council",
        "decision": "Kaupunginvaltuusto 12.6.2026 § 45",
    }
    return TargetInput(**(base | values))


def _record(engine: Engine, user: CurrentUser, *targets: TargetInput) -> None:
    with transaction(engine) as session:
        for target in targets:
            record_target(session, user, target, TODAY)


def _by_value(rows: list[TargetProgress]) -> dict[float, TargetProgress]:
    return {row.target.target_value: row for row in rows}


def _actions_every_quarter(engine: Engine) -> None:
    """Three actions a quarter in hyvinvointi for the first three quarters of 2026, and one
    in another department; five planning actions in 2025, one of them closed its loop."""
    with transaction(engine) as session:
        for month in (1, 2, 3, 4, 5, 6, 7, 8, 9):
            add_action(session, "hyvinvointi", f"Toimi {month}", date(2026, month, 10), forms=["tieto"])
        add_action(session, "kaupunkiymparisto", "Toisen toimi", date(2026, 5, 5), forms=["tieto"])
        for n in range(5):
            add_action(
                session,
                "hyvinvointi",
                f"Kuuleminen {n}",
                date(2025, 3 + n, 1),
                forms=["suunnittelu"],
                feedback_given=n == 0,
            )


def test_counts_running_on_track_at_risk_and_reached(engine: Engine) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    _actions_every_quarter(engine)
    with session_factory(engine)() as session:
        own = department_id(session, "hyvinvointi")
    _record(
        engine,
        coordinator,
        *(
            _target(figure="actions_logged", department_id=own, target_value=value, **YEAR_2026)
            for value in ("10", "20", "8")
        ),
    )
    with session_factory(engine)() as session:
        rows = _by_value(target_progress(session, coordinator, TODAY))
    on_track, at_risk, reached = rows[10.0], rows[20.0], rows[8.0]
    # Nine of hyvinvointi's actions, not the other department's: the scope is one department.
    assert on_track.value == 9 and on_track.start_value == 0
    assert on_track.expected == pytest.approx(10 * 274 / 365)
    assert (on_track.progress, at_risk.progress, reached.progress) == ("on_track", "at_risk", "reached")
    # Three quarter ends and today: a line through 3, 6, 9, 9 ends near twelve.
    assert on_track.forecast is not None and on_track.forecast.points == 4
    assert 9 <= on_track.forecast.low <= on_track.forecast.central <= on_track.forecast.high
    assert 10 < on_track.forecast.central < 14
    assert on_track.outlook is not None and on_track.outlook.key == "targets.forecast.range"
    assert "Arvio jakson lopussa" in on_track.outlook.text("fi") and "tavoite 10" in on_track.outlook.text(
        "fi"
    )
    assert "Estimate at the end of the period" in on_track.outlook.text("en")
    assert on_track.cautions == () and on_track.caution_texts == ()


def test_a_period_over_is_reached_or_missed(engine: Engine) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    _actions_every_quarter(engine)
    _record(
        engine,
        coordinator,
        _target(figure="feedback_loop_rate", target_value="80", **YEAR_2025),
        _target(figure="feedback_loop_rate", target_value="50", **YEAR_2025 | {"direction": "at_most"}),
    )
    with session_factory(engine)() as session:
        rows = _by_value(target_progress(session, coordinator, TODAY))
    missed, reached = rows[0.8], rows[0.5]
    assert missed.value == pytest.approx(0.2) and missed.basis == 5
    assert (missed.progress, reached.progress) == ("missed", "reached")
    assert missed.forecast is None and missed.outlook is None  # nothing left to forecast
    assert missed.elapsed == 1.0


def test_not_started_no_data_and_no_history_say_so_instead_of_a_status(engine: Engine) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    with session_factory(engine)() as session:
        quiet = department_id(session, "kaupunkiymparisto")
    _record(
        engine,
        coordinator,
        _target(
            figure="actions_logged",
            target_value="1",
            period_start=date(2027, 1, 1),
            period_end=date(2027, 12, 31),
        ),
        _target(figure="feedback_loop_rate", department_id=quiet, target_value="2", **YEAR_2026),
        _target(
            figure="reports_on_time",
            target_value="3",
            period_start=date(2025, 1, 1),
            period_end=date(2027, 12, 31),
        ),
        _target(
            figure="actions_logged",
            target_value="4",
            period_start=date(2026, 7, 1),
            period_end=date(2027, 6, 30),
        ),
    )
    with session_factory(engine)() as session:
        rows = _by_value(target_progress(session, coordinator, TODAY))
    not_started, no_data, reporting, young = rows[1.0], rows[0.02], rows[0.03], rows[4.0]
    assert (not_started.progress, not_started.cautions, not_started.value) == (None, ("not_started",), None)
    assert "1.1.2027" in not_started.caution_texts[0].text("fi")
    assert (no_data.progress, no_data.cautions) == (None, ("no_data",))
    # Reports on time cannot be rebuilt for past days: a status, but no forecast and no start value.
    assert reporting.progress in ("on_track", "at_risk") and reporting.forecast is None
    assert reporting.outlook is not None and reporting.outlook.key == "targets.forecast.no_history"
    # One quarter end and today are two points: too few for a line with a range.
    assert young.forecast is None and young.outlook is not None
    assert young.outlook.key == "targets.forecast.too_few_points"


def test_small_counts_and_estimated_populations_say_so_instead_of_a_status(engine: Engine) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    with transaction(engine) as session:
        add_action(
            session,
            "hyvinvointi",
            "Nuorten ilta",
            date(2026, 2, 1),
            total=40,
            reach={"youth_15_29": 3, "working_age_30_64": 37},
        )
        add_action(
            session,
            "kaupunkiymparisto",
            "Nuorten raati",
            date(2026, 3, 1),
            total=30,
            reach={"youth_15_29": 30},
        )
        ids = department_id(session, "hyvinvointi"), department_id(session, "kaupunkiymparisto")
    _record(
        engine,
        coordinator,
        *(
            _target(
                figure="group_participation_rate",
                subject="youth_15_29",
                department_id=dept,
                target_value=value,
                **YEAR_2026,
            )
            for dept, value in zip(ids, ("1", "2"), strict=True)
        ),
    )
    with session_factory(engine)() as session:
        seeded = _by_value(target_progress(session, coordinator, TODAY))
    # The seed's age structure is an estimate: neither target is judged on it.
    assert seeded[0.02].cautions == ("estimate",) and seeded[0.02].progress is None
    assert seeded[0.01].cautions == ("too_few", "estimate")
    assert "arvioituun väestölukuun" in seeded[0.02].caution_texts[0].text("fi")
    assert "only 3 participants" in seeded[0.01].caution_texts[0].text("en")
    with transaction(engine) as session:
        session.execute(update(PopulationFigure).values(estimate=False))
    with session_factory(engine)() as session:
        counted = _by_value(target_progress(session, coordinator, TODAY))
    assert counted[0.01].cautions == ("too_few",) and counted[0.01].progress is None
    assert counted[0.02].cautions == () and counted[0.02].progress is not None
    assert counted[0.02].value == pytest.approx(30 / 2883)


def test_linear_forecast_range() -> None:
    exact = linear_forecast([(1, 1.0), (2, 2.0), (3, 3.0)], 10)
    assert exact is not None and (exact.low, exact.central, exact.high) == pytest.approx((10, 10, 10))
    noisy = linear_forecast([(1, 1.0), (2, 2.5), (3, 2.5), (4, 4.0)], 10)
    assert noisy is not None and noisy.low < noisy.central < noisy.high
    capped = linear_forecast([(1, 0.5), (2, 0.7), (3, 0.9)], 10, ceiling=1.0)
    assert capped is not None and capped.high == 1.0
    assert linear_forecast([(1, 1.0), (2, 2.0)], 10) is None
    assert linear_forecast([(1, 1.0), (1, 2.0), (1, 3.0)], 10) is None


def _progress(progress: str | None, end: date, cautions: tuple[str, ...] = ()) -> TargetProgress:
    row: Any = type("Row", (), {"period_end": end})()
    return TargetProgress(row, None, 0, None, None, 0.0, progress, cautions, None, None, None, ())  # type: ignore[arg-type]


def test_the_overview_shows_the_worst_first_and_leaves_out_targets_not_started() -> None:
    rows = [
        _progress("reached", date(2026, 1, 1)),
        _progress(None, date(2026, 1, 1), ("not_started",)),
        _progress("on_track", date(2026, 1, 1)),
        _progress("at_risk", date(2027, 1, 1)),
        _progress("missed", date(2028, 1, 1)),
        _progress(None, date(2026, 6, 1), ("too_few",)),
    ]
    shown = targets_that_matter(rows, 4)
    assert [row.progress for row in shown] == ["missed", "at_risk", None, "on_track"]
