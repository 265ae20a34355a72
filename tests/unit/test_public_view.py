"""The public view's reader (data_model.metrics.public_view): only aggregates and the actions
a department published, no count under 5 shown or derivable, no name of staff or residents."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.disclosure import PublicTable, Shown
from data_model.exports.public_sections import public_sections
from data_model.metrics.public_view import PublicSummary, public_summary
from data_model.services.experience import create_experience
from data_model.validation.experience import ExperienceInput
from tests.factories import create_role_users
from tests.unit.public_checks import small_derivable
from tests.unit.public_world import (
    PRIVATE_TITLE,
    PUBLIC_CHANGE,
    PUBLIC_TITLE,
    PUBLIC_URL,
    RESIDENT_NAME,
    STAFF_NAME,
    TODAY,
    YEAR,
    build_public_world,
)


@pytest.fixture
def summary(engine: Engine) -> PublicSummary:
    build_public_world(engine)
    with session_factory(engine)() as session:
        return public_summary(session, YEAR, TODAY)


def _walk(value: object) -> Iterator[object]:
    """Every value inside the summary, depth first."""
    yield value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _walk(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _walk(item)


def test_no_count_under_five_is_shown_or_derivable(summary: PublicSummary) -> None:
    for value in _walk(summary):
        if isinstance(value, Shown):
            assert value.value is None or value.value >= 5
        if isinstance(value, PublicTable):
            parts = [row.count.value for row in value.rows]
            assert small_derivable(parts, value.total.value if value.total else None) == []


def test_the_year_is_counted_with_small_rows_suppressed(summary: PublicSummary) -> None:
    areas = {row.name("fi"): row.count.value for row in summary.actions_by_area.rows}
    # 7 planned + the public and the private action in Aapelinpelto; Hevossaari's 2 hidden,
    # and the 6 of no area with them (15 - 9 - 6 would give the 2 away).
    assert areas["Aapelinpelto"] == 9
    assert areas["Hevossaari"] is None
    assert areas["Alue ei kirjattu"] is None
    assert summary.actions_by_area.total == Shown(17)
    forms = {row.code: row.count.value for row in summary.actions_by_form.rows}
    assert forms["suunnittelu"] == 17
    assert forms["paatos"] is None  # 3 actions
    assert summary.actions_by_form.total is None  # an action may have several forms
    reached = {row.code: row.count.value for row in summary.reached_by_age.rows}
    assert reached["working_age_30_64"] == 15 * 6 + 2 * 5


def test_only_published_actions_are_listed_with_their_link(summary: PublicSummary) -> None:
    assert [(change.title, change.decision_change, change.feedback_url) for change in summary.changes] == [
        (PUBLIC_TITLE, PUBLIC_CHANGE, PUBLIC_URL)
    ]


def test_no_name_and_no_unpublished_text_reaches_the_public(summary: PublicSummary) -> None:
    texts = " ".join(str(value) for value in _walk(summary) if isinstance(value, str))
    for secret in (STAFF_NAME, RESIDENT_NAME, PRIVATE_TITLE, "Toimenpide 1", "yksityinen"):
        assert secret not in texts
    assert PUBLIC_TITLE in texts


def test_initiatives_are_counted_never_named(summary: PublicSummary) -> None:
    # One open, one decided that led to action: both under 5, so both said in words.
    assert summary.initiatives.received == Shown(None)
    assert summary.initiatives.open == Shown(None)
    assert all(row.count.hidden for row in summary.initiatives.outcomes.rows)


def test_the_experience_trend_hides_a_result_of_fewer_than_five_respondents(engine: Engine) -> None:
    people = create_role_users(engine)
    with transaction(engine) as session:
        for year, respondents, score in ((2023, 3, 55), (2025, 40, 64)):
            create_experience(
                session,
                people["coordinator"],
                ExperienceInput(
                    survey="city_survey",
                    year=year,
                    respondents=respondents,
                    score=score,
                    source_name="Kaupungin asukaskysely",
                ),
            )
    with session_factory(engine)() as session:
        summary = public_summary(session, YEAR, TODAY)
    (trend,) = summary.experience
    assert [(p.year, p.value, p.respondents.value) for p in trend.years] == [
        (2023, None, None),
        (2025, 64, 40),
    ]
    (section,) = [s for s in public_sections(summary, "fi") if s.key == "experience"]
    assert section.tables[0].rows == (("2023", "–", "alle 5"), ("2025", "64", "40"))
