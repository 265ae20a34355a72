"""Every number a person reads is written by data_model.formatting: '9 535', never '9535'
(the channels page's participants column) nor '9,535' (the browser's English default). A table
cell that holds a raw int or float is drawn by Streamlit in its own form, so every table and
data frame on every page holds numbers only as formatted text."""

from __future__ import annotations

import numbers
from collections.abc import Callable

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.demo import load_demo
from data_model.i18n import t
from data_model.permissions import PAGES
from pages.widgets.navigation import PAGE_FILES

USERNAMES = {"coordinator": "koordinaattori", "department_head": "toimialajohtaja", "council": "valtuutettu"}
# Columns that hold a name written in digits, not a count: kept as numbers so they sort.
IDENTIFIERS = {t("actions.col.id"): "an action's number, which the list sorts by and no one adds up"}


@pytest.fixture
def with_demo_actions(app_engine: Engine) -> None:
    # The demo's thousands of participants: a count over 999 shows whether it is grouped.
    with transaction(app_engine) as session:
        load_demo(session)


def raw_numbers(at: AppTest) -> list[str]:
    """Each table cell holding a number that Streamlit, not formatting.py, would write."""
    found = []
    for frame in [*at.table, *at.dataframe]:
        data = frame.value
        for column in data.columns:
            if column in IDENTIFIERS:
                continue
            for cell in data[column]:
                if isinstance(cell, numbers.Number) and not isinstance(cell, bool):
                    found.append(f"{column}: {cell!r}")
                    break  # one per column is enough
    return found


@pytest.mark.parametrize("page", sorted(PAGES))
def test_no_table_on_any_page_holds_an_unformatted_number(
    open_app: Callable[..., AppTest], with_demo_actions: None, page: str
) -> None:
    role = next(role for role in ("coordinator", "department_head", "council") if role in PAGES[page])
    at = open_app(USERNAMES[role], PAGE_FILES[page].path)
    assert not at.exception
    found = raw_numbers(at)
    assert not found, "; ".join(found)
