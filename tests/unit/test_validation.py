"""Every rule of a logged action, one failing input each; a refused action saves nothing."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from data_model.db import transaction
from data_model.services.actions import create_action
from data_model.validation import ValidationError, check_action, validate_action
from tests.factories import create_user
from tests.unit.action_inputs import count_actions, count_audit, valid_input

FAR_FUTURE = date.today() + timedelta(days=3 * 366)

# (field changes, the field whose message must appear, a word the message must hold)
BROKEN: list[tuple[dict[str, Any], str, str]] = [
    ({"department_id": None}, "department_id", "toimiala"),
    ({"department_id": 99999}, "department_id", "Tuntematon"),
    ({"title": ""}, "title", "vähintään 3"),
    ({"title": "ab"}, "title", "vähintään 3"),
    ({"title": "x" * 201}, "title", "enintään 200"),
    ({"description": "x" * 5001}, "description", "enintään 5000"),
    ({"start_date": None}, "start_date", "alkamispäivä"),
    ({"start_date": "31.2.2025"}, "start_date", "pp.kk.vvvv"),
    ({"start_date": date(1999, 12, 31)}, "start_date", "välillä"),
    ({"start_date": FAR_FUTURE, "end_date": None}, "start_date", "välillä"),
    ({"end_date": date(2025, 2, 28)}, "end_date", "ennen alkamispäivää"),
    ({"end_date": FAR_FUTURE}, "end_date", "välillä"),
    ({"form_codes": []}, "form_codes", "vähintään yksi"),
    ({"form_codes": ["ei_ole"]}, "form_codes", "Tuntematon"),
    ({"opportunity_code": "nuorisovaltuusto"}, "opportunity_code", "ei kuulu"),
    ({"opportunity_code": "ei_ole"}, "opportunity_code", "Tuntematon"),
    ({"measure_codes": ["ei_ole"]}, "measure_codes", "Tuntematon"),
    ({"channel_codes": ["ei_ole"]}, "channel_codes", "Tuntematon"),
    ({"intended_group_codes": ["ei_ole"]}, "intended_group_codes", "Tuntematon"),
    ({"format": "postitse"}, "format", "toteutustapa"),
    ({"area_id": 99999}, "area_id", "Tuntematon"),
    ({"participants_total": -1}, "participants_total", "negatiivinen"),
    ({"participants_total": 2.5}, "participants_total", "kokonaisluku"),
    ({"participants_total": "kolme"}, "participants_total", "kokonaisluku"),
    ({"reach": {"youth_15_29": -3}}, "reach.youth_15_29", "negatiivinen"),
    ({"reach": {"youth_15_29": "1,5"}}, "reach.youth_15_29", "kokonaisluku"),
    ({"reach": {"youth_15_29": 41}}, "reach.youth_15_29", "enemmän kuin osallistujia"),
    ({"reach": {"ei_ole": 1}}, "reach.ei_ole", "Tuntematon"),
    ({"reach": {"youth_15_29": 30, "working_age_30_64": 11}}, "reach", "Ikäryhmien"),
    ({"staff_experience": 0}, "staff_experience", "1–5"),
    ({"staff_experience": 6}, "staff_experience", "1–5"),
    ({"cost_eur": "-1"}, "cost_eur", "negatiivinen"),
    ({"cost_eur": "1,555"}, "cost_eur", "kahden desimaalin"),
    ({"cost_eur": "paljon"}, "cost_eur", "euroina"),
    ({"feedback_url": "javascript:alert(1)"}, "feedback_url", "http"),
    ({"feedback_url": "ftp://heinola.fi/x"}, "feedback_url", "http"),
    ({"feedback_url": "https://heinola.fi/" + "x" * 500}, "feedback_url", "enintään"),
    ({"feedback_date": date(2025, 2, 1)}, "feedback_date", "ennen toimenpiteen alkua"),
    ({"feedback_date": date.today() + timedelta(days=5)}, "feedback_date", "tulevaisuudessa"),
    ({"feedback_method": "x" * 301}, "feedback_method", "enintään 300"),
    ({"decision_change": "x" * 5001}, "decision_change", "enintään 5000"),
    ({"source_note": "x" * 2001}, "source_note", "enintään 2000"),
]


def test_the_valid_input_passes(session: Session) -> None:
    clean, errors = check_action(session, valid_input(session))
    assert errors == {}
    assert clean is not None
    assert clean.reach == {"youth_15_29": 30, "working_age_30_64": 5}  # the unknown stays unknown
    assert clean.cost_eur == Decimal("120.50")


@pytest.mark.parametrize(
    ("changes", "field", "words"), BROKEN, ids=[f"{b[1]}-{i}" for i, b in enumerate(BROKEN)]
)
def test_each_rule_has_a_finnish_message(
    session: Session, changes: dict[str, Any], field: str, words: str
) -> None:
    errors = validate_action(session, valid_input(session, **changes))
    assert field in errors, errors
    assert words in errors[field].text()


@pytest.mark.parametrize(("changes", "field", "words"), BROKEN[::3])
def test_a_refused_action_saves_nothing(
    engine: Engine, changes: dict[str, Any], field: str, words: str
) -> None:
    coordinator = create_user(engine, "koordinaattori", "coordinator")
    with transaction(engine) as session:
        before = (count_actions(session), count_audit(session))
    with pytest.raises(ValidationError) as refused, transaction(engine) as session:
        create_action(session, coordinator, valid_input(session, **changes))
    assert field in refused.value.errors
    with transaction(engine) as session:
        assert (count_actions(session), count_audit(session)) == before


def test_unknown_counts_are_not_zero_and_total_may_be_unknown(session: Session) -> None:
    clean, errors = check_action(
        session, valid_input(session, participants_total=None, reach={"youth_15_29": 12, "lonely": ""})
    )
    assert errors == {}
    assert clean is not None
    assert clean.participants_total is None
    assert clean.reach == {"youth_15_29": 12}


def test_finnish_date_and_number_forms_are_read(session: Session) -> None:
    clean, errors = check_action(
        session,
        valid_input(session, start_date="1.3.2025", end_date="2025-03-02", participants_total="1 200"),
    )
    assert errors == {}
    assert clean is not None
    assert (clean.start_date, clean.end_date, clean.participants_total) == (
        date(2025, 3, 1),
        date(2025, 3, 2),
        1200,
    )


def test_special_groups_may_overlap_but_each_stays_within_the_total(session: Session) -> None:
    # Special groups overlap the age bands, so only the age bands must add up within the total.
    reach = {"youth_15_29": 30, "working_age_30_64": 10, "lonely": 40, "pupils_guardians": 40}
    assert validate_action(session, valid_input(session, reach=reach)) == {}


FINNISH_LETTERS = set("äöåÄÖÅ")


@pytest.mark.parametrize(
    ("changes", "field", "words"), BROKEN, ids=[f"{b[1]}-{i}" for i, b in enumerate(BROKEN)]
)
def test_each_rule_has_an_english_message_too(
    session: Session, changes: dict[str, Any], field: str, words: str
) -> None:
    message = validate_action(session, valid_input(session, **changes))[field]
    english = message.text("en")
    assert english != message.text("fi")
    assert not FINNISH_LETTERS & set(english), english


def test_a_message_shows_counts_and_group_names_in_the_readers_language(session: Session) -> None:
    errors = validate_action(session, valid_input(session, participants_total=10, reach={"youth_15_29": 12}))
    message = errors["reach.youth_15_29"]
    assert message.text("fi").startswith("Nuoret")
    assert "more than the participants in total (10)" in message.text("en")
    too_many = validate_action(session, valid_input(session, participants_total=20_000_000))
    assert "10\u00a0000\u00a0000" in too_many["participants_total"].text("fi")
    assert "10,000,000" in too_many["participants_total"].text("en")
