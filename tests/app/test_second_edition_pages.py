"""Every page once a second edition is in force: no table lists a programme item (channel,
opportunity, measure, SWOT item, duty) twice by its name. Each item then has a row in both
editions with one code and one name; a table keyed by row showed each name twice (the Reach
page's channel matrix did). Complements tests/unit/test_second_edition_everywhere.py, which holds
the readers to the same; this one catches a page that lists items on its own."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from data_model import clock
from data_model.db import session_factory, transaction
from data_model.demo import load_demo
from data_model.i18n import t
from data_model.models import Channel, DevelopmentMeasure, Opportunity, Responsibility, SwotItem
from data_model.permissions import PAGES, CurrentUser
from data_model.services.actions import create_action
from data_model.services.editions import start_next_edition, update_edition
from pages.widgets.navigation import PAGE_FILES
from tests.unit.action_inputs import valid_input

# Lists of logged actions: their rows are actions, whose titles may repeat (and may be an item's name).
ACTION_TITLES = {t(key) for key in ("reach.actions.title", "overview.open.title", "actions.col.title")}
USERNAMES = {"coordinator": "koordinaattori", "department_head": "toimialajohtaja", "council": "valtuutettu"}
NEXT = {
    "name_fi": "Osallistuva Heinola 2026–2029",
    "name_en": "Participatory Heinola 2026–2029",
    "period_start": date(2026, 1, 1),
    "period_end": date(2029, 12, 31),
}
APPROVAL = {"approved_by": "council", "approved_on": date(2026, 3, 16), "approval_section": "31"}


@pytest.fixture
def item_names(app_engine: Engine, role_users: dict[str, CurrentUser]) -> set[str]:
    """The demo under the first edition, then a second edition in force from 1.1.2026 with an
    action logged under it; returns every programme item's Finnish name."""
    coordinator = role_users["coordinator"]
    with transaction(app_engine) as session:
        load_demo(session)
    with transaction(app_engine) as session:
        new = start_next_edition(session, coordinator, NEXT, clock.today())
        update_edition(session, coordinator, new["id"], APPROVAL)
        create_action(session, coordinator, valid_input(session, start_date=date(2026, 6, 1), end_date=None))
    with session_factory(app_engine)() as session:
        names = {
            *session.scalars(select(Channel.name_fi)),
            *session.scalars(select(Opportunity.name_fi)),
            *session.scalars(select(DevelopmentMeasure.text_fi)),
            *session.scalars(select(SwotItem.text_fi)),
            *session.scalars(select(Responsibility.text_fi)),
        }
    return names


def items_twice(at: AppTest, names: set[str]) -> list[str]:
    """Programme item names that are the row label (index or first column) of two rows of one table."""
    found = []
    for frame in [*at.table, *at.dataframe]:
        data = frame.value
        labels = list(data.index) if data.index.dtype == object else []
        if not labels and len(data.columns) and data.columns[0] not in ACTION_TITLES:
            labels = list(data[data.columns[0]])
        twice = sorted(str(label) for label, n in Counter(labels).items() if n > 1 and label in names)
        found += twice
    return found


@pytest.mark.parametrize("page", sorted(PAGES))
def test_no_table_lists_a_programme_item_twice_with_two_editions(
    open_app: Callable[..., AppTest], item_names: set[str], page: str
) -> None:
    role = next(role for role in ("coordinator", "department_head", "council") if role in PAGES[page])
    at = open_app(USERNAMES[role], PAGE_FILES[page].path)
    assert not at.exception
    found = items_twice(at, item_names)
    assert not found, f"{page}: {found}"
