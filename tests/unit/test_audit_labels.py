"""Every code an audit entry can hold has a name in both languages: no entry reads as a raw
event, table or field name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from data_model.i18n import LANGUAGES
from data_model.metrics.audit_labels import EVENTS, entity_name, event_name, field_name
from data_model.models import Base
from data_model.services.experience import FIELDS
from data_model.services.programme_fields import ENTITIES

ROOT = Path(__file__).resolve().parents[2]
ACTION_FIELDS = re.compile(r'^\s+"(\w+)":', re.M)


def _snapshot_fields(path: str, function: str) -> set[str]:
    text = (ROOT / path).read_text(encoding="utf-8")
    body = text[text.index(f"def {function}(") :]
    body = body[: body.index("\n\n\n")]
    return set(ACTION_FIELDS.findall(body))


def test_every_recorded_event_is_listed() -> None:
    recorded: set[str] = set()
    for path in ROOT.glob("data_model/**/*.py"):
        text = path.read_text(encoding="utf-8")
        recorded |= set(re.findall(r'record\(\s*session,\s*\w+,\s*"(\w+)"', text))
        recorded |= set(re.findall(r'_audit_login_event\([^)]*"(\w+)"', text))
        recorded |= set(
            re.findall(r'"(\w+)" if active else "(\w+)"', text)
            and sum(re.findall(r'"(\w+)" if active else "(\w+)"', text), ())
        )
    assert recorded and recorded <= set(EVENTS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_events_entities_and_fields_have_names(lang: str) -> None:
    assert all(event_name(code, lang) != code for code in EVENTS)
    # tables of rows (association tables are never an entry's entity)
    tables = [name for name, table in Base.metadata.tables.items() if "id" in table.c]
    assert all(entity_name(table, lang) != table for table in tables)
    by_entity = {
        "action": _snapshot_fields("data_model/services/actions.py", "action_snapshot"),
        "app_user": _snapshot_fields("data_model/services/users.py", "_snapshot") | {"locked_until"},
        "department_report": _snapshot_fields("data_model/services/reports.py", "report_snapshot"),
        "population_figure": _snapshot_fields("data_model/services/official_population.py", "_values"),
        "setting": {"value"},
        "initiative": _snapshot_fields("data_model/services/initiatives.py", "initiative_snapshot"),
        "target": _snapshot_fields("data_model/services/targets.py", "target_snapshot"),
        "experience_result": {*FIELDS, "source", "deleted_at", "version"},
    }
    for entity in ENTITIES.values():
        by_entity.setdefault(entity.model.__tablename__, set()).update({*entity.fields, "code", "active"})
    missing = [
        (entity, name)
        for entity, names in by_entity.items()
        for name in names
        if field_name(entity, name, lang) == name
    ]
    assert len(by_entity["action"]) > 20 and len(by_entity["initiative"]) > 10 and missing == []
