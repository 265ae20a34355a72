"""The Overview page for every role, with and without filters, and live after a logged action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.formatting import NBSP
from data_model.models import Department
from data_model.permissions import CurrentUser
from tests.app.metric_pages import USERNAMES, log_youth_evening, metric_values, open_with_filters, page_text

PAGE = "pages/reports/overview.py"


@pytest.mark.parametrize("username", USERNAMES)
def test_overview_for_every_role(open_app: Callable[..., AppTest], username: str) -> None:
    at = open_app(username, page=PAGE)
    assert not at.exception
    values = metric_values(at)
    # The seed: the three 2023 baseline actions, 137 + 36 + 496 participants, all with feedback.
    assert values["Toimet"] == "3"
    assert values["Osallistujia"] == "669"
    assert values["Palaute annettu"] == f"100{NBSP}%"
    assert values["Raportointi ajallaan"] == "0/3"
    text = page_text(at)
    assert f"Nuoret (15–29 v): 1{NBSP}% osallistujista, 16{NBSP}% väestöstä" in text
    # Gaps come before the charts.
    assert text.index("osallistujista, 16") < text.index("Ikäryhmien osuudet on laskettu")


def test_overview_with_filters_from_the_link(open_app: Callable[..., AppTest], app_engine: Engine) -> None:
    with transaction(app_engine) as session:
        welfare = session.scalars(select(Department.id).where(Department.code == "hyvinvointi")).one()
    at = open_with_filters(open_app("valtuutettu"), PAGE, period="2023", dept=str(welfare))
    assert not at.exception
    assert metric_values(at)["Toimet"] == "0"
    assert metric_values(at)["Palaute annettu"] == "–"
    at = open_with_filters(open_app("koordinaattori"), PAGE, period="2023", form="paatos")
    assert metric_values(at)["Toimet"] == "1"  # the participatory budgeting
    assert metric_values(at)["Osallistujia"] == "496"
    assert at.query_params["form"] == "paatos"


def test_unknown_filters_in_the_link_are_ignored(open_app: Callable[..., AppTest]) -> None:
    at = open_with_filters(open_app("koordinaattori"), PAGE, period="1999", dept="x,999", channel="nope")
    assert not at.exception
    assert metric_values(at)["Toimet"] == "3"


def test_a_logged_action_changes_the_overview_on_the_next_run(
    open_app: Callable[..., AppTest], role_users: dict[str, CurrentUser], app_engine: Engine
) -> None:
    at = open_app("toimialajohtaja", page=PAGE)
    assert metric_values(at)["Toimet"] == "3"
    head = role_users["department_head"]
    log_youth_evening(app_engine, head, total=40, youth=30, form_codes=["suunnittelu"])
    at.run()
    values = metric_values(at)
    assert values["Toimet"] == "4"
    assert values["Osallistujia"] == "709"
    assert values["Aktiivisia toimialoja"] == "2"
    assert values["Palaute annettu"] == f"75{NBSP}%"  # 3 of 4 planning/decision actions


def test_a_custom_period_from_the_link(open_app: Callable[..., AppTest]) -> None:
    at = open_with_filters(
        open_app("koordinaattori"), PAGE, period="custom", start="2023-06-01", end="2023-06-30"
    )
    assert not at.exception
    assert metric_values(at)["Toimet"] == "1"  # the resident survey
    assert metric_values(at)["Osallistujia"] == "137"
    assert at.date_input(key="metric_filter_start").value == date(2023, 6, 1)
    assert at.query_params["end"] == "2023-06-30"
