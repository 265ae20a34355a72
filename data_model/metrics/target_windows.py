"""Which figures a target's progress needs on a day: the figure now, over the year before its
period (its start value) and at each quarter's end so far (the forecast's points), each as a
request target_figures reads with the others."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .filters import MetricFilters, add_months, quarter_of, quarter_range
from .target_figures import FIGURES, FigureRequest
from .target_rows import TargetRow


def _window(row: TargetRow, start: date, end: date) -> MetricFilters:
    departments = (row.department.id,) if row.department else ()
    return MetricFilters(start=start, end=end, department_ids=departments)


def _request(row: TargetRow, start: date, day: date) -> FigureRequest:
    """The target's figure over `start`..`day` in its scope, judged on `day`."""
    return FigureRequest(row.figure, row.subject.code if row.subject else None, _window(row, start, day), day)


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
class TargetWindows:
    """The figures one target's progress needs: now, the year before its period (its start
    value) and the forecast's points; None or empty where it needs none."""

    now: FigureRequest | None
    before: FigureRequest | None
    points: tuple[tuple[date, FigureRequest], ...]

    def requests(self) -> list[FigureRequest]:
        """The requests to read, in order: now, before, the points."""
        found = [self.now, self.before, *(request for _, request in self.points)]
        return [request for request in found if request is not None]


def target_windows(row: TargetRow, today: date) -> TargetWindows:
    """The figures `row` needs on `today`: none before its period starts, no start value for a
    count over the period or a figure without a past, no points once the period is over."""
    spec = FIGURES[row.figure]
    if today < row.period_start:
        return TargetWindows(None, None, ())
    now = _request(row, row.period_start, min(today, row.period_end))
    before = None
    if not spec.cumulative and spec.has_history:
        before = _request(row, add_months(row.period_start, -12), row.period_start - timedelta(days=1))
    points: tuple[tuple[date, FigureRequest], ...] = ()
    if today < row.period_end and spec.has_history:
        points = tuple((day, _request(row, row.period_start, day)) for day in _point_days(row, today))
    return TargetWindows(now, before, points)
