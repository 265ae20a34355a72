"""The audit log in words: each event, entity and field code stored in an entry has a name in
the catalogue, so the log reads "Muokkaus · Käyttäjä · Sähköposti" instead of "update
app_user email". Fields reuse the name the editing form gives them."""

from __future__ import annotations

import re
from datetime import date, datetime

from .. import clock
from ..formatting import fmt_date
from ..i18n import DEFAULT_LANGUAGE, catalogue

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
# Every event the services record (tests/unit/test_audit_labels.py checks each has a name).
EVENTS = (
    "create",
    "update",
    "delete",
    "restore",
    "retire",
    "accept",
    "decline",
    "deactivate",
    "feedback",
    "import",
    "password_change",
    "password_reset",
    "demo_load",
    "demo_remove",
    "login_failed",
    "login_refused_locked",
    "locked_out",
)


def _first(keys: list[str], lang: str) -> str | None:
    for language in (lang, DEFAULT_LANGUAGE):
        texts = catalogue(language)
        for key in keys:
            if key in texts:
                return texts[key]
    return None


def event_name(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """'update' -> 'Muokkaus'; a code with no name yet is shown as stored, never dropped."""
    return _first([f"audit.event.{code}"], lang) or code


def entity_name(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """'population_figure' -> 'Väestöluku'."""
    return _first([f"audit.entity.{code}"], lang) or code


def field_name(entity: str, name: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A stored field's name as its form labels it: an action's from the action form, the
    programme's and reference data's from their editor, the rest from the audit catalogue."""
    keys = [f"action.{name}"] if entity == "action" else []
    if entity == "initiative":
        keys = [f"initiative.field.{name}"]
    if entity == "experience_result":
        keys = [f"experience.field.{name}"]
    keys += [f"programme_admin.field.{name}", f"audit.field.{name}"]
    return _first(keys, lang) or name


def value_text(value: object, yes: str, no: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A stored before/after value as a person reads it: no value is '–' (not None or null),
    a date in the reader's form, a stored moment (UTC) in Helsinki time."""
    if value is None or value in ("", [], {}):
        return "–"
    if isinstance(value, bool):
        return yes if value else no
    if isinstance(value, list):
        return ", ".join(value_text(item, yes, no, lang) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {value_text(item, yes, no, lang)}" for key, item in value.items())
    if isinstance(value, str) and ISO_DATE.match(value):
        try:
            if len(value) == len("2026-12-02"):
                return fmt_date(date.fromisoformat(value), lang=lang)
            return clock.fmt_stored(datetime.fromisoformat(value), lang=lang)
        except ValueError:
            return value
    return str(value)
