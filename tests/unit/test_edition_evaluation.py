"""The evaluation of the seeded edition (2023–2025) on a fixture: each part equals the metric
it comes from, called for the edition's windows, and the hand-worked figures of the fixture;
the next edition's copied items stay out of the earlier edition's evaluation."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select

from data_model.db import session_factory, transaction
from data_model.indicators import EXPERIENCE
from data_model.metrics.editions import programme_editions
from data_model.metrics.evaluation import EditionEvaluation, edition_evaluation
from data_model.metrics.feedback import feedback_loop
from data_model.metrics.filters import MetricFilters
from data_model.metrics.indicators import indicator_value
from data_model.metrics.report_figures import report_figures
from data_model.models import ExperienceResult, SwotItem
from data_model.permissions import PermissionDenied
from data_model.services.editions import start_next_edition
from data_model.services.targets import record_target
from data_model.target_rules import TargetInput
from tests.factories import READER, create_role_users
from tests.unit.evaluation_fixture import MEASURE, YOUTH, edition_id, edition_info, log_evaluation_actions

TODAY = date(2026, 12, 7)


def _evaluate(engine: Engine, chosen: int | None = None) -> EditionEvaluation:
    with session_factory(engine)() as session:
        edition = programme_editions(session, READER, TODAY).get(chosen or edition_id(engine))
        return edition_evaluation(session, READER, edition, TODAY)


def test_the_edition_and_its_windows(engine: Engine) -> None:
    found = _evaluate(engine)
    assert found.edition.name_fi == "Osallistuva Heinola 2023–2025"
    assert (found.edition.approved_by, found.edition.approved_on, found.edition.approval_section) == (
        "city_board",
        date(2023, 10, 16),
        214,
    )
    assert found.ended and found.evaluated_on == date(2025, 12, 31)
    assert found.whole == MetricFilters(start=date(2023, 1, 1), end=date(2025, 12, 31))
    assert found.start_window == MetricFilters(start=date(2022, 10, 17), end=date(2023, 10, 16))
    assert found.end_window == MetricFilters(start=date(2025, 1, 1), end=date(2025, 12, 31))


def test_each_measure_says_its_actions_departments_and_reach(engine: Engine) -> None:
    log_evaluation_actions(engine)
    found = _evaluate(engine)
    assert len(found.measures) == 9
    by_code = {row.activity.code: row for row in found.measures}
    advanced = by_code[MEASURE]
    # the 2026 action is after the edition: not counted
    assert advanced.activity.actions == 2
    assert advanced.reach.participants == 40
    assert advanced.reach.actions_without_total == 1
    assert len(advanced.activity.departments) == 2
    assert sum(row.activity.actions for row in found.measures) == 2


def test_swot_indicators_at_the_start_and_at_the_end_are_the_indicators_own(engine: Engine) -> None:
    log_evaluation_actions(engine)
    found = _evaluate(engine)
    assert len(found.swot) == 16
    with_indicator = [row for row in found.swot if row.indicator]
    assert with_indicator
    with session_factory(engine)() as session:
        for row in with_indicator:
            assert row.indicator is not None
            assert row.at_start == indicator_value(
                session, row.indicator, date(2023, 10, 16), with_trend=False
            )
            assert row.at_end == indicator_value(session, row.indicator, date(2025, 12, 31), with_trend=False)
    assert all(row.at_start is None and row.at_end is None for row in found.swot if not row.indicator)


def test_the_youth_gap_at_the_start_and_the_figures_of_each_window(engine: Engine) -> None:
    log_evaluation_actions(engine)
    found = _evaluate(engine)
    # the 2023 survey and workshops reached hardly any young people
    assert YOUTH in {gap.group.code for gap in found.start.gaps}
    with session_factory(engine)() as session:
        for window, figures in (
            (found.start_window, found.start),
            (found.end_window, found.end),
            (found.whole, found.figures),
        ):
            expected = report_figures(session, READER, window)
            assert figures.totals == expected.totals
            assert [gap.sentence for gap in figures.gaps] == [gap.sentence for gap in expected.gaps]
    # the baseline's 137 + 36 (+ the participatory budgeting) and the fixture's 40, not 2026's 500
    assert found.figures.totals.participants_total == found.start.totals.participants_total + 40


def test_feedback_loop_and_statutory_opportunities(engine: Engine) -> None:
    log_evaluation_actions(engine)
    found = _evaluate(engine)
    with session_factory(engine)() as session:
        assert found.feedback == feedback_loop(session, READER, found.whole, date(2025, 12, 31))
    assert found.feedback.open_loop_count >= 1
    used = {row.usage.code: row.used for row in found.statutory}
    assert used["kaavoituksen_tilaisuudet"] is True
    # used only after the edition: unused in it
    assert used["nuorisovaltuusto"] is False
    assert all(row.usage.statutory == "statutory" for row in found.statutory)


def test_duties_and_reporting_are_the_editions(engine: Engine) -> None:
    found = _evaluate(engine)
    assert len(found.duties) == 5
    assert sum(len(actor.duties) for actor in found.duties) == 10
    assert found.reporting


def test_targets_overlapping_the_edition_and_whether_they_were_met(engine: Engine) -> None:
    log_evaluation_actions(engine)
    users = create_role_users(engine)
    with transaction(engine) as session:
        for start, end, value in (
            (date(2025, 1, 1), date(2025, 12, 31), 1),
            (date(2026, 1, 1), date(2026, 12, 31), 9),
        ):
            record_target(
                session,
                users["coordinator"],
                TargetInput(
                    figure="actions_logged",
                    period_start=start,
                    period_end=end,
                    target_value=value,
                    decision="Kaupunginvaltuusto 12.6.2024 § 45",
                ),
                TODAY,
            )
    found = _evaluate(engine)
    assert [row.target.target_value for row in found.targets] == [1]
    assert found.targets[0].progress == "reached"


def test_the_next_editions_copies_stay_out_of_the_earlier_evaluation(engine: Engine) -> None:
    users = create_role_users(engine)
    with transaction(engine) as session:
        created = start_next_edition(
            session,
            users["coordinator"],
            {
                "name_fi": "Osallistuva Heinola 2026–2029",
                "name_en": "Participatory Heinola 2026–2029",
                "period_start": "2026-01-01",
                "period_end": "2029-12-31",
            },
            TODAY,
        )
    found = _evaluate(engine)
    assert (len(found.measures), len(found.swot), len(found.duties)) == (9, 16, 5)
    draft = _evaluate(engine, created["id"])
    assert draft.edition.name_fi == "Osallistuva Heinola 2026–2029"
    assert not draft.ended and draft.evaluated_on == TODAY
    assert {row.activity.id for row in draft.measures}.isdisjoint(row.activity.id for row in found.measures)


def test_without_an_account_the_evaluation_is_refused(engine: Engine) -> None:
    with session_factory(engine)() as session, pytest.raises(PermissionDenied):
        edition_evaluation(session, None, edition_info(engine), TODAY)


def test_the_experience_indicator_at_the_start_is_the_survey_of_its_day(engine: Engine) -> None:
    with transaction(engine) as session:
        for year, score in ((2023, 61.0), (2025, 70.0)):
            session.add(
                ExperienceResult(survey="thl_wellbeing_region", year=year, respondents=150, score=score)
            )
        item = session.scalars(select(SwotItem).where(SwotItem.indicator.is_(None))).first()
        assert item is not None
        item.indicator = EXPERIENCE
    found = _evaluate(engine)
    row = next(row for row in found.swot if row.indicator == EXPERIENCE)
    assert row.at_start is not None and row.at_end is not None
    assert (row.at_start.value, row.at_end.value) == (61.0, 70.0)
