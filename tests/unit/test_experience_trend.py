"""The experience of participation beside the reach of the same group, year by year, worked out
by hand on the seed's 2023 baseline (the resident survey: 137 respondents, 2 of them young
people; the workshops and the budgeting recorded no ages) and one 2025 action; the small-sample
flag; the SWOT items about residents feeling unheard taking the survey as their indicator."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.formatting import NBSP
from data_model.indicators import EXPERIENCE
from data_model.metrics.cautions import SMALL_SAMPLE_RESPONDENTS, sample_caution
from data_model.metrics.experience import experience_trends
from data_model.metrics.swot import swot_board
from data_model.permissions import PermissionDenied
from data_model.services.experience import create_experience, soft_delete_experience
from tests.factories import EDITOR, READER
from tests.metrics_data import add_action
from tests.unit.experience_inputs import experience_input

TODAY = date(2026, 11, 28)
UNHEARD = ("w_toiveita_ei_arvosteta", "t_kuilu_paattajien_ja_asukkaiden_valilla")


def _record(engine: Engine, group: str | None, **values: object) -> int:
    with transaction(engine) as session:
        return create_experience(session, EDITOR, experience_input(session, group, **values)).id  # type: ignore[arg-type]


def _youth_2025(engine: Engine) -> None:
    with transaction(engine) as session:
        add_action(
            session,
            "hyvinvointi",
            "Nuorisovaltuuston kysely",
            date(2025, 3, 1),
            total=100,
            reach={"youth_15_29": 9, "working_age_30_64": 50},
            area="Koko kaupunki",
        )


def test_the_youth_trend_stands_beside_the_youth_share_of_the_same_years(engine: Engine) -> None:
    _youth_2025(engine)
    _record(engine, "youth_15_29", year=2023, score=61)
    _record(engine, "youth_15_29", year=2025, score=64)
    with session_factory(engine)() as session:
        (trend,) = experience_trends(session, READER)
    assert [(p.year, p.value, p.respondents) for p in trend.points] == [(2023, 61, 412), (2025, 64, 412)]
    # 2023: 2 young people of the 137 whose ages were recorded; 2025: 9 of 100.
    assert [p.reach.participants for p in trend.points] == [2, 9]
    assert trend.points[0].reach.share == pytest.approx(2 / 137)
    assert trend.points[1].reach.share == pytest.approx(9 / 100)
    assert trend.sentence().text("fi") == (
        f"Nuoret (15–29 v): osallisuuden kokemus (0–100) 61 → 64 (2023–2025); osuus osallistujista 1{NBSP}% → 9{NBSP}%"
    )
    assert (
        trend.sentence()
        .text("en")
        .startswith("Young people (15–29): experience of participation (0–100) 61 → 64")
    )
    assert not trend.small_sample


def test_everyone_areas_and_a_distribution_each_get_their_own_reach(engine: Engine) -> None:
    _youth_2025(engine)
    _record(engine, None, survey="thl_wellbeing_region", year=2023, score=58, respondents=25)
    _record(
        engine,
        None,
        survey="city_survey",
        year=2025,
        score=None,
        agree_pct=38,
        neutral_pct=31,
        disagree_pct=31,
    )
    with session_factory(engine)() as session:
        area_id = 1  # Koko kaupunki, the first area of the seed
        create_experience(session, EDITOR, experience_input(session, None, year=2025, area_id=area_id))
        session.commit()
        trends = experience_trends(session, READER)
    by_survey = {(t.survey, t.scope): t for t in trends}
    region = by_survey[("thl_wellbeing_region", "everyone")]
    # Everyone in 2023: the three baseline actions, 137 + 36 + 496 participants.
    assert region.points[0].reach.participants == 137 + 36 + 496 and region.points[0].reach.share is None
    assert region.small_sample and region.points[0].small_sample
    city = by_survey[("city_survey", "everyone")]
    assert city.points[0].value == 38 and not city.uses_score
    assert (
        city.sentence().text("fi")
        == f"Kaikki vastaajat: samaa mieltä olevien osuus 38{NBSP}% (2025); osallistujia kaikkiaan 100"
    )
    area = by_survey[("thl_school_health", "area")]
    assert area.points[0].reach.participants == 100 and area.points[0].reach.share == 1.0
    # THL's indicator first, everyone before the groups, the city's own survey last.
    assert [(t.survey, t.scope) for t in trends] == [
        ("thl_school_health", "area"),
        ("thl_wellbeing_region", "everyone"),
        ("city_survey", "everyone"),
    ]


def test_a_deleted_result_leaves_the_trend(engine: Engine) -> None:
    result_id = _record(engine, "youth_15_29")
    with transaction(engine) as session:
        soft_delete_experience(session, EDITOR, result_id)
    with session_factory(engine)() as session:
        assert experience_trends(session, READER) == []


def test_nobody_logged_out_reads_the_trend(engine: Engine) -> None:
    with session_factory(engine)() as session, pytest.raises(PermissionDenied):
        experience_trends(session, None)


def test_the_small_sample_caution_has_one_home() -> None:
    assert SMALL_SAMPLE_RESPONDENTS == 30
    assert sample_caution(30) is None
    assert sample_caution(29) == "Pieni otos (29 vastaajaa, alle 30): tuloksesta ei voi tehdä johtopäätöksiä."
    assert (
        sample_caution(1, "en")
        == "Small sample (1 respondent, under 30): no conclusions can be drawn from the result."
    )


def test_the_unheard_swot_items_take_the_survey_where_it_exists(engine: Engine) -> None:
    with session_factory(engine)() as session:
        before = {card.code: card.indicator for card in swot_board(session, READER, TODAY)}
    assert all(before[code] is not None and before[code].key != EXPERIENCE for code in UNHEARD)
    # A group's result is not everyone's: the items keep their output figure.
    _record(engine, "youth_15_29", year=2025)
    _record(engine, None, survey="thl_wellbeing_region", year=2023, score=58, respondents=20)
    _record(engine, None, survey="thl_wellbeing_region", year=2025, score=62)
    with session_factory(engine)() as session:
        after = {card.code: card.indicator for card in swot_board(session, READER, TODAY)}
    for code in UNHEARD:
        value = after[code]
        assert value is not None and value.key == EXPERIENCE
        assert (value.value, value.previous, value.trend, value.sample, value.small_sample) == (
            62,
            58,
            "up",
            412,
            False,
        )
        assert value.text.text("fi") == "62 (2025, 412 vastaajaa)"
    assert after["w_henkiloston_huonot_kokemukset"] == before["w_henkiloston_huonot_kokemukset"]


def test_the_demo_results_load_once_marked_demo_and_go_with_the_demo(engine: Engine) -> None:
    from data_model.demo_experience import load_demo_experience, remove_demo_experience

    with transaction(engine) as session:
        assert load_demo_experience(session, TODAY) == 6
        assert load_demo_experience(session, TODAY) == 0
    with session_factory(engine)() as session:
        trends = experience_trends(session, READER)
        youth = next(t for t in trends if t.group is not None and t.group.code == "youth_15_29")
        assert [(p.year, p.value) for p in youth.points] == [(2025, 61), (2026, 64)]
        assert all(p.source_name.startswith("Demo:") for t in trends for p in t.points)
        assert any(t.small_sample for t in trends)
    with transaction(engine) as session:
        assert remove_demo_experience(session) == 6
    with session_factory(engine)() as session:
        assert experience_trends(session, READER) == []
