"""The responsibility matrix reads its actors, duties and all their evidence in one statement
(two were issue 12's: the evidence was read after the duties it was asked for)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.demo import load_demo
from data_model.metrics.duties import responsibilities
from data_model.metrics.reporting import department_statuses
from tests.factories import READER
from tests.sql_statements import statements_of

TODAY = date(2026, 11, 28)


def test_the_duties_and_their_evidence_are_one_statement(engine: Engine) -> None:
    with transaction(engine) as session:
        load_demo(session)
    with session_factory(engine)() as session:
        known = {TODAY: department_statuses(session, TODAY)}
    actors, sent = statements_of(
        engine, lambda session: responsibilities(session, READER, TODAY, departments=known)
    )
    assert len(sent) == 1
    assert any(duty.last_evidence is not None for actor in actors for duty in actor.duties)
