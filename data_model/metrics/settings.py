"""The coordinator-editable thresholds the metrics use, read from the `setting` table.

Only reads: the coordinator edits these on the settings page. A missing or unreadable value
falls back to the programme default, so a typo in a setting never breaks a dashboard.

One report asks for the settings from many metrics (the council summary a dozen times); they
are read once per transaction and kept in `session.info` until it flushes or ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, event, select
from sqlalchemy.orm import ORMExecuteState, Session

from ..models import Setting
from ..models.reference import DEFAULT_SETTINGS
from ..permissions import CurrentUser, require_read


@dataclass(frozen=True)
class MetricSettings:
    """Typed thresholds: see DEFAULT_SETTINGS in data_model/models/reference.py for what each means."""

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


_MEMO_KEY = "metric_settings"


# Every memo kept in session.info this way (the thresholds, the freshness).
_MEMO_KEYS = {_MEMO_KEY}


def memo_key(key: str) -> str:
    """Register `key` as a memo in `session.info` that a write or the transaction's end
    forgets, as the thresholds' memo is."""
    _MEMO_KEYS.add(key)
    return key


def _forget(session: Session, *_args: Any) -> None:
    for key in _MEMO_KEYS:
        session.info.pop(key, None)


# A write (or another transaction) may change a setting: the memo lives only until then.
for _event in ("after_flush", "after_commit", "after_rollback", "after_soft_rollback"):
    event.listen(Session, _event, _forget)


@event.listens_for(Session, "do_orm_execute")
def _forget_on_write(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        _forget(state.session)


def metric_settings(session: Session, user: CurrentUser | None) -> MetricSettings:
    """The thresholds the figures were judged by, for a page that states them (the gap
    threshold, the months that make an opportunity unused)."""
    require_read(user, "summary.read")
    return load_metric_settings(session)


def load_metric_settings(session: Session) -> MetricSettings:
    """The current thresholds; each falls back to its default when missing or invalid. The
    building block of every metric that applies them: a page asks `metric_settings`."""
    memo = kept_metric_settings(session)
    if memo is not None:
        return memo
    memo = _read_settings(session)
    session.info[_MEMO_KEY] = memo
    return memo


def settings_rows() -> Select[str, str]:
    """The statement that reads the thresholds' stored values: (key, value) rows."""
    return select(Setting.key, Setting.value).where(Setting.key.in_(DEFAULT_SETTINGS))


def kept_metric_settings(session: Session) -> MetricSettings | None:
    """The thresholds `session` already holds (handed by its script run, or read by an earlier
    metric), or None: reads nothing, so a composed read fetches them only when this is None."""
    memo = session.info.get(_MEMO_KEY)
    return memo if isinstance(memo, MetricSettings) else None


def remember_metric_settings(session: Session, stored: dict[str, str]) -> MetricSettings:
    """The thresholds from `stored` (rows of `settings_rows` that a composed read fetched
    along with its other data), kept for the session as `load_metric_settings` keeps them."""
    memo = parse_metric_settings(stored)
    keep_metric_settings(session, memo)
    return memo


def keep_metric_settings(session: Session, thresholds: MetricSettings) -> None:
    """Hand `session` thresholds read elsewhere (a script run reads them with the data
    versions, data_model.run_reads): its metrics apply them without reading them again,
    until it writes or its transaction ends."""
    session.info[_MEMO_KEY] = thresholds


def _read_settings(session: Session) -> MetricSettings:
    return parse_metric_settings({key: value for key, value in session.execute(settings_rows())})


def parse_metric_settings(stored: dict[str, str]) -> MetricSettings:
    """The thresholds from stored setting rows (key -> value; other keys are ignored), each
    falling back to its default when missing or invalid."""
    base = MetricSettings()
    return MetricSettings(
        gap_threshold=_number(stored.get("gap_threshold"), base.gap_threshold, 0.0),
        small_count=int(_number(stored.get("small_count"), base.small_count, 0)),
        open_loop_days=int(_number(stored.get("open_loop_days"), base.open_loop_days, 0)),
        unused_months=int(_number(stored.get("unused_months"), base.unused_months, 1)),
    )
