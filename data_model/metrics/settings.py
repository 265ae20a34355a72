"""The coordinator-editable thresholds the metrics use, read from the `setting` table.

Only reads: the coordinator edits these on the settings page. A missing or unreadable value
falls back to the programme default, so a typo in a setting never breaks a dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Setting
from ..seed import DEFAULT_SETTINGS


@dataclass(frozen=True)
class MetricSettings:
    """Typed thresholds: see DEFAULT_SETTINGS in data_model/seed.py for what each means."""

    gap_threshold: float = float(DEFAULT_SETTINGS["gap_threshold"])
    small_count: int = int(DEFAULT_SETTINGS["small_count"])
    open_loop_days: int = int(DEFAULT_SETTINGS["open_loop_days"])
    unused_months: int = int(DEFAULT_SETTINGS["unused_months"])


def _number(raw: str | None, default: float, minimum: float) -> float:
    try:
        value = float(str(raw).replace(",", "."))
    except ValueError:
        return default
    return value if value >= minimum else default


def load_metric_settings(session: Session) -> MetricSettings:
    """The current thresholds; each falls back to its default when missing or invalid."""
    stored = dict(
        session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(DEFAULT_SETTINGS))).all()
    )
    base = MetricSettings()
    return MetricSettings(
        gap_threshold=_number(stored.get("gap_threshold"), base.gap_threshold, 0.0),
        small_count=int(_number(stored.get("small_count"), base.small_count, 0)),
        open_loop_days=int(_number(stored.get("open_loop_days"), base.open_loop_days, 0)),
        unused_months=int(_number(stored.get("unused_months"), base.unused_months, 1)),
    )
