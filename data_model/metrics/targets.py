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
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import Decimals, Message, Named, Percent, msg
from ..models import AudienceGroup, Department, ParticipationForm, Target
from ..permissions import CurrentUser, readable_department, require_read
from .filters import MetricFilters, add_months, quarter_of, quarter_range
from .forecast import Forecast, linear_forecast
from .labels import Label
from .settings import load_metric_settings
from .target_figures import (
    COUNT,
    FIGURES,
    FORM,
    GROUP,
    SHARE,
    FigureRequest,
    FigureValue,
    Readings,
    pick_all,
    read_sources,
)

ON_TRACK, AT_RISK, MISSED, REACHED = "on_track", "at_risk", "missed", "reached"
NOT_STARTED, NO_DATA, TOO_FEW, ESTIMATE = "not_started", "no_data", "too_few", "estimate"
# Worst first: the overview shows the few that most need attention.
ORDER = (MISSED, AT_RISK, None, ON_TRACK, REACHED)
OVERVIEW_LIMIT = 3


@dataclass(frozen=True)
class TargetRow:
    """A target as stored, with the names of what it is about."""

    id: int
    figure: str
    unit: str
    subject: Label | None
    department: Label | None  # None: the whole city
    period_start: date
    period_end: date
    target_value: float
    direction: str  # at_least | at_most
    set_by: str  # council | city_board | department
    decision: str
    note: str
    lifecycle: str  # proposed | accepted | declined | retired


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


def _row(
    target: Target, group: AudienceGroup | None, form: ParticipationForm | None, department: Department | None
) -> TargetRow:
    spec = FIGURES[target.figure]
    subject = group if spec.subject == GROUP else form if spec.subject == FORM else None
    return TargetRow(
        target.id,
        target.figure,
        spec.unit,
        Label(subject.id, subject.code, subject.name_fi, subject.name_en)
        if subject and target.subject
        else None,
        Label(department.id, department.code, department.name_fi, department.name_en) if department else None,
        target.period_start,
        target.period_end,
        target.target_value,
        target.direction,
        target.set_by,
        target.decision,
        target.note,
        target.status,
    )


def _window(row: TargetRow, start: date, end: date) -> MetricFilters:
    departments = (row.department.id,) if row.department else ()
    return MetricFilters(start=start, end=end, department_ids=departments)


def _request(row: TargetRow, start: date, day: date) -> FigureRequest:
    """The target's figure over `start`..`day` in its scope, judged on `day`."""
    return FigureRequest(row.figure, row.subject.code if row.subject else None, _window(row, start, day), day)


def _meets(row: TargetRow, value: float, aim: float) -> bool:
    return value >= aim if row.direction == "at_least" else value <= aim


def _point_days(row: TargetRow, today: date) -> list[date]:
    """Each quarter's end in the period so far, and today: the days the forecast's line is
    drawn through."""
    days: list[date] = []
    year, quarter = quarter_of(row.period_start)
    while True:
        end = quarter_range(year, quarter)[1]
        if end >= today:
            break
        days.append(end)
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    days.append(today)
    return days


@dataclass(frozen=True)
class _Windows:
    """The figures one target's progress needs: now, the year before its period (its start
    value) and the forecast's points; None or empty where it needs none."""

    now: FigureRequest | None
    before: FigureRequest | None
    points: tuple[tuple[date, FigureRequest], ...]

    def requests(self) -> list[FigureRequest]:
        found = [self.now, self.before, *(request for _, request in self.points)]
        return [request for request in found if request is not None]


def _windows(row: TargetRow, today: date) -> _Windows:
    spec = FIGURES[row.figure]
    if today < row.period_start:
        return _Windows(None, None, ())
    now = _request(row, row.period_start, min(today, row.period_end))
    before = None
    if not spec.cumulative and spec.has_history:
        before = _request(row, add_months(row.period_start, -12), row.period_start - timedelta(days=1))
    points: tuple[tuple[date, FigureRequest], ...] = ()
    if today < row.period_end and spec.has_history:
        points = tuple((day, _request(row, row.period_start, day)) for day in _point_days(row, today))
    return _Windows(now, before, points)


Values = dict[FigureRequest, FigureValue]


def _forecast(
    row: TargetRow, windows: _Windows, values: Values, today: date, value: float
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


def _progress(row: TargetRow, windows: _Windows, values: Values, today: date, limit: int) -> TargetProgress:
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


def _stored(session: Session, statuses: tuple[str, ...], department_id: int | None) -> list[TargetRow]:
    # The names of each target's group or form and department come in the same statement.
    query = (
        select(Target, AudienceGroup, ParticipationForm, Department)
        .outerjoin(AudienceGroup, AudienceGroup.code == Target.subject)
        .outerjoin(ParticipationForm, ParticipationForm.code == Target.subject)
        .outerjoin(Department, Department.id == Target.department_id)
        .where(Target.status.in_(statuses))
    )
    if department_id is not None:
        query = query.where(Target.department_id == department_id)
    rows = session.execute(query.order_by(Target.period_end, Target.id)).all()
    return [_row(*row) for row in rows if row[0].figure in FIGURES]


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
    return _progress_read(session, user, _stored(session, statuses, None), today, others)


def _progress_read(
    session: Session,
    user: CurrentUser | None,
    rows: list[TargetRow],
    today: date,
    others: Sequence[FigureRequest] = (),
) -> tuple[list[TargetProgress], Readings]:
    windows = [_windows(row, today) for row in rows]
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
    return progress_of_all(session, user, _stored(session, statuses, department_id), today)


def target_proposals(
    session: Session, user: CurrentUser | None, department_id: int | None = None
) -> list[TargetRow]:
    """Proposed and declined targets: every department's for the coordinator, a department
    head's own department's for them (asking for another department is refused)."""
    department = readable_department(user, "target_proposals.read", department_id)
    rows = _stored(session, ("proposed", "declined"), department)
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
