"""The statement a script run starts with: every domain's data version (the cache keys of
every read, data_model.data_versions), when the data last changed (the freshness line, noted
by every data change beside its domain's counter) and the metric thresholds most figures
apply (data_model.metrics.settings). All are rows of the setting table, so one statement
reads them, and what a run's reads are handed is as of the versions they are keyed by.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .data_versions import changed_keys, last_change_from, version_keys, versions_from
from .metrics.freshness import keep_last_change
from .metrics.settings import MetricSettings, keep_metric_settings, parse_metric_settings
from .models import Setting
from .models.reference import DEFAULT_SETTINGS


@dataclass(frozen=True)
class RunReads:
    """What a script run read first: every domain's version, the metric thresholds, and when
    the data last changed (None when no time is kept yet: the audit log is asked then)."""

    versions: dict[str, int]
    thresholds: MetricSettings
    last_change: datetime | None = None


def run_reads(session: Session) -> RunReads:
    """Every domain's data version, the metric thresholds and the last change, in one statement."""
    keys = [*version_keys(), *changed_keys(), *DEFAULT_SETTINGS]
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(keys)))
    stored = {key: value for key, value in rows}
    return RunReads(versions_from(stored), parse_metric_settings(stored), last_change_from(stored))


def hand_to(session: Session, this_run: RunReads) -> None:
    """Hand a read's `session` what the run read first, so its metrics do not read it again."""
    keep_metric_settings(session, this_run.thresholds)
    if this_run.last_change is not None:
        keep_last_change(session, this_run.last_change)
