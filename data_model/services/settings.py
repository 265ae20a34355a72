"""The thresholds behind the figures (gap threshold, small counts, the voters entitled …):
checked against their ranges, changed by the coordinator ("reference.write") and audited."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import msg
from ..models import Setting
from ..permissions import CurrentUser, require, require_read
from ..validation import NUMBER_TEXT_MAX
from . import audit
from .errors import ValidationError
from .programme_fields import REFERENCE, SETTINGS


def clean_setting(key: str, raw: Any) -> str:
    """A setting's value in the stored form, or ValidationError with its message."""
    if key not in SETTINGS:
        raise ValidationError.one(key, "programme_admin.error.unknown_setting", name=key)
    spec = SETTINGS[key]
    label = msg(f"programme_admin.setting.{key}")
    text = str(raw).strip().replace(",", ".") if raw is not None else ""
    if len(text) > NUMBER_TEXT_MAX:
        text = ""  # refused below as not a number, before float() or int() reads it
    try:
        number = float(text) if spec.kind == "float" else int(text)
    except ValueError:
        problem = "setting_number" if spec.kind == "float" else "whole_number"
        raise ValidationError.one(key, f"programme_admin.error.{problem}", label=label) from None
    low_ok = number >= spec.minimum if spec.include_minimum else number > spec.minimum
    if not low_ok or number > spec.maximum:
        problem = "setting_range" if spec.include_minimum else "setting_range_above"
        raise ValidationError.one(
            key, f"programme_admin.error.{problem}", label=label, minimum=spec.minimum, maximum=spec.maximum
        )
    return f"{number:g}" if spec.kind == "float" else str(number)


def update_setting(session: Session, user: CurrentUser | None, key: str, raw: Any) -> str:
    """Change a threshold such as gap_threshold (0 < x ≤ 1); returns the stored value."""
    require(user, REFERENCE)
    value = clean_setting(key, raw)
    row = session.get(Setting, key)
    before = {"value": row.value} if row is not None else None
    if row is None:
        row = Setting(key=key, value=value)
        session.add(row)
    elif row.value == value:
        return value
    row.value = value
    session.flush()
    audit.record(session, user, "update", "setting", None, before=before, after={"value": value}, note=key)
    return value


def settings_values(session: Session, user: CurrentUser | None) -> dict[str, str]:
    """The current thresholds as stored (only the editable ones)."""
    require_read(user, "programme_admin.read")
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(list(SETTINGS))))
    stored = {key: value for key, value in rows}
    return {key: stored.get(key, "") for key in SETTINGS}
