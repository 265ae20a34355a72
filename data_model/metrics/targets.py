"""How each target stands, in words: the value now, the value expected by now, on track / at
risk / missed / reached, and a forecast to the end of its period with its range.

* **Value now** = the figure (target_figures.FIGURES) over the target's period up to today
  (its last day once it is over), in its scope, judged on that day.
* **Start value** = 0 for a count that adds up over the period; otherwise the figure over the
  twelve months before the period began (none for a figure that cannot be rebuilt for a past
  day). **Expected now** = the start value plus (target − start value) × the share of the
  period gone; none without a start value.
* **Forecast**: the figure at each quarter's end so far and today, a straight line through
  them carried to the period's end, with its 90 % range (forecast.py).
* **Status** of a period that is over: *reached* when the value meets the target, else
  *missed*. Of a running period: a count aimed at "at least" that is there already is
  *reached*, one aimed at "at most" that is over it is *missed*; otherwise *on track* when the
  value meets the expected value and the forecast's middle meets the target (each where there
  is one), else *at risk*.
* Instead of a status a target says why it has none: its period has not started, there is
  nothing yet to compute the figure from, the figure rests on fewer people (or actions) than
  the `small_count` setting, or on an estimated population figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ..i18n import Decimals, Message, Named, Percent, msg
from ..permissions import CurrentUser, readable_department, require_read
from .forecast import Forecast, linear_forecast
from .settings import load_metric_settings
from .target_figures import (
    COUNT,
    FIGURES,
    SHARE,
    FigureRequest,
    FigureValue,
    Readings,
    pick_all,
    read_sources,
)
from .target_rows import TargetRow as TargetRow
from .target_rows import stored_targets
from .target_windows import TargetWindows, target_windows

ON_TRACK, AT_RISK, MISSED, REACHED = "on_track", "at_risk", "missed", "reached"
NOT_STARTED, NO_DATA, TOO_FEW, ESTIMATE = "not_started", "no_data", "too_few", "estimate"
# Worst first: the overview shows the few that most need attention.
ORDER = (MISSED, AT_RISK, None, ON_TRACK, REACHED)
OVERVIEW_LIMIT = 3


@dataclass(frozen=True)
class TargetProgress:
    """One target and how it stands on `today` (formulas: the module docstring)."""

    target: TargetRow
    value: float | None
    basis: int
    start_value: float | None
    expected: float | None
    elapsed: float  # share of the period gone, 0..1
    progress: str | None  # on_track | at_risk | missed | reached; None when a caution stands
    cautions: tuple[str, ...]  # not_started | no_data | too_few | estimate
    forecast: Forecast | None
    summary: Message  # the value now against the target, in words
    outlook: Message | None  # the forecast in words, or why there is none
    caution_texts: tuple[Message, ...]


def figure_label(key: str) -> Message:
    """The name of a target-able figure (the balance score has its one name everywhere)."""
    return msg("term.metric.score") if key == "balance_score" else msg(f"targets.figure.{key}")


def shown_value(unit: str, value: float | None) -> object:
    """A figure's value as a message value in its unit: 32 %, 0,85, 12."""
    if value is None:
        return msg("targets.value.none")
    if unit == SHARE:
        return Percent(value)
    if unit == COUNT:
        return round(value)
    return Decimals(value, 2)


def value_text(unit: str, value: float | None, lang: str) -> str:
    """A figure's value written in `lang`, as the sentences write it: "32 %", "0,85", "12"."""
    return msg("targets.value", value=shown_value(unit, value)).text(lang)


Values = dict[FigureRequest, FigureValue]


def _forecast(
    row: TargetRow, windows: TargetWindows, values: Values, today: date, value: float
) -> tuple[Forecast | None, Message | None]:
    spec = FIGURES[row.figure]
    if today >= row.period_end:
        return None, None
    if not spec.has_history:
        return None, msg("targets.forecast.no_history")
    ceiling = 1.0 if spec.unit == SHARE else None
    floor = value if spec.cumulative else 0.0  # a count over the period never falls
    span = (row.period_end - row.period_start).days + 1
    points: list[tuple[float, float]] = [
        ((day - row.period_start).days + 1, found)
        for day, request in windows.points
        if (found := values[request].value) is not None
    ]
    forecast = linear_forecast(points, span, floor, ceiling)
    if forecast is None:
        return None, msg("targets.forecast.too_few_points")
    return forecast, msg(
        "targets.forecast.range",
        low=shown_value(row.unit, forecast.low),
        high=shown_value(row.unit, forecast.high),
        target=shown_value(row.unit, row.target_value),
    )


def _meets(row: TargetRow, value: float, aim: float) -> bool:
    return value >= aim if row.direction == "at_least" else value <= aim


def _status(
    row: TargetRow, today: date, value: float, expected: float | None, forecast: Forecast | None
) -> str:
    spec = FIGURES[row.figure]
    if today > row.period_end:
        return REACHED if _meets(row, value, row.target_value) else MISSED
    if spec.cumulative and row.direction == "at_least" and value >= row.target_value:
        return REACHED
    if spec.cumulative and row.direction == "at_most" and value > row.target_value:
        return MISSED
    on_pace = expected is None or _meets(row, value, expected)
    heading_there = forecast is None or _meets(row, forecast.central, row.target_value)
    return ON_TRACK if on_pace and heading_there else AT_RISK


def _caution_text(code: str, row: TargetRow, basis: int, limit: int) -> Message:
    if code == NOT_STARTED:
        return msg("targets.caution.not_started", start=row.period_start)
    if code == TOO_FEW:
        return msg(
            "targets.caution.too_few",
            n=basis,
            limit=limit,
            what=msg(f"targets.basis.{FIGURES[row.figure].basis_kind}"),
        )
    return msg(f"targets.caution.{code}")


def _progress(
    row: TargetRow, windows: TargetWindows, values: Values, today: date, limit: int
) -> TargetProgress:
    """How one target stands on `today`, from the figures its windows asked for."""
    spec = FIGURES[row.figure]
    span = (row.period_end - row.period_start).days + 1
    day = min(today, row.period_end)
    aim = shown_value(row.unit, row.target_value)
    if windows.now is None:
        summary = msg(
            "targets.summary.not_started", target=aim, direction=msg(f"targets.direction.{row.direction}")
        )
        return TargetProgress(
            row,
            None,
            0,
            None,
            None,
            0.0,
            None,
            (NOT_STARTED,),
            None,
            summary,
            None,
            (_caution_text(NOT_STARTED, row, 0, limit),),
        )
    elapsed = min(((day - row.period_start).days + 1) / span, 1.0)
    now = values[windows.now]
    start_value: float | None = 0.0 if spec.cumulative else None
    if windows.before is not None:
        start_value = values[windows.before].value
    expected = start_value + (row.target_value - start_value) * elapsed if start_value is not None else None
    cautions: list[str] = []
    if now.value is None:
        cautions.append(NO_DATA)
    elif spec.sampled and now.basis < limit:
        cautions.append(TOO_FEW)
    if now.estimate:
        cautions.append(ESTIMATE)
    forecast, outlook = (None, None)
    progress = None
    if now.value is not None:
        forecast, outlook = _forecast(row, windows, values, today, now.value)
        if not cautions:
            progress = _status(row, today, now.value, expected, forecast)
    summary = msg(
        "targets.summary.running"
        if expected is not None and today <= row.period_end
        else "targets.summary.value",
        value=shown_value(row.unit, now.value),
        expected=shown_value(row.unit, expected),
        target=aim,
        direction=msg(f"targets.direction.{row.direction}"),
        end=row.period_end,
    )
    return TargetProgress(
        row,
        now.value,
        now.basis,
        start_value,
        expected,
        elapsed,
        progress,
        tuple(cautions),
        forecast,
        summary,
        outlook,
        tuple(_caution_text(code, row, now.basis, limit) for code in cautions),
    )


def progress_of_all(
    session: Session, user: CurrentUser | None, rows: list[TargetRow], today: date
) -> list[TargetProgress]:
    """How each of `rows` stands on `today`, every figure of every target read together (a
    fixed number of statements however many targets: target_figures.read_sources); a building
    block of `target_progress`, which checks."""
    return _progress_read(session, user, rows, today)[0]


def progress_of(session: Session, user: CurrentUser | None, row: TargetRow, today: date) -> TargetProgress:
    """How one target stands on `today`, alone: what `progress_of_all` says of it among others."""
    return progress_of_all(session, user, [row], today)[0]


def target_progress_with(
    session: Session,
    user: CurrentUser | None,
    today: date,
    others: Sequence[FigureRequest],
    include_retired: bool = False,
) -> tuple[list[TargetProgress], Readings]:
    """What `target_progress` answers, the figures read together with `others` (a page's own
    windows, so that one statement serves both), and the readings `others` are picked from
    (target_figures.reading_of). A building block of the readers that compose it, which check."""
    statuses = ("accepted", "retired") if include_retired else ("accepted",)
    return _progress_read(session, user, stored_targets(session, statuses, None), today, others)


def _progress_read(
    session: Session,
    user: CurrentUser | None,
    rows: list[TargetRow],
    today: date,
    others: Sequence[FigureRequest] = (),
) -> tuple[list[TargetProgress], Readings]:
    windows = [target_windows(row, today) for row in rows]
    requests = [request for found in windows for request in found.requests()]
    readings = read_sources(session, user, [*requests, *others])
    if not rows:  # nothing to judge: the settings neither
        return [], readings
    values = pick_all(requests, readings)
    limit = load_metric_settings(session).small_count
    return [
        _progress(row, found, values, today, limit) for row, found in zip(rows, windows, strict=True)
    ], readings


def target_progress(
    session: Session,
    user: CurrentUser | None,
    today: date,
    department_id: int | None = None,
    include_retired: bool = False,
) -> list[TargetProgress]:
    """Every accepted target (and retired ones on request), soonest end first, each with how
    it stands on `today`; only one department's when `department_id` is given."""
    require_read(user, "summary.read")
    statuses = ("accepted", "retired") if include_retired else ("accepted",)
    return progress_of_all(session, user, stored_targets(session, statuses, department_id), today)


def target_proposals(
    session: Session, user: CurrentUser | None, department_id: int | None = None
) -> list[TargetRow]:
    """Proposed and declined targets: every department's for the coordinator, a department
    head's own department's for them (asking for another department is refused)."""
    department = readable_department(user, "target_proposals.read", department_id)
    rows = stored_targets(session, ("proposed", "declined"), department)
    return sorted(rows, key=lambda row: (row.lifecycle != "proposed", -row.id))


def targets_that_matter(rows: list[TargetProgress], limit: int = OVERVIEW_LIMIT) -> list[TargetProgress]:
    """The few targets the overview shows: running or ended ones, worst status first (missed,
    at risk, those that cannot be judged, on track, reached), soonest end first within each."""
    started = [row for row in rows if NOT_STARTED not in row.cautions]
    return sorted(started, key=lambda row: (ORDER.index(row.progress), row.target.period_end))[:limit]


def target_title(row: TargetRow) -> Message:
    """What a target is about in a few words: the figure, its group or form, and its scope."""
    scope = (
        Named(row.department.name_fi, row.department.name_en) if row.department else msg("targets.scope.city")
    )
    figure = figure_label(row.figure)
    if row.subject is None:
        return msg("targets.title.plain", figure=figure, scope=scope)
    return msg(
        "targets.title.subject",
        figure=figure,
        subject=Named(row.subject.name_fi, row.subject.name_en),
        scope=scope,
    )


def progress_name(progress: TargetProgress) -> Message:
    """The status in words, or that it cannot be judged (the cautions say why)."""
    return msg(f"targets.progress.{progress.progress or 'none'}")
