"""Every SWOT indicator against values counted by hand from tests/unit/programme_fixture.py."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_model.formatting import NBSP
from data_model.indicators import INDICATORS
from data_model.metrics.indicator_counts import programme_counts_on, rows_with_counts_on
from data_model.metrics.indicators import (
    counted_windows,
    indicator_value,
    indicator_values,
    indicator_values_on,
    trend_of,
)
from data_model.metrics.settings import load_metric_settings
from data_model.models import SwotItem
from tests.sql_statements import sql_statements
from tests.unit.programme_fixture import TODAY, build


@pytest.fixture
def built(session: Session) -> Session:
    build(session)
    return session


def test_opportunities_in_use(built: Session) -> None:
    value = indicator_value(built, "opportunities_in_use", TODAY)
    # now: asukaskyselyt; the 12 months before: osallistuva_budjetointi
    assert (value.value, value.previous, value.trend) == (1.0, 1.0, "flat")
    assert value.text.text() == f"1 / 24 (4{NBSP}%)"
    assert (value.sample, value.small_sample) == (3, True)


def test_officials_or_decision_changed(built: Session) -> None:
    value = indicator_value(built, "officials_or_decision_changed", TODAY)
    assert value.value == pytest.approx(1 / 3)
    assert (value.previous, value.trend) == (1.0, "down")
    assert value.text.text() == f"1 / 3 (33{NBSP}%)"


def test_staff_experience(built: Session) -> None:
    value = indicator_value(built, "staff_experience", TODAY)
    assert (value.value, value.text.text(), value.sample, value.small_sample) == (3.0, "3,0 / 5", 2, True)
    assert (value.previous, value.trend) == (None, None)


def test_actions_logged_per_quarter(built: Session) -> None:
    value = indicator_value(built, "actions_logged", TODAY)
    # 31.3.–30.6.2025: Nuorten kysely; 31.12.2024–30.3.2025: Kaavailta
    assert (value.value, value.previous, value.trend, value.text.text()) == (1.0, 1.0, "flat", "1")


def test_digital_share(built: Session) -> None:
    value = indicator_value(built, "digital_share", TODAY)
    assert value.value == pytest.approx(1 / 3)
    assert (value.previous, value.trend) == (1.0, "down")


def test_awareness_channels(built: Session) -> None:
    value = indicator_value(built, "awareness_channels", TODAY)
    assert (value.value, value.previous, value.trend) == (1.0, 1.0, "flat")
    assert value.text.text() == f"1 / 24 (4{NBSP}%)"


def test_every_indicator_key_answers(built: Session) -> None:
    for key in INDICATORS:
        value = indicator_value(built, key, TODAY)
        assert value.key == key and value.label.text() and value.basis.text()
        assert value.label.text("en") != value.label.text("fi")


def test_unknown_key_is_refused(session: Session) -> None:
    with pytest.raises(KeyError):
        indicator_value(session, "no_such_indicator", TODAY)


def test_trend_tolerance() -> None:
    assert trend_of(0.50, 0.505, "share") == "flat"
    assert trend_of(0.52, 0.50, "share") == "up"
    assert trend_of(2.0, 3.0, "count") == "down"
    assert trend_of(1.0, None, "count") is None


def test_youth_and_older_reach_use_the_representation_index(built: Session) -> None:
    # Age-recording actions now: Nuorten kysely (20 participants) and Kaavailta (1, total unknown)
    # -> 21 participants; young people 13, aged 65–74 3. Age bands' population: 17 827.
    youth = indicator_value(built, "youth_reach", TODAY)
    assert youth.value == pytest.approx((13 / 21) / (2883 / 17827))
    assert youth.text.text() == f"indeksi 3,83: 62{NBSP}% osallistujista, 16{NBSP}% väestöstä"
    assert (youth.sample, youth.small_sample, youth.previous, youth.trend) == (13, False, None, None)
    older = indicator_value(built, "older_reach", TODAY)
    assert older.value == pytest.approx((3 / 21) / ((3442 + 2816) / 17827))
    assert (older.sample, older.small_sample) == (3, True)


def test_vulnerable_reach_counts_lonely_and_older_people(built: Session) -> None:
    value = indicator_value(built, "vulnerable_reach", TODAY)
    assert (value.value, value.previous, value.trend) == (3.0, 0.0, "up")
    assert value.text.text() == "3 (yksinäisiä 0, ikäihmisiä 3)"


def test_feedback_loop_rate_of_planning_and_decision_actions(built: Session) -> None:
    value = indicator_value(built, "feedback_loop_rate", TODAY)
    # now: Nuorten kysely told, Kaavailta not; before: Vanha tilaisuus not told
    assert (value.value, value.previous, value.trend) == (0.5, 0.0, "up")
    assert value.text.text() == f"1 / 2 (50{NBSP}%)"


def test_departments_reporting_on_time_now(built: Session) -> None:
    value = indicator_value(built, "departments_reporting", TODAY)
    # Hyvinvointitoimiala on time; Yhteiset palvelut late; Kaupunkiympäristötoimiala never reported
    assert value.value == pytest.approx(1 / 3)
    assert (value.text.text(), value.sample, value.previous, value.trend) == (
        f"1 / 3 (33{NBSP}%)",
        3,
        None,
        None,
    )
    # all three departments are counted, not a sample of them
    assert value.small_sample is False


def test_one_read_for_all_indicators_equals_each_alone(built: Session) -> None:
    """The board reads every indicator and both periods together; each figure is the one the
    indicator gives when asked alone."""
    together = indicator_values(built, INDICATORS, TODAY)
    assert together == {key: indicator_value(built, key, TODAY) for key in INDICATORS}


def test_every_indicator_in_a_handful_of_statements(built: Session) -> None:
    """Issue 12: the counts, the representation of both periods (three), the older bands, the
    reporting statuses and the survey results, however many indicators and periods there are."""
    indicator_values(built, ("actions_logged",), TODAY)  # settings read and kept for the session
    with sql_statements() as seen:
        indicator_values(built, INDICATORS, TODAY)
    assert len(seen) <= 7


def test_rows_ride_on_the_counts_in_one_statement(built: Session) -> None:
    """An evaluation reads its SWOT items with the counts their indicators rest on: one
    statement, the same items and counts as read apart; no items, the counts all the same."""
    days = (date(2024, 6, 30), TODAY)
    by_day = counted_windows(days, load_metric_settings(built).unused_months, with_trend=False)
    order = (SwotItem.sort_order, SwotItem.id)
    edition = built.scalars(select(SwotItem.edition_id)).first()
    with sql_statements() as seen:
        items, counts = rows_with_counts_on(built, SwotItem, SwotItem.edition_id == edition, order, by_day)
    assert len(seen) == 1
    assert items == list(
        built.scalars(select(SwotItem).where(SwotItem.edition_id == edition).order_by(*order))
    )
    assert items and counts == programme_counts_on(built, by_day)
    assert rows_with_counts_on(built, SwotItem, SwotItem.edition_id == -1, order, by_day) == ([], counts)


def test_counts_given_are_not_read_again(built: Session) -> None:
    days = (date(2024, 6, 30), TODAY)
    by_day = counted_windows(days, load_metric_settings(built).unused_months, with_trend=False)
    counts = programme_counts_on(built, by_day)
    alone = indicator_values_on(built, INDICATORS, days, with_trend=False)
    with sql_statements() as seen:
        given = indicator_values_on(built, INDICATORS, days, with_trend=False, counts=counts)
    assert given == alone
    assert not [statement for statement in seen if "count(action.id)" in statement.lower()]
