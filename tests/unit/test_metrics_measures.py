"""The development measures and their actions, from metrics.measures (the one home of "measures
with or without actions"), against figures counted by hand from tests/unit/programme_fixture.py."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from data_model.db import session_factory, transaction
from data_model.metrics.filters import MetricFilters, year_range
from data_model.metrics.measures import (
    MeasureReach,
    development_steps,
    measure_activity,
    measure_counts,
    measures_without_actions,
)
from data_model.models import Department, DevelopmentMeasure, DevelopmentPrinciple
from tests.factories import READER
from tests.metrics_data import add_action
from tests.sql_statements import sql_statements
from tests.unit.programme_fixture import build

ALL = MetricFilters()


def test_development_steps(session: Session) -> None:
    build(session)
    measures = {m.code: m for p in development_steps(session, READER, ALL) for m in p.measures}
    assert len(measures) == 9
    moving = measures["vuorovaikutus_jalkautuminen"]
    assert (moving.actions, moving.last_activity) == (2, date(2025, 5, 10))
    assert moving.departments == ("Hyvinvointitoimiala", "Kaupunkiympäristötoimiala")
    assert moving.recent_actions == ("Nuorten kysely", "Kaavailta")
    # only a deleted action advanced it
    assert measures["vuoropuhelu"].nothing_logged


def test_the_steps_are_one_statement_with_their_details_and_participants(session: Session) -> None:
    build(session)
    # A principle without measures is listed too, in programme order.
    edition = session.scalars(select(DevelopmentPrinciple.edition_id)).first()
    session.add(DevelopmentPrinciple(code="tyhja", title_fi="Tyhjä", sort_order=99, edition_id=edition))
    session.flush()
    with sql_statements() as seen:
        principles = development_steps(session, READER, ALL)
    assert len(seen) == 1, seen
    assert principles[-1].code == "tyhja" and principles[-1].measures == ()
    measures = {m.code: m for p in principles for m in p.measures}
    moving = measures["vuorovaikutus_jalkautuminen"]
    assert moving.departments == ("Hyvinvointitoimiala", "Kaupunkiympäristötoimiala")
    assert moving.recent_actions == ("Nuorten kysely", "Kaavailta")
    # 20 participants and one action with its total unknown; the deleted action's 999 not at all
    assert moving.reach == MeasureReach(20, 1)
    assert measures["vuoropuhelu"].reach == MeasureReach(0, 0)


def test_steps_follow_the_filters(session: Session) -> None:
    build(session)
    start, end = year_range(2025)
    department = session.scalars(select(Department.id).where(Department.code == "hyvinvointi")).one()
    for filters, actions, departments in (
        (MetricFilters(start=date(2025, 3, 1), end=end), 1, ("Hyvinvointitoimiala",)),
        (MetricFilters(department_ids=(department,)), 1, ("Hyvinvointitoimiala",)),
        (MetricFilters(start=start, end=date(2025, 1, 31)), 0, ()),
    ):
        measures = {m.code: m for p in development_steps(session, READER, filters) for m in p.measures}
        moving = measures["vuorovaikutus_jalkautuminen"]
        assert (moving.actions, moving.departments) == (actions, departments), filters
        assert measure_counts(session, READER, filters).with_actions == actions


def test_every_answer_counts_the_same_measures_in_programme_order(session: Session) -> None:
    build(session)
    # A principle later in the programme listed first would reorder a list sorted by measure only.
    session.execute(update(DevelopmentPrinciple).values(sort_order=10 - DevelopmentPrinciple.sort_order))
    expected = list(
        session.scalars(
            select(DevelopmentMeasure.code)
            .join(DevelopmentPrinciple)
            .where(DevelopmentMeasure.active)
            .order_by(DevelopmentPrinciple.sort_order, DevelopmentMeasure.sort_order)
        )
    )
    steps = [m for p in development_steps(session, READER, ALL) for m in p.measures]
    assert [m.code for m in steps] == [m.code for m in measure_activity(session, READER, ALL)] == expected
    idle = [m.code for m in steps if m.nothing_logged]
    assert [label.code for label in measures_without_actions(session, READER, ALL)] == idle
    counts = measure_counts(session, READER, ALL)
    assert (counts.total, counts.with_actions, counts.without_actions) == (9, 1, 8)


def test_a_retired_measure_is_counted_nowhere_unless_asked_for(session: Session) -> None:
    build(session)
    session.execute(
        update(DevelopmentMeasure).where(DevelopmentMeasure.code == "vuoropuhelu").values(active=False)
    )
    assert measure_counts(session, READER, ALL).total == 8
    assert "vuoropuhelu" not in {label.code for label in measures_without_actions(session, READER, ALL)}
    retired = [m for p in development_steps(session, READER, ALL, include_retired=True) for m in p.measures]
    assert {m.code for m in retired if not m.active} == {"vuoropuhelu"}


def test_measures_without_actions(engine: Engine) -> None:
    with session_factory(engine)() as session:
        assert len(measures_without_actions(session, READER, ALL)) == 9
    with transaction(engine) as session:
        add_action(
            session,
            "hyvinvointi",
            "Jalkautuminen",
            date(2025, 1, 1),
            measures=["vuorovaikutus_jalkautuminen"],
        )
        add_action(
            session, "hyvinvointi", "Poistettu", date(2025, 1, 1), measures=["vuoropuhelu"], deleted=True
        )
    with session_factory(engine)() as session:
        codes = [label.code for label in measures_without_actions(session, READER, ALL)]
    assert len(codes) == 8
    assert "vuorovaikutus_jalkautuminen" not in codes and "vuoropuhelu" in codes
