"""The filter lists every report page draws: all of them in at most two statements, each list
the same as reading its own table in sort order."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from data_model.db import session_factory
from data_model.metrics.drilldown import filter_options
from data_model.models import Area, AudienceGroup, Channel, Department, ParticipationForm
from tests.factories import READER
from tests.sql_statements import sql_statements


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
