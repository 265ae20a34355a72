"""Issue 12's target: at most 15 SQL statements for a cold render (data caches empty) of any
page, for every role that may open it, on a database with the demo's actions in it (a lookup
per row would show there, not on an empty one)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import streamlit as st
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.demo import load_demo
from data_model.permissions import PAGES
from pages.widgets.navigation import PAGE_FILES
from tests.sql_statements import sql_statements

TARGET = 15
USERNAMES = {"coordinator": "koordinaattori", "department_head": "toimialajohtaja", "council": "valtuutettu"}


@pytest.fixture
def with_demo_actions(app_engine: Engine) -> None:
    with transaction(app_engine) as session:
        load_demo(session)


def _cold_statements(at: AppTest) -> int:
    st.cache_data.clear()
    with sql_statements() as seen:
        at.run()
    assert not at.exception
    return len(seen)


@pytest.mark.parametrize(
    ("page", "role"), [(page, role) for page, roles in PAGES.items() for role in roles if role in USERNAMES]
)
def test_a_cold_render_runs_at_most_15_statements(
    open_app: Callable[..., AppTest], with_demo_actions: None, page: str, role: str
) -> None:
    assert set(PAGES) == set(PAGE_FILES)
    at = open_app(USERNAMES[role], PAGE_FILES[page].path)
    assert not at.exception
    assert _cold_statements(at) <= TARGET


def test_the_public_view_renders_cold_within_the_target(
    open_app: Callable[..., AppTest], with_demo_actions: None
) -> None:
    # Logged out: the year's figures, the catalogue with each form's count, the areas with the
    # unrecorded, the initiatives, the published actions and the survey results (12 today).
    at = open_app(None, "pages/public/public_view.py")
    assert not at.exception
    assert _cold_statements(at) <= TARGET
