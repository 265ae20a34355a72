"""The filter lists every report page draws: all of them in at most two statements, each list
the same as reading its own table in sort order."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import Engine, func, select

from data_model.db import session_factory, transaction
from data_model.metrics.drilldown import filter_options
from data_model.models import Action, Area, AudienceGroup, Channel, Department, ParticipationForm
from data_model.services.actions import create_action, soft_delete_action
from tests.factories import READER, create_role_users
from tests.sql_statements import sql_statements
from tests.unit.action_inputs import valid_input


def _codes(session: Any, model: Any) -> list[str]:
    statement = select(model).order_by(model.sort_order, model.id)
    if model is not ParticipationForm:
        statement = statement.where(model.active)
    return [str(item.id) if model is Area else item.code for item in session.scalars(statement)]


def test_filter_options_are_read_in_two_statements(engine: Engine) -> None:
    with session_factory(engine)() as session:
        with sql_statements(engine) as statements:
            options = filter_options(session, READER)
        assert len(statements) <= 2
        assert [label.code for label in options.departments] == _codes(session, Department)
        assert [label.code for label in options.forms] == _codes(session, ParticipationForm)
        assert [label.code for label in options.areas] == _codes(session, Area)
        assert [label.code for label in options.channels] == _codes(session, Channel)
        assert [label.code for label in options.groups] == _codes(session, AudienceGroup)
        assert options.areas and all(label.name_fi == label.name_en for label in options.areas)


def _first_month_of_live_actions(session: Any) -> date | None:
    first = session.scalar(select(func.min(Action.start_date)).where(Action.deleted_at.is_(None)))
    return first.replace(day=1) if first is not None else None


def test_the_period_choices_and_departments_in_use_read_no_action_rows(engine: Engine) -> None:
    users = create_role_users(engine)
    with transaction(engine) as session:
        early = create_action(
            session, users["coordinator"], valid_input(session, start_date=date(2019, 5, 20))
        )
    for step in ("created", "deleted"):
        with session_factory(engine)() as session:
            with sql_statements(engine) as statements:
                options = filter_options(session, READER)
            # Read from the monthly sums: the sidebar is read on every cold render.
            assert not any(re.search(r"\baction\b", statement) for statement in statements), statements
            assert options.first_month == _first_month_of_live_actions(session)
            in_use = set(session.scalars(select(Action.department_id).where(Action.deleted_at.is_(None))))
            active = set(session.scalars(select(Department.id).where(Department.active)))
            assert {label.id for label in options.departments} == active | in_use
        if step == "created":
            assert options.first_month == date(2019, 5, 1)
            with transaction(engine) as session:
                soft_delete_action(session, users["coordinator"], early.id)
    assert options.first_month != date(2019, 5, 1)
