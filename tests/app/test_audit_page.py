"""The audit log page: the coordinator reads entries with their values; others do not get it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.permissions import CurrentUser
from data_model.services.actions import create_action, update_action
from tests.unit.action_inputs import valid_input

PAGE = "pages/manage/audit.py"


def test_coordinator_reads_filtered_entries_with_before_and_after(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    head = role_users["department_head"]
    with transaction(app_engine) as session:
        action = create_action(head, session, valid_input(session, title="Ennen <script>"))
        action_id = action.id
    with transaction(app_engine) as session:
        update_action(head, session, action_id, 1, valid_input(session, title="Jälkeen"))
    at = open_app("koordinaattori", page=PAGE)
    assert not at.exception
    table = at.dataframe[0].value
    assert {"create", "update"} <= set(table.iloc[:, 2])
    at = at.selectbox(key="audit.event").set_value("update").run()
    table = at.dataframe[0].value
    assert table.iloc[:, 2].tolist() == ["update"]
    assert "title" in table.iloc[0, 5]
    at = at.selectbox(key="audit.shown").set_value(at.selectbox(key="audit.shown").options[0]).run()
    shown = [block.value for block in at.code]
    assert any('"title": "Ennen <script>"' in text for text in shown)
    assert any('"title": "Jälkeen"' in text for text in shown)
    assert at.selectbox(key="audit.user").options == ["Kaikki", "toimialajohtaja"]
    at = at.date_input(key="audit.to").set_value(date(2001, 1, 1)).run()
    assert at.info and not at.dataframe


@pytest.mark.parametrize("username", ["toimialajohtaja", "valtuutettu"])
def test_only_the_coordinator_gets_the_audit_page(open_app: Callable[..., AppTest], username: str) -> None:
    at = open_app(username)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)
