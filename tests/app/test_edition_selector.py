"""The programme pages with two editions: each shows the edition in force by default and says
which it is (name, period, approval), and the one shared selector shows the earlier edition as
it was, for every role."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model import clock
from data_model.db import transaction
from data_model.permissions import CurrentUser
from data_model.services.editions import start_next_edition, update_edition
from data_model.services.programme import editable_items, update_item
from tests.app.programme_text import shown_text

NEW_NAME = "Osallistuva Heinola 2026–2029"
OLD_NAME = "Osallistuva Heinola 2023–2025"
# Each page's item renamed in the new edition: (kind of content, its code, field).
RENAMED = {
    "swot": ("swot", None, "text_fi"),
    "catalogue": ("opportunity", "asukaskyselyt", "name_fi"),
    "steps": ("measure", "vuoropuhelu", "text_fi"),
    "channels": ("channel", "instagram", "name_fi"),
    "responsibilities": ("responsibility", None, "text_fi"),
}
USERNAMES = ("koordinaattori", "toimialajohtaja", "valtuutettu")


@pytest.fixture
def two_editions(app_engine: Engine, role_users: dict[str, CurrentUser]) -> dict[str, Any]:
    """A second edition in force (approved by the council) with one item of each page renamed;
    returns each page's (old text, new text), and the seeded edition's id."""
    coordinator = role_users["coordinator"]
    start = min(date(2026, 1, 1), clock.today())
    texts: dict[str, Any] = {}
    with transaction(app_engine) as session:
        new = start_next_edition(
            session,
            coordinator,
            {"name_fi": NEW_NAME, "period_start": start, "period_end": date(2029, 12, 31)},
            start,
        )
        for page, (kind, code, field) in RENAMED.items():
            items = editable_items(session, coordinator, kind, new["id"])
            item = next(i for i in items if code is None or i["code"] == code)
            renamed = f"Uusi muotoilu: {item[field]}"
            update_item(session, coordinator, kind, item["id"], {field: renamed})
            texts[page] = (item[field], renamed)
        update_edition(
            session,
            coordinator,
            new["id"],
            {"approved_by": "council", "approved_on": date(2026, 3, 16), "approval_section": "31"},
        )
        texts["seeded_id"] = new["based_on_id"]
    return texts


@pytest.mark.parametrize("page", list(RENAMED))
@pytest.mark.parametrize("username", USERNAMES)
def test_the_page_shows_the_edition_in_force_and_an_earlier_one_on_request(
    open_app: Callable[..., AppTest], two_editions: dict[str, Any], username: str, page: str
) -> None:
    old_text, new_text = two_editions[page]
    at = open_app(username, page=f"pages/programme/{page}.py")
    assert not at.exception, at.exception
    shown = shown_text(at).replace("**", "")
    assert f"{NEW_NAME}, kausi" in shown and "Kaupunginvaltuusto, 16.3.2026, § 31" in shown
    assert new_text in shown and old_text not in shown.replace(new_text, "")
    picker = at.selectbox(key="programme_edition")
    assert list(picker.options) == [
        f"{NEW_NAME} (voimassa)",
        f"{OLD_NAME} (aiempi)",
    ]
    # AppTest keeps the options as shown; the value set is the edition's id, as the page reads it.
    at = picker.set_value(two_editions["seeded_id"]).run()
    assert not at.exception, at.exception
    shown = shown_text(at).replace("**", "")
    assert f"{OLD_NAME}, kausi 1.1.2023–31.12.2025" in shown
    assert "Kaupunginhallitus, 16.10.2023, § 214" in shown
    assert "Aiempi painos" in shown
    assert old_text in shown and new_text not in shown


def test_with_one_edition_the_page_names_it_without_a_selector(open_app: Callable[..., AppTest]) -> None:
    at = open_app("valtuutettu", page="pages/programme/catalogue.py")
    assert not at.exception
    assert not [box for box in at.selectbox if box.key == "programme_edition"]
    assert f"{OLD_NAME}, kausi 1.1.2023–31.12.2025" in shown_text(at).replace("**", "")
