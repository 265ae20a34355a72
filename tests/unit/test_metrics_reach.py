"""Reach and representation compared with figures worked out by hand (tests/metrics_data.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from data_model.db import session_factory, transaction
from data_model.metrics.filters import MetricFilters
from data_model.metrics.reach import (
    group_share,
    overall_score,
    participants_by_group,
    population_figures,
    reach_figures,
    reach_figures_for,
    representation,
)
from data_model.models import AudienceGroup, Department, PopulationFigure, Setting
from tests.metrics_data import YEAR_2025, add_action, build_small_fixture
from tests.sql_statements import sql_statements

POPULATION = 17827  # the age bands' 2024 figures add up to the total
BANDS = {
    "children_0_14": 1961,
    "youth_15_29": 2883,
    "working_age_30_64": 6725,
    "older_65_74": 3442,
    "older_75_plus": 2816,
}


def _read(engine: Engine, filters: MetricFilters):  # type: ignore[no-untyped-def]
    with session_factory(engine)() as session:
        return representation(session, filters)


def test_the_2023_baseline_shows_young_people_hardly_reached(engine: Engine) -> None:
    rows = _read(engine, MetricFilters(start=date(2023, 1, 1), end=date(2023, 12, 31)))
    youth = group_share(rows, "youth_15_29")
    assert youth is not None
    # Only the survey recorded an age band: its 137 respondents are the denominator.
    assert (youth.participants, youth.denominator) == (2, 137)
    assert youth.participant_share == pytest.approx(2 / 137)
    assert youth.population_share == pytest.approx(2883 / POPULATION)
    assert youth.index == pytest.approx((2 / 137) / (2883 / POPULATION))
    assert youth.small_count and youth.estimate
    assert youth.population.year == 2024 and "arvio" not in youth.population.source.lower()
    # Nothing else of an age band was recorded: no reach, no index, no division by zero.
    for code in ("children_0_14", "working_age_30_64", "older_65_74", "older_75_plus"):
        row = group_share(rows, code)
        assert row is not None and row.participants == 0 and row.index is None
    assert overall_score(rows) == 0.0


def test_baseline_totals_keep_unknown_ages_apart(session: Session) -> None:
    totals = reach_figures(session, MetricFilters(start=date(2023, 1, 1), end=date(2023, 12, 31))).totals
    assert totals.actions == 3
    assert totals.participants_total == 137 + 36 + 496
    assert (totals.actions_with_total, totals.actions_without_total) == (3, 0)
    assert (totals.age_denominator, totals.age_recorded, totals.age_unknown) == (137, 2, 135)
    assert totals.actions_with_age == 1


def test_representation_of_the_small_fixture(engine: Engine) -> None:
    build_small_fixture(engine)
    rows = {row.group.code: row for row in _read(engine, YEAR_2025)}
    # Sizes: 40 (total), 60 (total), 3 (no total: its age counts); the deleted action is out.
    denominator = 40 + 60 + 3
    recorded = {
        "children_0_14": 5,
        "youth_15_29": 33,
        "working_age_30_64": 20,
        "older_65_74": 10,
        "older_75_plus": 0,
    }
    assert list(rows) == [*BANDS, "foreign_language"]
    for code, participants in recorded.items():
        row = rows[code]
        assert row.participants == participants
        assert row.denominator == denominator
        assert row.participant_share == pytest.approx(participants / denominator)
        assert row.population.count == BANDS[code]
        assert row.population_share == pytest.approx(BANDS[code] / POPULATION)
        assert row.participation_rate == pytest.approx(participants / BANDS[code])
        expected = (participants / denominator) / (BANDS[code] / POPULATION) if participants else None
        assert row.index == (pytest.approx(expected) if expected else None)
        assert row.small_count == (participants < 5)
    # Foreign-language speakers: 4 of the 40 of the only action that recorded them, vs 891/17827.
    foreign = rows["foreign_language"]
    assert (foreign.participants, foreign.denominator) == (4, 40)
    assert foreign.population_share == pytest.approx(891 / POPULATION)
    assert foreign.index == pytest.approx(0.1 / (891 / POPULATION))
    assert overall_score(list(rows.values())) == 0.0  # 75+ not reached at all


def test_overall_score_is_lowest_rate_over_highest(engine: Engine) -> None:
    build_small_fixture(engine)
    rows = [row for row in _read(engine, YEAR_2025) if row.group.code != "older_75_plus"]
    rates = [5 / 1961, 33 / 2883, 20 / 6725, 10 / 3442]
    assert overall_score(rows) == pytest.approx(min(rates) / max(rates))


def test_filters_narrow_the_actions(engine: Engine) -> None:
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        welfare = session.scalars(select(Department.id).where(Department.code == "hyvinvointi")).one()
        by_department = reach_figures(session, MetricFilters(department_ids=(welfare,))).totals
        by_form = reach_figures(session, replace(YEAR_2025, form_codes=("paatos",))).totals
        by_channel = reach_figures(session, replace(YEAR_2025, channel_codes=("wilma", "facebook"))).totals
        with_baseline = reach_figures(session, MetricFilters(channel_codes=("wilma", "facebook"))).totals
        in_summer = reach_figures(
            session, MetricFilters(start=date(2025, 4, 1), end=date(2025, 6, 30))
        ).totals
        everything = reach_figures(session, MetricFilters()).totals
    assert (by_department.actions, by_department.participants_total, by_department.actions_without_total) == (
        2,
        40,
        1,
    )
    assert (by_form.actions, by_form.participants_total) == (1, 60)
    assert by_channel.actions == 2
    assert with_baseline.actions == 3  # the 2023 survey was advertised on Facebook
    assert (in_summer.actions, in_summer.participants_total) == (1, 60)
    assert everything.actions == 3 + 3  # the baseline and the fixture, never the deleted one


def test_small_count_uses_the_setting(engine: Engine) -> None:
    build_small_fixture(engine)
    august = MetricFilters(start=date(2025, 8, 1), end=date(2025, 8, 31))
    youth = group_share(_read(engine, august), "youth_15_29")
    assert youth is not None and youth.participants == 3 and youth.small_count
    assert youth.participant_share == 1.0  # the only action: size = its one recorded band
    with transaction(engine) as session:
        session.execute(update(Setting).where(Setting.key == "small_count").values(value="3"))
    youth = group_share(_read(engine, august), "youth_15_29")
    assert youth is not None and not youth.small_count and youth.small_count_limit == 3


def test_no_actions_gives_none_not_division_errors(engine: Engine) -> None:
    rows = _read(engine, MetricFilters(start=date(2030, 1, 1), end=date(2030, 12, 31)))
    assert rows and all(row.participants == 0 for row in rows)
    assert all(row.participant_share is None and row.index is None for row in rows)
    assert overall_score(rows) is None


def test_zero_population_gives_none_not_division_errors(engine: Engine) -> None:
    build_small_fixture(engine)
    with transaction(engine) as session:
        session.execute(update(PopulationFigure).values(count=0))
    rows = _read(engine, YEAR_2025)
    assert all(row.population_share is None and row.index is None for row in rows)
    assert all(row.participation_rate is None for row in rows)
    assert overall_score(rows) is None


def test_population_year_is_the_latest_not_after_the_period(engine: Engine) -> None:
    with transaction(engine) as session:
        youth = session.scalars(select(AudienceGroup.id).where(AudienceGroup.code == "youth_15_29")).one()
        session.add(PopulationFigure(audience_group_id=youth, year=2020, count=3000, source="Tilasto 2020"))
    with session_factory(engine)() as session:
        assert population_figures(session, 2022)[youth].count == 3000
        assert population_figures(session, 2025)[youth].count == 2883
        assert population_figures(session, 2010)[youth].count == 2883  # none that early: the latest
        assert population_figures(session, None)[youth].year == 2024
        assert population_figures(session, 2022)[None].year == 2024  # the total has only 2024
        # reach_figures_for picks the same figures inside its statement of the groups, per window
        ends = (2022, 2025, 2010, None)
        windows = [MetricFilters(end=None if year is None else date(year, 12, 31)) for year in ends]
        for year, figures in zip(ends, reach_figures_for(session, windows), strict=True):
            picked = population_figures(session, year)
            assert {row.group.id: row.population for row in figures.representation} == {
                row.group.id: picked[row.group.id] for row in figures.representation
            }
            assert group_share(figures.representation, "youth_15_29").population == picked[youth]  # type: ignore[union-attr]


def test_participants_by_group_counts_special_groups(engine: Engine) -> None:
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        counts = {
            row.group.code: (row.participants, row.actions)
            for row in participants_by_group(session, YEAR_2025)
        }
    assert counts["youth_15_29"] == (33, 2)
    assert counts["foreign_language"] == (4, 1)
    assert counts["lonely"] == (0, 0)


def test_active_departments_leave_out_advocacy_bodies(engine: Engine) -> None:
    build_small_fixture(engine)
    with transaction(engine) as session:
        add_action(session, "nuorisovaltuusto", "Nuorisovaltuuston kokous", date(2025, 4, 1), total=12)
    with session_factory(engine)() as session:
        totals = reach_figures(session, YEAR_2025).totals
    # Hyvinvointi and kaupunkiympäristö logged 2025 actions; the youth council is not a toimiala.
    assert totals.departments_active == 2
    assert totals.actions == 4


def test_several_windows_read_together_equal_each_alone(engine: Engine) -> None:
    """reach_figures_for answers each window as reach_figures does, in the same statements
    however many windows (a period and the one before it on the SWOT board)."""
    build_small_fixture(engine)
    windows = (
        MetricFilters(),
        MetricFilters(start=date(2025, 1, 1), end=date(2025, 12, 31)),
        MetricFilters(start=date(2024, 1, 1), end=date(2024, 12, 31)),
        MetricFilters(end=date(2010, 1, 1)),
    )
    with session_factory(engine)() as session:
        alone = [reach_figures(session, window) for window in windows]
        with sql_statements() as seen:
            together = reach_figures_for(session, windows)
    assert together == alone
    # the totals; the groups with their population figures (the settings are kept from before)
    assert len(seen) == 2
