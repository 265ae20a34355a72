"""The coordinator edits the programme's content; others are refused; bad values get a message."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from data_model.db import session_factory, transaction
from data_model.models import Action, Channel, Opportunity, Responsibility, Setting, SwotItem
from data_model.permissions import CurrentUser, PermissionDenied
from data_model.services.errors import ValidationError
from data_model.services.programme import (
    create_item,
    editable_items,
    set_active,
    update_item,
)
from data_model.services.settings import update_setting
from tests.factories import EDITOR
from tests.unit.programme_fixture import audit_entries, id_of


def test_coordinator_edit_is_saved_and_audited(engine: Engine, users: dict[str, CurrentUser]) -> None:
    item_id = id_of(engine, SwotItem, "t_taloudellinen_tilanne")
    with transaction(engine) as session:
        update_item(
            session,
            users["coordinator"],
            "swot",
            item_id,
            {"text_fi": "Uusi uhka", "indicator": "actions_logged"},
        )
    with session_factory(engine)() as session:
        item = session.get(SwotItem, item_id)
        assert item is not None and (item.text_fi, item.indicator) == ("Uusi uhka", "actions_logged")
    entry = audit_entries(engine)[-1]
    assert (entry.event, entry.entity, entry.entity_id, entry.username) == (
        "update",
        "swot_item",
        item_id,
        "koordinaattori",
    )
    assert entry.before is not None and entry.after is not None
    assert entry.before["text_fi"].startswith("Taloudellinen tilanne") and entry.before["indicator"] is None
    assert (entry.after["text_fi"], entry.after["indicator"]) == ("Uusi uhka", "actions_logged")


def test_opportunity_forms_and_channel_targets_are_edited_by_code(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    opportunity = id_of(engine, Opportunity, "asukaskyselyt")
    channel = id_of(engine, Channel, "facebook")
    with transaction(engine) as session:
        update_item(session, users["coordinator"], "opportunity", opportunity, {"forms": ["toiminta"]})
        update_item(
            session, users["coordinator"], "channel", channel, {"target_groups": ["residents", "youth_15_29"]}
        )
    with session_factory(engine)() as session:
        assert [f.code for f in session.get(Opportunity, opportunity).forms] == ["toiminta"]  # type: ignore[union-attr]
        assert {g.code for g in session.get(Channel, channel).target_groups} == {"residents", "youth_15_29"}  # type: ignore[union-attr]
    before, after = audit_entries(engine)[-2].before, audit_entries(engine)[-2].after
    assert before and after and before["forms"] == ["tieto", "suunnittelu"] and after["forms"] == ["toiminta"]


def test_retiring_keeps_the_row_and_the_actions(
    session: Session, engine: Engine, users: dict[str, CurrentUser]
) -> None:
    budgeting = id_of(engine, Opportunity, "osallistuva_budjetointi")
    with transaction(engine) as writing:
        set_active(writing, users["coordinator"], "opportunity", budgeting, False)
    item = session.get(Opportunity, budgeting)
    assert item is not None and item.active is False
    # the baseline action that used it still points at it
    assert (
        session.scalar(select(func.count()).select_from(Action).where(Action.opportunity_id == budgeting))
        == 1
    )
    entry = audit_entries(engine)[-1]
    assert entry.event == "retire" and entry.before and entry.after
    assert (entry.before["active"], entry.after["active"]) == (True, False)
    assert entry.before["name_fi"] == entry.after["name_fi"] == "Osallistuva budjetointi"
    with transaction(engine) as writing:
        set_active(writing, users["coordinator"], "opportunity", budgeting, True)
    assert audit_entries(engine)[-1].event == "restore"


@pytest.mark.parametrize("role", ["department_head", "council"])
def test_other_roles_are_refused_and_nothing_is_written(
    engine: Engine, users: dict[str, CurrentUser], role: str
) -> None:
    item_id = id_of(engine, SwotItem, "t_taloudellinen_tilanne")
    entries = len(audit_entries(engine))
    with transaction(engine) as session:
        with pytest.raises(PermissionDenied):
            update_item(session, users[role], "swot", item_id, {"text_fi": "Ei näin"})
        with pytest.raises(PermissionDenied):
            set_active(session, users[role], "swot", item_id, False)
        with pytest.raises(PermissionDenied):
            create_item(session, users[role], "channel", {"name_fi": "Uusi", "target_groups": ["residents"]})
        with pytest.raises(PermissionDenied):
            update_setting(session, users[role], "gap_threshold", "0.7")
    with session_factory(engine)() as session:
        item = session.get(SwotItem, item_id)
        assert item is not None and item.text_fi.startswith("Taloudellinen") and item.active
        assert session.get(Setting, "gap_threshold").value == "0.5"  # type: ignore[union-attr]
    assert len(audit_entries(engine)) == entries


@pytest.mark.parametrize(
    ("entity", "code", "changes", "field", "message"),
    [
        ("swot", "t_taloudellinen_tilanne", {"text_fi": "  "}, "text_fi", "pakollinen"),
        ("swot", "t_taloudellinen_tilanne", {"quadrant": "risk"}, "quadrant", "valitse"),
        ("swot", "t_taloudellinen_tilanne", {"indicator": "nonsense"}, "indicator", "tuntematon mittari"),
        ("opportunity", "asukaskyselyt", {"statutory": "statutory"}, "legal_basis", "Lakiperuste"),
        ("opportunity", "asukaskyselyt", {"forms": []}, "forms", "vähintään yksi"),
        ("opportunity", "asukaskyselyt", {"name_fi": "Osallistuva budjetointi"}, "name_fi", "jo käytössä"),
        ("channel", "facebook", {"target_groups": ["aliens"]}, "target_groups", "tuntematon"),
        ("responsibility", "toimialat_raportointi", {"cadence": "weekly"}, "cadence", "valitse"),
        ("swot", "t_taloudellinen_tilanne", {"sort_order": "kolme"}, "sort_order", "kokonaisluku"),
    ],
)
def test_bad_values_are_rejected_with_a_message(
    engine: Engine,
    users: dict[str, CurrentUser],
    entity: str,
    code: str,
    changes: dict[str, object],
    field: str,
    message: str,
) -> None:
    models = {
        "swot": SwotItem,
        "opportunity": Opportunity,
        "channel": Channel,
        "responsibility": Responsibility,
    }
    model = models[entity]
    item_id = id_of(engine, model, code)
    with transaction(engine) as session, pytest.raises(ValidationError) as raised:
        update_item(session, users["coordinator"], entity, item_id, changes)
    assert message in raised.value.errors[field].text()


@pytest.mark.parametrize(("raw", "stored"), [("0,7", "0.7"), (1, "1"), ("0.25", "0.25")])
def test_gap_threshold_accepts_shares(
    engine: Engine, users: dict[str, CurrentUser], raw: object, stored: str
) -> None:
    with transaction(engine) as session:
        assert update_setting(session, users["coordinator"], "gap_threshold", raw) == stored
    entry = audit_entries(engine)[-1]
    assert (entry.note, entry.before, entry.after) == ("gap_threshold", {"value": "0.5"}, {"value": stored})


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("gap_threshold", "0"),
        ("gap_threshold", "1.5"),
        ("gap_threshold", "x"),
        ("small_count", "0"),
        ("unused_months", "2.5"),
    ],
)
def test_bad_settings_are_rejected(engine: Engine, users: dict[str, CurrentUser], key: str, raw: str) -> None:
    with transaction(engine) as session, pytest.raises(ValidationError) as raised:
        update_setting(session, users["coordinator"], key, raw)
    assert raised.value.errors[key]


def test_population_figure_and_group_are_reference_data(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    with transaction(engine) as session:
        group = create_item(
            session, users["coordinator"], "audience_group", {"name_fi": "Opiskelijat", "kind": "special"}
        )
        figure = create_item(
            session,
            users["coordinator"],
            "population",
            {
                "audience_group": None,
                "year": 2025,
                "count": 17746,
                "estimate": True,
                "source": "Tilastokeskus, ennakko",
            },
        )
    assert group["code"] == "opiskelijat" and figure["count"] == 17746
    with transaction(engine) as session, pytest.raises(ValidationError) as raised:
        create_item(session, users["coordinator"], "population", {"year": 2025, "count": 1, "source": "x"})
    assert "jo väestöluku" in raised.value.errors["year"].text()
    with transaction(engine) as session, pytest.raises(ValidationError) as raised:
        create_item(session, users["coordinator"], "population", {"year": 2026, "count": -5, "source": ""})
    assert set(raised.value.errors) == {"count", "source"}
    with transaction(engine) as session, pytest.raises(ValidationError) as raised:
        create_item(
            session,
            users["coordinator"],
            "audience_group",
            {"name_fi": "Vauvat", "kind": "age", "age_min": 3, "age_max": 1},
        )
    assert "alaikäraja" in raised.value.errors["age_max"].text()


def test_editable_items_include_retired_ones(engine: Engine, users: dict[str, CurrentUser]) -> None:
    item_id = id_of(engine, Channel, "facebook")
    with transaction(engine) as session:
        set_active(session, users["coordinator"], "channel", item_id, False)
    with session_factory(engine)() as session:
        rows = editable_items(session, EDITOR, "channel")
    assert len(rows) == 24
    assert next(row for row in rows if row["id"] == item_id)["active"] is False
