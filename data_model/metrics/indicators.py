"""The live value of each SWOT indicator (data_model/indicators.py names them).

Each indicator is computed for the current period ending `today` and for the period of the
same length before it; the trend compares the two. Periods are judged on an action's start
date: (start, end]. Most indicators look back 12 months; "actions per quarter" looks back 3,
and "opportunities in use" the `unused_months` setting, like the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from ..i18n import Counted, Decimals, Message, Percent, msg
from ..indicators import EXPERIENCE, INDICATORS
from .filters import MetricFilters, add_months
from .indicator_counts import ProgrammeCounts, programme_counts_on
from .indicator_value import IndicatorValue as IndicatorValue
from .indicator_value import experience_value as experience_value
from .indicator_value import no_survey_value
from .indicator_value import trend_of as trend_of
from .reach import YOUTH, GroupRepresentation, ReachFigures, reach_figures_for
from .reporting import ReportingStatus, department_statuses_on, reported_on_time
from .settings import MetricSettings, load_metric_settings

YEAR = 12
NO_ACTIONS = msg("indicator.no_actions")
QUARTER = 3


@dataclass(frozen=True)
class _Measured:
    value: float | None
    sample: int
    text: Message


def period(end: date, months: int) -> MetricFilters:
    """The `months` months that end on `end` (the day after the same date `months` earlier)."""
    return MetricFilters(start=add_months(end, -months) + timedelta(days=1), end=end)


def _share_text(part: int, whole: int) -> Message:
    return msg("indicator.share", part=part, whole=whole, pct=Percent(part / whole)) if whole else NO_ACTIONS


@dataclass(frozen=True)
class _Read:
    """What a board's indicators are computed from, read once for all of them and both periods."""

    counts: ProgrammeCounts
    reach: dict[MetricFilters, ReachFigures]
    departments: tuple[ReportingStatus, ...]


def _share(part: int, whole: int) -> _Measured:
    return _Measured(part / whole if whole else None, whole, _share_text(part, whole))


def _opportunities_in_use(read: _Read, window: MetricFilters) -> _Measured:
    counts = read.counts.windows[window]
    used, active = counts.opportunities_used, read.counts.active_opportunities
    return _Measured(float(used), counts.actions, _share_text(used, active))


def _officials_or_decision_changed(read: _Read, window: MetricFilters) -> _Measured:
    counts = read.counts.windows[window]
    return _share(counts.officials_or_decision_changed, counts.actions)


def _staff_experience(read: _Read, window: MetricFilters) -> _Measured:
    counts = read.counts.windows[window]
    value = counts.staff_average
    text = (
        msg("indicator.score", score=Decimals(value, 1)) if value is not None else msg("indicator.no_ratings")
    )
    return _Measured(value, counts.staff_answers, text)


def _actions_logged(read: _Read, window: MetricFilters) -> _Measured:
    count = read.counts.windows[window].actions
    return _Measured(float(count), count, msg("indicator.count", n=count))


def _digital_share(read: _Read, window: MetricFilters) -> _Measured:
    counts = read.counts.windows[window]
    return _share(counts.digital, counts.actions)


def _awareness_channels(read: _Read, window: MetricFilters) -> _Measured:
    counts = read.counts.windows[window]
    used, active = counts.channels_used, read.counts.active_channels
    return _Measured(float(used), counts.actions, _share_text(used, active))


LONELY_CODE = "lonely"
OLDER_GROUP_CODE = "older_people"  # the special group "ikäihmiset", when age is not recorded
OLDER_FROM_AGE = 65


def _older_bands(reach: ReachFigures) -> frozenset[str]:
    """The codes of the active age bands of 65 and over."""
    return frozenset(code for code, age in reach.band_ages if age >= OLDER_FROM_AGE)


def _representation_text(share: float | None, population_share: float | None, index: float | None) -> Message:
    return msg(
        "indicator.representation",
        index=Decimals(index, 2),
        share=Percent(share),
        population_share=Percent(population_share),
    )


def _combined(rows: list[GroupRepresentation]) -> _Measured:
    """One representation figure for several age bands (their shares added up)."""
    if not rows or rows[0].denominator == 0:
        return _Measured(None, 0, msg("indicator.no_ages"))
    participants = sum(row.participants for row in rows)
    share = sum(row.participant_share or 0.0 for row in rows)
    population_share = sum(row.population_share or 0.0 for row in rows)
    index = share / population_share if population_share else None
    return _Measured(index, participants, _representation_text(share, population_share, index))


def _youth_reach(read: _Read, window: MetricFilters) -> _Measured:
    return _combined([row for row in read.reach[window].representation if row.group.code == YOUTH])


def _older_reach(read: _Read, window: MetricFilters) -> _Measured:
    bands = _older_bands(read.reach[window])
    return _combined([row for row in read.reach[window].representation if row.group.code in bands])


def _vulnerable_reach(read: _Read, window: MetricFilters) -> _Measured:
    # The special group "ikäihmiset" and the 65+ age bands may count the same people: take the
    # larger of the two rather than their sum.
    bands = _older_bands(read.reach[window])
    counts = dict(read.reach[window].participants)
    lonely = counts.get(LONELY_CODE, 0)
    older = max(sum(n for code, n in counts.items() if code in bands), counts.get(OLDER_GROUP_CODE, 0))
    total = lonely + older
    return _Measured(
        float(total), total, msg("indicator.vulnerable", total=total, lonely=lonely, older=older)
    )


def _feedback_loop_rate(read: _Read, window: MetricFilters) -> _Measured:
    counts = read.counts.windows[window]
    return _share(counts.loop_with_feedback, counts.loop_actions)


def _departments_reporting(read: _Read, window: MetricFilters) -> _Measured:
    rows = read.departments
    on_time = reported_on_time(rows)
    return _Measured(on_time / len(rows) if rows else None, len(rows), _share_text(on_time, len(rows)))


@dataclass(frozen=True)
class _Spec:
    unit: str
    months: int | None  # None: the `unused_months` setting
    measure: Callable[[_Read, MetricFilters], _Measured]
    # False when the past cannot be rebuilt (reports filed later would count as on time then)
    has_trend: bool = True
    # False when the figure counts every member (all reporting departments), not a sample
    sampled: bool = True


# Indicators read from the representation figures.
REACH_INDICATORS = frozenset({"youth_reach", "older_reach", "vulnerable_reach"})

SPECS: dict[str, _Spec] = {
    "opportunities_in_use": _Spec("count", None, _opportunities_in_use),
    "officials_or_decision_changed": _Spec("share", YEAR, _officials_or_decision_changed),
    "staff_experience": _Spec("score", YEAR, _staff_experience),
    "actions_logged": _Spec("count", QUARTER, _actions_logged),
    "digital_share": _Spec("share", YEAR, _digital_share),
    "feedback_loop_rate": _Spec("share", YEAR, _feedback_loop_rate),
    "departments_reporting": _Spec("share", YEAR, _departments_reporting, has_trend=False, sampled=False),
    "youth_reach": _Spec("ratio", YEAR, _youth_reach),
    "older_reach": _Spec("ratio", YEAR, _older_reach),
    "vulnerable_reach": _Spec("count", YEAR, _vulnerable_reach),
    "awareness_channels": _Spec("count", YEAR, _awareness_channels),
}


def _basis(key: str, months: int, has_trend: bool) -> Message:
    basis = msg(f"indicator.{key}.basis")
    return (
        msg("indicator.basis_with_period", basis=basis, months=Counted(months, "months_short"))
        if has_trend
        else basis
    )


def _windows(
    key: str, today: date, unused_months: int, with_trend: bool
) -> tuple[int, MetricFilters, MetricFilters | None]:
    """The months an indicator looks back, its current period and the one before (if any)."""
    spec = SPECS[key]
    months = spec.months if spec.months is not None else unused_months
    previous = period(add_months(today, -months), months) if spec.has_trend and with_trend else None
    return months, period(today, months), previous


def counted_windows(
    days: Sequence[date], unused_months: int, with_trend: bool, keys: Sequence[str] = tuple(SPECS)
) -> dict[date, list[MetricFilters]]:
    """The periods the indicators `keys` (default: all) count actions over on each of `days`:
    for a caller that reads the counts (indicator_counts) with a statement of its own."""
    return {
        day: [w for key in keys for w in _windows(key, day, unused_months, with_trend)[1:] if w is not None]
        for day in days
    }


def _read(
    session: Session,
    keys: Sequence[str],
    days: Sequence[date],
    with_trend: bool,
    reach: Mapping[MetricFilters, ReachFigures] | None = None,
    departments: Mapping[date, Sequence[ReportingStatus]] | None = None,
    counts: Mapping[date, ProgrammeCounts] | None = None,
) -> dict[date, _Read]:
    """Everything the indicators `keys` need on each of `days`, for all their periods, in a few
    statements however many days; `reach`, `departments` and `counts`, when the caller has
    read them for some windows or days (an evaluation, for its own figures), are not read again."""
    unused_months = load_metric_settings(session).unused_months
    windows = counted_windows(days, unused_months, with_trend, keys)
    known = dict(reach or {})
    reach_windows = [
        w
        for day in days
        for key in keys
        if key in REACH_INDICATORS
        for w in _windows(key, day, unused_months, with_trend)[1:]
        if w and w not in known
    ]
    reach_windows = list(dict.fromkeys(reach_windows))
    if reach_windows:
        known.update(zip(reach_windows, reach_figures_for(session, reach_windows), strict=True))
    # Only the survey asked for: no period, nothing to count.
    given = counts or {}
    uncounted = {
        day: found
        for day, found in windows.items()
        if found and (day not in given or not set(found) <= given[day].windows.keys())
    }
    counts = {**given, **(programme_counts_on(session, uncounted) if uncounted else {})}
    # Reporting has no trend: only each day's statuses.
    statuses: Mapping[date, Sequence[ReportingStatus]] = {}
    if "departments_reporting" in keys:
        missing = [day for day in days if departments is None or day not in departments]
        statuses = {**(departments or {}), **(department_statuses_on(session, missing) if missing else {})}
    return {
        day: _Read(
            counts=counts.get(day, ProgrammeCounts({}, 0, 0)),
            reach=known,
            departments=tuple(statuses.get(day, ())),
        )
        for day in days
    }


def _value(read: _Read, key: str, today: date, settings: MetricSettings, with_trend: bool) -> IndicatorValue:
    spec = SPECS[key]
    months, now, before = _windows(key, today, settings.unused_months, with_trend)
    current = spec.measure(read, now)
    previous = spec.measure(read, before) if before is not None else None
    return IndicatorValue(
        key=key,
        label=msg(f"indicator.{key}.label"),
        value=current.value,
        unit=spec.unit,
        text=current.text,
        previous=previous.value if previous else None,
        trend=trend_of(current.value, previous.value, spec.unit) if previous else None,
        basis=_basis(key, months, spec.has_trend),
        sample=current.sample,
        small_sample=spec.sampled and current.sample < settings.small_count,
    )


def indicator_values(
    session: Session, keys: Sequence[str], today: date, with_trend: bool = True
) -> dict[str, IndicatorValue]:
    """The indicators `keys` (of INDICATORS) now, each with its trend against the period before,
    computed from one read for all of them."""
    return indicator_values_on(session, keys, (today,), with_trend)[today]


def indicator_values_on(
    session: Session,
    keys: Sequence[str],
    days: Sequence[date],
    with_trend: bool = True,
    reach: Mapping[MetricFilters, ReachFigures] | None = None,
    departments: Mapping[date, Sequence[ReportingStatus]] | None = None,
    counts: Mapping[date, ProgrammeCounts] | None = None,
) -> dict[date, dict[str, IndicatorValue]]:
    """`indicator_values` on each of `days` (an evaluation's start and end), from one read for
    all of them; the reach of windows, the departments' statuses and the counts on days the
    caller has read already are taken from `reach`, `departments` and `counts`."""
    unknown = [key for key in keys if key not in INDICATORS]
    if unknown:
        raise KeyError(f"unknown indicator '{unknown[0]}'")
    wanted = [key for key in dict.fromkeys(keys) if key != EXPERIENCE]
    read = _read(session, wanted, days, with_trend, reach, departments, counts)
    settings = load_metric_settings(session)
    result = {}
    for day in days:
        values = {key: _value(read[day], key, day, settings, with_trend) for key in wanted}
        if EXPERIENCE in keys:
            values[EXPERIENCE] = experience_value(session, day) or no_survey_value()
        result[day] = values
    return result


def indicator_value(session: Session, key: str, today: date, with_trend: bool = True) -> IndicatorValue:
    """The indicator `key` (one of INDICATORS) now, with its trend against the period before
    (left out with `with_trend=False`: an evaluation compares two days of its own)."""
    return indicator_values(session, (key,), today, with_trend)[key]
