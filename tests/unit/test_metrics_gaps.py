"""Gaps: which groups, in which order, in which words, and what could close them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, select, update

from data_model.db import session_factory, transaction
from data_model.formatting import NBSP
from data_model.metrics.filters import MetricFilters
from data_model.metrics.gaps import Gap, gap_notes, gaps_among
from data_model.metrics.reach import representation
from data_model.metrics.settings import MetricSettings, load_metric_settings
from data_model.models import Area, Department, Setting
from tests.metrics_data import YEAR_2025, build_small_fixture, gaps_of
from tests.sql_statements import sql_statements

YEAR_2023 = MetricFilters(start=date(2023, 1, 1), end=date(2023, 12, 31))


def _gaps(
    engine: Engine, filters: MetricFilters, lang: str = "fi", threshold: float | None = None
) -> list[Gap]:
    with session_factory(engine)() as session:
        return gaps_of(session, filters, lang, threshold)


def _codes(found: list[Gap]) -> list[str]:
    return [gap.group.code for gap in found]


def test_baseline_young_people_are_a_gap_in_plain_words(engine: Engine) -> None:
    found = {gap.group.code: gap for gap in _gaps(engine, YEAR_2023)}
    youth = found["youth_15_29"]
    assert youth.sentence == f"Nuoret (15–29 v): 1{NBSP}% osallistujista, 16{NBSP}% väestöstä"
    assert youth.small_count and youth.estimate and not youth.no_reach
    notes = gap_notes(youth)
    assert notes[0].startswith("Alle 5 osallistujaa")
    assert notes[1].startswith("Väestöluku on arvio")
    english = {gap.group.code: gap for gap in _gaps(engine, YEAR_2023, "en")}["youth_15_29"]
    assert english.sentence == "Young people (15–29): 1% of participants, 16% of the population"


def test_gaps_are_sorted_worst_first(engine: Engine) -> None:
    # 2023: four bands and foreign-language speakers with nothing recorded, then young people.
    # Among no-reach gaps the larger population share comes first.
    assert _codes(_gaps(engine, YEAR_2023)) == [
        "working_age_30_64",
        "older_65_74",
        "older_75_plus",
        "children_0_14",
        "foreign_language",
        "youth_15_29",
    ]


def test_small_fixture_gaps_and_threshold(engine: Engine) -> None:
    build_small_fixture(engine)
    # Indices by hand: children (5/103)/(1961/17827) = 0.44, working age 0.51, 65–74 0.50(3),
    # youth 1.98, foreign-language 2.0; 75+ not reached.
    found = _gaps(engine, YEAR_2025)
    assert _codes(found) == ["older_75_plus", "children_0_14"]
    assert found[0].no_reach
    assert found[0].sentence == f"Ikääntyneet (75+ v): ei kirjattuja osallistujia, 16{NBSP}% väestöstä"
    assert found[1].sentence == f"Lapset (0–14 v): 5{NBSP}% osallistujista, 11{NBSP}% väestöstä"
    assert not found[1].small_count  # exactly 5 is enough
    assert _codes(_gaps(engine, YEAR_2025, threshold=0.52)) == [
        "older_75_plus",
        "children_0_14",
        "older_65_74",
        "working_age_30_64",
    ]
    with transaction(engine) as session:
        session.execute(update(Setting).where(Setting.key == "gap_threshold").values(value="0.3"))
    assert _codes(_gaps(engine, YEAR_2025)) == ["older_75_plus"]


def test_no_gap_without_population(engine: Engine) -> None:
    from data_model.models import PopulationFigure

    with transaction(engine) as session:
        session.execute(update(PopulationFigure).values(count=0))
    assert _gaps(engine, YEAR_2023) == []


def test_suggestions_for_young_people(engine: Engine) -> None:
    found = {gap.group.code: gap for gap in _gaps(engine, YEAR_2023)}
    youth = found["youth_15_29"]
    tagged = {item.item.code for item in youth.target_channels}
    # Tagged for young people in the channel table, and Wilma through pupils and guardians.
    assert {"instagram", "snapchat", "youtube", "wilma"} <= tagged
    assert "linkedin" not in tagged
    meant = {item.item.code for item in youth.target_opportunities}
    assert {"lapsi_nuorisoparlamentti", "nuorisovaltuusto", "nuorten_toiveet_nuoriso_ohjaajille"} <= meant
    # Only the survey reached young people so far: its three channels, 2 each.
    assert {(item.item.code, item.reached) for item in youth.best_channels} == {
        ("kyselyt_palautteet", 2),
        ("nettisivut", 2),
        ("facebook", 2),
    }
    assert [(item.item.code, item.reached) for item in youth.best_opportunities] == [("asukaskyselyt", 2)]


def test_best_channels_rank_what_reached_the_group_most(engine: Engine) -> None:
    build_small_fixture(engine)
    # Over all time young people: the council survey (Instagram + Snapchat) 30, school day
    # (Wilma) 3, the 2023 survey 2; the deleted action's 100 never count.
    found = {gap.group.code: gap for gap in _gaps(engine, MetricFilters(), threshold=2.0)}
    best = [(item.item.code, item.reached) for item in found["youth_15_29"].best_channels]
    assert sorted(best[:2]) == [("instagram", 30), ("snapchat", 30)]
    assert best[2] == ("wilma", 3)
    assert [(item.item.code, item.reached) for item in found["youth_15_29"].best_opportunities] == [
        ("nuorisovaltuusto", 30),
        ("asukaskyselyt", 2),
    ]
    instagram = next(item for item in found["youth_15_29"].target_channels if item.item.code == "instagram")
    assert instagram.reached == 30


def test_gap_advice_counts_only_the_chosen_period(engine: Engine) -> None:
    build_small_fixture(engine)
    # 2023: only the resident survey reached young people; the 2025 actions are outside.
    youth = {gap.group.code: gap for gap in _gaps(engine, YEAR_2023)}["youth_15_29"]
    assert {(item.item.code, item.reached) for item in youth.best_channels} == {
        ("kyselyt_palautteet", 2),
        ("nettisivut", 2),
        ("facebook", 2),
    }
    assert [(item.item.code, item.reached) for item in youth.best_opportunities] == [("asukaskyselyt", 2)]
    reached = {item.item.code: item.reached for item in youth.target_channels}
    assert reached["instagram"] == 0 and reached["wilma"] == 0


def test_gap_advice_counts_only_the_chosen_department_and_area(engine: Engine) -> None:
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        planning = session.scalars(select(Department.id).where(Department.code == "kaupunkiymparisto")).one()
        vierumaki = session.scalars(select(Area.id).where(Area.name == "Vierumäki")).one()
    # Neither the planning department nor Vierumäki reached children: no channel gets credit
    # for the council survey's five children.
    for filters in (
        MetricFilters(department_ids=(planning,)),
        MetricFilters(area_ids=(vierumaki,)),
    ):
        children = {gap.group.code: gap for gap in _gaps(engine, filters)}["children_0_14"]
        assert children.no_reach
        assert children.best_channels == () and children.best_opportunities == ()
        assert all(item.reached == 0 for item in children.target_channels)


def test_settings_fall_back_to_defaults(engine: Engine) -> None:
    with transaction(engine) as session:
        session.execute(update(Setting).where(Setting.key == "gap_threshold").values(value="puoli"))
        session.execute(update(Setting).where(Setting.key == "open_loop_days").values(value="30"))
    with session_factory(engine)() as session:
        loaded = load_metric_settings(session)
    assert loaded == MetricSettings(gap_threshold=0.5, small_count=5, open_loop_days=30, unused_months=12)


def test_suggestions_cost_the_same_statements_for_one_gap_or_many(engine: Engine) -> None:
    build_small_fixture(engine)
    counted: list[int] = []

    def count(threshold: float) -> tuple[int, int]:
        with session_factory(engine)() as session:
            compared = representation(session, YEAR_2025)
            with sql_statements(engine) as statements:
                found = gaps_among(session, YEAR_2025, compared, "fi", threshold)
        counted.append(len(statements))
        return len(found), len(statements)

    few, few_statements = count(0.0)
    many, many_statements = count(1000.0)
    assert 1 <= few < many
    assert few_statements == many_statements, counted
