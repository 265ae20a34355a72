"""The demo's targets: set by the council, the city board and proposed by a department head;
reached, at risk, on track and one on an estimated population; every decision marked as demo;
removed with the demo and kept by a backup."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select

from data_model.db import session_factory, transaction
from data_model.demo import load_demo, remove_demo
from data_model.metrics.targets import target_progress, target_proposals
from data_model.models import Target
from tests.factories import create_role_users

TODAY = date(2026, 11, 28)


@pytest.fixture
def demo_engine(engine: Engine) -> Engine:
    with transaction(engine) as session:
        load_demo(session, TODAY)
    return engine


def test_the_demo_targets_show_each_status_and_the_honesty_flag(demo_engine: Engine) -> None:
    coordinator = create_role_users(demo_engine)["coordinator"]
    with session_factory(demo_engine)() as session:
        followed = target_progress(session, coordinator, TODAY)
        proposed = target_proposals(session, coordinator)
    assert {row.target.set_by for row in followed} == {"council", "city_board"}
    statuses = {row.progress for row in followed}
    assert {"reached", "at_risk", "on_track"} <= statuses
    assert any("estimate" in row.cautions for row in followed)
    # A department head's proposal waits for the coordinator, without a decision yet.
    assert [(row.set_by, row.lifecycle, row.decision) for row in proposed] == [("department", "proposed", "")]


def test_every_demo_decision_says_it_is_a_demo(demo_engine: Engine) -> None:
    with session_factory(demo_engine)() as session:
        targets = session.scalars(select(Target)).all()
    assert targets and all(target.is_demo for target in targets)
    assert all(target.decision.startswith("Demo:") for target in targets if target.decision)
    assert all(target.note.startswith("Demo:") for target in targets)


def test_loading_twice_adds_no_target_and_remove_takes_them_away(demo_engine: Engine) -> None:
    with session_factory(demo_engine)() as session:
        before = len(session.scalars(select(Target.id)).all())
    with transaction(demo_engine) as session:
        load_demo(session, TODAY)
    with session_factory(demo_engine)() as session:
        assert len(session.scalars(select(Target.id)).all()) == before
    with transaction(demo_engine) as session:
        remove_demo(session)
    with session_factory(demo_engine)() as session:
        assert session.scalars(select(Target.id)).all() == []
