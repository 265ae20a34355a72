"""The audit log page: the coordinator reads entries with their values; others do not get it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.models import AuditEntry
from data_model.permissions import CurrentUser
from data_model.services import users
from data_model.services.actions import create_action, update_action
from tests.unit.action_inputs import valid_input

PAGE = "pages/manage/audit.py"
LATE_UTC = datetime(2026, 12, 2, 23, 30)  # 3.12.2026 klo 01.30 in Helsinki
NEW_PASSWORD = "Uusi-pitka-salasana-42"


def test_coordinator_reads_filtered_entries_with_before_and_after(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    head = role_users["department_head"]
    with transaction(app_engine) as session:
        action = create_action(session, head, valid_input(session, title="Ennen <script>"))
        action_id = action.id
    with transaction(app_engine) as session:
        update_action(session, head, action_id, 1, valid_input(session, title="Jälkeen"))
    at = open_app("koordinaattori", page=PAGE)
    assert not at.exception
    table = at.dataframe[0].value
    assert {"Lisäys", "Muokkaus"} <= set(table.iloc[:, 2])
    at = at.selectbox(key="audit.event").set_value("update").run()
    table = at.dataframe[0].value
    assert table.iloc[:, 2].tolist() == ["Muokkaus"]
    assert table.iloc[:, 3].tolist() == ["Toimenpide"]
    assert "Otsikko" in table.iloc[0, 5]
    at = at.selectbox(key="audit.shown").set_value(at.selectbox(key="audit.shown").options[0]).run()
    values = at.dataframe[1].value
    title = values[values.iloc[:, 0] == "Otsikko"]
    assert title.iloc[0, 1:].tolist() == ["Ennen <script>", "Jälkeen"]
    assert at.selectbox(key="audit.user").options == ["Kaikki", "toimialajohtaja"]
    at = at.date_input(key="audit.to").set_value(date(2001, 1, 1)).run()
    assert at.info and not at.dataframe


@pytest.mark.parametrize("username", ["toimialajohtaja", "valtuutettu"])
def test_only_the_coordinator_gets_the_audit_page(open_app: Callable[..., AppTest], username: str) -> None:
    at = open_app(username)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


def test_the_log_is_in_words_and_helsinki_time(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    """It showed create, app_user, population_figure, field names and None; and a change at
    23.30 UTC under the UTC day."""
    coordinator = role_users["coordinator"]
    with transaction(app_engine) as session:
        made = users.create_user(session, coordinator, "uusi", "council", "Uusi Käyttäjä", NEW_PASSWORD)
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "app_user", AuditEntry.entity_id == made.id)
        ).one()
        entry.at = LATE_UTC
    at = open_app("koordinaattori", page=PAGE)
    at = at.date_input(key="audit.from").set_value(date(2026, 12, 3)).run()
    at = at.date_input(key="audit.to").set_value(date(2026, 12, 3)).run()
    table = at.dataframe[0].value
    assert table.iloc[:, 0].tolist() == ["3.12.2026 klo 01.30"]
    assert table.iloc[0, 2:4].tolist() == ["Lisäys", "Käyttäjä"]
    assert "Sähköposti" in table.iloc[0, 5] and "email" not in table.iloc[0, 5]
    at = at.selectbox(key="audit.shown").set_value(at.selectbox(key="audit.shown").options[0]).run()
    values = at.dataframe[1].value
    shown = " ".join(str(cell) for cell in values.to_numpy().ravel())
    assert "None" not in shown and "null" not in shown and "Sähköposti" in shown


def test_the_id_filter_takes_digits_and_names_anything_else_in_finnish(
    open_app: Callable[..., AppTest], role_users: dict[str, CurrentUser]
) -> None:
    # A number field answered "-1" or "abc" only with Streamlit's English tooltip.
    at = open_app("koordinaattori", page=PAGE)
    at = at.text_input(key="audit.entity_id").input("abc").run()
    assert "Anna tunniste numeroina (esim. 12)." in [error.value for error in at.error]
    at = at.text_input(key="audit.entity_id").input("999999").run()
    assert not at.error
    assert at.text_input(key="audit.entity_id").value == "999999"
