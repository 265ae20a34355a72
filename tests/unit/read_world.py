"""One database per backend for a test module that only reads: a user of every role, and an
action and a report in each department head's department, made through the services."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from data_model.db import transaction
from data_model.metrics.editions import EditionInfo, programme_editions
from data_model.models import Action, Department, Initiative, ProgrammeEdition
from data_model.permissions import CurrentUser
from data_model.services.actions import create_action
from data_model.services.experience import create_experience
from data_model.services.initiatives import create_initiative
from data_model.services.reports import submit_department_report
from data_model.services.targets import propose_target, record_target
from data_model.target_rules import TargetInput
from tests.conftest import BACKENDS, _drop_postgres, _postgres_engine, _sqlite_engine
from tests.factories import EDITOR, create_role_users
from tests.unit.action_inputs import valid_input
from tests.unit.experience_inputs import experience_input
from tests.unit.initiative_inputs import initiative_input


def department(session: Session, code: str = "hyvinvointi") -> int:
    """The id of a department by code (the department head's by default)."""
    return int(session.scalars(select(Department.id).where(Department.code == code)).one())


def action_of(session: Session, code: str = "hyvinvointi") -> int:
    """The id of an action of a department (the department head's by default)."""
    return int(
        session.scalars(select(Action.id).where(Action.department_id == department(session, code))).first()
        or 0
    )


def initiative_of(session: Session, code: str = "hyvinvointi") -> int:
    """The id of an initiative a department handles (the department head's by default)."""
    return int(
        session.scalars(
            select(Initiative.id).where(Initiative.department_id == department(session, code))
        ).first()
        or 0
    )


World = tuple[Engine, dict[str, CurrentUser]]
TODAY = date(2026, 11, 28)


def edition_of(session: Session) -> int:
    """The first edition's id (the seeded 2023–2025)."""
    return session.scalars(select(ProgrammeEdition.id).order_by(ProgrammeEdition.id)).first() or 0


def edition_info_of(session: Session) -> EditionInfo:
    """The first edition (the seeded 2023–2025) as the evaluation page hands it on."""
    return programme_editions(session, EDITOR, date(2026, 12, 7)).get(edition_of(session))


def city_target(department_id: int | None = None) -> TargetInput:
    """A target on the feedback loop for 2026 (one department's when `department_id` is given)."""
    return TargetInput(
        figure="feedback_loop_rate",
        department_id=department_id,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        target_value="80",
        direction="at_least",
        set_by="council",
        decision="Kaupunginvaltuusto 12.6.2026 § 45",
    )


@pytest.fixture(scope="module", params=BACKENDS)
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The read-only database of one test module, on each backend."""
    name = None
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        engine = _sqlite_engine(template, tmp_path_factory.mktemp("reads"))
    else:
        engine, name = _postgres_engine(request.getfixturevalue("postgres_template"))
    people = create_role_users(engine)
    with transaction(engine) as session:
        for head, code in (
            ("department_head", "hyvinvointi"),
            ("other_department_head", "kaupunkiymparisto"),
        ):
            create_action(session, people[head], valid_input(session, department=code))
            create_initiative(session, people[head], initiative_input(session, code))
            submit_department_report(
                session,
                people[head],
                department(session, code),
                date(2025, 1, 1),
                date(2025, 6, 30),
                "Puolivuotisraportti osallisuudesta.",
            )
        # A target everyone reads, and a department head's proposal only they and the
        # coordinator read.
        record_target(session, people["coordinator"], city_target(), TODAY)
        propose_target(session, people["department_head"], city_target(department(session)), TODAY)
        # A survey result on the experience of participation, which every role reads.
        create_experience(session, people["coordinator"], experience_input(session))
    yield engine, people
    engine.dispose()
    if name is not None:
        _drop_postgres(name)
