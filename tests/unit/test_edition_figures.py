"""Issue 14's Done-when for editions: start a new edition from the seeded one, change and
retire items in it, and the earlier edition and the actions logged under it are unchanged and
still reported: each programme page's figures of the earlier edition read as they stood on its
last day in force, and the new edition's figures read the actions of its own days (by the
items' codes, also an action logged before the approval under the earlier edition's rows)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from data_model.db import session_factory, transaction
from data_model.editions import EditionWindow
from data_model.metrics.catalogue import catalogue_usage
from data_model.metrics.channels import channel_usage
from data_model.metrics.coverage import unused_opportunities
from data_model.metrics.drilldown import filter_options
from data_model.metrics.duties import responsibilities
from data_model.metrics.editions import DRAFT, EARLIER, IN_FORCE, programme_editions
from data_model.metrics.filters import MetricFilters
from data_model.metrics.measures import development_steps, measure_counts
from data_model.metrics.programme import programme_headline, statutory_counts
from data_model.metrics.swot import swot_board
from data_model.permissions import CurrentUser
from data_model.services.actions import create_action
from data_model.services.editions import start_next_edition, update_edition
from data_model.services.programme import create_item, editable_items, set_active, update_item
from tests.factories import READER, create_role_users
from tests.unit.action_inputs import valid_input

TODAY = date(2026, 11, 28)
FIRST_LAST_DAY = date(2025, 12, 31)
NEXT = {
    "name_fi": "Osallistuva Heinola 2026–2029",
    "name_en": "Participatory Heinola 2026–2029",
    "period_start": date(2026, 1, 1),
    "period_end": date(2029, 12, 31),
}
APPROVAL = {"approved_by": "council", "approved_on": date(2026, 3, 16), "approval_section": "31"}


@pytest.fixture
def users(engine: Engine) -> dict[str, CurrentUser]:
    return create_role_users(engine)


def _figures(session: Session, edition: EditionWindow | None, today: date) -> dict[str, Any]:
    """Every programme page's figures of one edition, as plain comparable data."""
    catalogue = catalogue_usage(session, READER, today, edition=edition)
    steps = development_steps(session, READER, MetricFilters(), edition=edition)
    return {
        "catalogue": sorted(
            (f.code, i.code, i.name_fi, i.times_used, i.last_used, i.departments, i.unused)
            for f in catalogue.forms
            for i in f.opportunities
        ),
        "statutory": statutory_counts(session, READER, edition=edition),
        "channels": sorted(
            (c.code, c.name_fi, c.times_used, c.last_used, c.participants_total)
            for c in channel_usage(session, READER, edition=edition)
        ),
        "steps": [
            (m.code, m.text_fi, m.actions, m.departments, m.last_activity) for p in steps for m in p.measures
        ],
        "measure_counts": measure_counts(session, READER, MetricFilters(), edition=edition),
        "duties": [
            (d.code, d.status, d.last_evidence, d.evidence_count)
            for a in responsibilities(session, READER, today, edition=edition)
            for d in a.duties
        ],
        "swot": [
            (c.code, c.text_fi, c.indicator) for c in swot_board(session, READER, today, edition=edition)
        ],
        "unused": [
            u.opportunity.code
            for u in unused_opportunities(session, READER, MetricFilters(), today, edition=edition)
        ],
    }


def test_the_earlier_edition_and_its_actions_stay_reported_as_they_stood(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    coordinator = users["coordinator"]
    with transaction(engine) as session:
        create_action(session, coordinator, valid_input(session, start_date=date(2025, 3, 1)))
        create_action(
            session,
            coordinator,
            valid_input(session, "kaupunkiymparisto", start_date=date(2025, 9, 1), end_date=None),
        )
    with session_factory(engine)() as session:
        seeded = programme_editions(session, READER, FIRST_LAST_DAY).in_force
        before = _figures(session, seeded.window, FIRST_LAST_DAY)
    # the 2023 survey of the seed and the two above
    assert next(row for row in before["catalogue"] if row[1] == "asukaskyselyt")[3] == 3

    with transaction(engine) as session:
        new = start_next_edition(session, coordinator, NEXT, TODAY)
        swot = editable_items(session, coordinator, "swot", new["id"])
        update_item(session, coordinator, "swot", swot[0]["id"], {"text_fi": "Uuden painoksen vahvuus"})
        measures = {m["code"]: m for m in editable_items(session, coordinator, "measure", new["id"])}
        set_active(session, coordinator, "measure", measures["vuoropuhelu"]["id"], False)
        create_item(
            session,
            coordinator,
            "channel",
            {"name_fi": "Uusi kanava", "target_groups": ["youth_15_29"]},
            new["id"],
        )
        # Logged after the new period began but before its approval: linked to the seeded rows.
        create_action(session, coordinator, valid_input(session, start_date=date(2026, 2, 1), end_date=None))
    with session_factory(engine)() as session:
        choices = programme_editions(session, READER, TODAY)
        assert (choices.in_force_id, choices.get(new["id"]).state) == (seeded.id, DRAFT)
    with transaction(engine) as session:
        update_edition(session, coordinator, new["id"], APPROVAL)
        create_action(session, coordinator, valid_input(session, start_date=date(2026, 6, 1), end_date=None))

    with session_factory(engine)() as session:
        choices = programme_editions(session, READER, TODAY)
        earlier, current = choices.get(seeded.id), choices.in_force
        assert (earlier.state, current.id, current.state) == (EARLIER, new["id"], IN_FORCE)
        assert earlier.window == EditionWindow(seeded.id, None, FIRST_LAST_DAY)
        # The earlier edition: every page's figures as they stood on its last day in force.
        assert _figures(session, earlier.window, TODAY) == before
        after = _figures(session, current.window, TODAY)
        # The edition in force is the pages' default, with the same figures.
        assert _figures(session, None, TODAY) == after
    surveys = next(row for row in after["catalogue"] if row[1] == "asukaskyselyt")
    assert surveys[3:5] == (2, date(2026, 6, 1))  # 1.2. (seeded rows) and 1.6.2026, not 2025's
    assert "vuoropuhelu" not in {row[0] for row in after["steps"]}
    assert "vuoropuhelu" in {row[0] for row in before["steps"]}
    easy = next(row for row in after["steps"] if row[0] == "helpot_osallistumiskeinot")
    assert easy[2] == 2
    assert after["measure_counts"].total == before["measure_counts"].total - 1
    assert "uusi_kanava" in {row[0] for row in after["channels"]}
    assert next(row for row in after["channels"] if row[0] == "instagram")[2] == 2
    assert after["swot"][0][1] == "Uuden painoksen vahvuus" != before["swot"][0][1]


def test_with_two_editions_nothing_is_counted_twice(engine: Engine, users: dict[str, CurrentUser]) -> None:
    coordinator = users["coordinator"]
    with session_factory(engine)() as session:
        single = programme_headline(session, READER)
        statutory = statutory_counts(session, READER)
    with transaction(engine) as session:
        new = start_next_edition(session, coordinator, NEXT, TODAY)
        update_edition(session, coordinator, new["id"], APPROVAL)
    with session_factory(engine)() as session:
        assert programme_headline(session, READER) == single
        assert statutory_counts(session, READER) == statutory
        codes = [i.code for f in catalogue_usage(session, READER, TODAY).forms for i in f.opportunities]
        assert (len(codes), len(set(codes))) == (26, 24)
        assert len(channel_usage(session, READER)) == 24
        assert len(filter_options(session, READER).channels) == 24
