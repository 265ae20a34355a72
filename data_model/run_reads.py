"""The statement a script run starts with: every domain's data version (the cache keys of
every read, data_model.data_versions) and the metric thresholds most figures apply
(data_model.metrics.settings). Both are rows of the setting table, so one statement reads
them, and the thresholds a run's reads apply are those of the versions they are keyed by.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .data_versions import version_keys, versions_from
from .metrics.settings import MetricSettings, parse_metric_settings
from .models import Setting
from .models.reference import DEFAULT_SETTINGS


@dataclass(frozen=True)
class RunReads:
    """What a script run read first: every domain's version and the metric thresholds."""

    versions: dict[str, int]
    thresholds: MetricSettings


def run_reads(session: Session) -> RunReads:
    """Every domain's data version and the metric thresholds, in one statement."""
    keys = [*version_keys(), *DEFAULT_SETTINGS]
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(keys)))
    stored = {key: value for key, value in rows}
    return RunReads(versions_from(stored), parse_metric_settings(stored))
