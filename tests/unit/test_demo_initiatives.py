"""The demo initiatives: marked as demo, every state of the register shown, each one valid by
the register's own rules, loaded once, and removed with the rest of the demo data."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, func, select

from data_model.db import session_factory, transaction
from data_model.demo import load_demo, remove_demo
from data_model.demo_initiatives import load_demo_initiatives
from data_model.metrics.initiative_register import InitiativeFilter, list_initiatives
from data_model.models import Initiative
from data_model.validation.initiatives import InitiativeInput, check_initiative
from tests.factories import READER

TODAY = date(2026, 11, 28)


def test_demo_initiatives_show_every_state_and_are_marked(engine: Engine) -> None:
    with transaction(engine) as session:
        assert load_demo_initiatives(session, TODAY) == 6
        assert load_demo_initiatives(session, TODAY) == 0
    with session_factory(engine)() as session:
        rows = list_initiatives(session, READER, InitiativeFilter())
        stored = list(session.scalars(select(Initiative)))
    assert {row.state(TODAY) for row in rows} == {"open", "past_limit", "decided", "told"}
    assert {row.led_to_action for row in rows} == {True, False, None}
    assert all(row.is_demo and row.title.startswith("Demo:") for row in rows)
    assert {row.source for row in stored} == {"demo"}


def test_each_demo_initiative_meets_the_rules(engine: Engine) -> None:
    with transaction(engine) as session:
        load_demo_initiatives(session, TODAY)
    with session_factory(engine)() as session:
        for row in session.scalars(select(Initiative)):
            data = InitiativeInput(
                received_date=row.received_date,
                title=row.title,
                initiator_kind=row.initiator_kind,
                signatories=row.signatories,
                department_id=row.department_id,
                council_competence=row.council_competence,
                decision=row.decision,
                decision_date=row.decision_date,
                decision_ref=row.decision_ref,
                led_to_action=row.led_to_action,
                told_date=row.told_date,
                told_method=row.told_method,
            )
            assert check_initiative(session, data, TODAY)[1] == {}, row.title


def test_the_demo_load_brings_them_and_the_removal_takes_them(engine: Engine) -> None:
    with transaction(engine) as session:
        load_demo(session, TODAY)
    with transaction(engine) as session:
        assert session.scalar(select(func.count(Initiative.id))) == 6
        remove_demo(session)
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count(Initiative.id))) == 0
