"""The figures a target can name, each computed for a scope and a window by calling the metric
that already computes it for the dashboards (never a second formula of its own).

A window is a `MetricFilters` with a start and an end (the target's period so far, or the
year before it) and a department when the target is one department's; `judged_on` is the day
"as of" figures (open loops, unused opportunities, reports) are judged on, the window's end.

Figures are read in batches (`measure_all`): the requests are grouped by the metric they come
from (SOURCES), each metric reads all its windows at once through its own multi-window form
(`reach_figures_for`, `loop_counts_for`, …), and each figure is picked from its window's
reading. So the targets of a page cost a fixed number of statements, however many there are.

Each figure says what it rests on (`basis`: people, actions, departments or opportunities)
and whether that is a sample the small-count caution applies to, whether its population is an
estimate, whether it is a count that adds up over a period (its expected value grows from 0),
and whether it can be rebuilt for a past day (reports filed later would count as on time
then, so the reporting figure cannot).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ..permissions import CurrentUser
from .coverage import form_action_counts_for, unused_opportunities_for
from .feedback import LoopCounts, loop_counts_for
from .filters import MetricFilters
from .programme import statutory_counts
from .reach import AGE, FOREIGN_LANGUAGE, ReachFigures, group_share, reach_figures_for
from .reporting import ReportingStatus, department_statuses_on, reported_on_time

SHARE, RATIO, COUNT = "share", "ratio", "count"
GROUP, FORM = "group", "form"
PEOPLE, ACTIONS, DEPARTMENTS, OPPORTUNITIES = "people", "actions", "departments", "opportunities"
# Groups whose representation the reach metric compares (reach.reach_figures): the age bands
# and foreign-language speakers.
COMPARED_KINDS = (AGE,)
COMPARED_CODES = (FOREIGN_LANGUAGE,)


@dataclass(frozen=True)
class FigureValue:
    """A figure for one window: None when there is nothing to compute it from."""

    value: float | None
    basis: int  # how many people, actions, departments or opportunities it rests on
    estimate: bool = False  # rests on an estimated population figure


@dataclass(frozen=True)
class FigureRequest:
    """One figure of one subject for one window, judged on `judged_on`: what a target asks."""

    figure: str
    subject: str | None
    filters: MetricFilters
    judged_on: date


# A source reads what its figures are picked from, for many requests at once (a fixed number
# of statements however many there are); `pick` turns one request's reading into the figure.
Read = Callable[[Session, CurrentUser | None, Sequence[FigureRequest]], list[Any]]
Pick = Callable[[Any, str | None], FigureValue]


@dataclass(frozen=True)
class FigureSpec:
    """How one figure is computed and what its value means."""

    unit: str  # share (0..1) | ratio (an index or a score) | count
    subject: str | None  # "group" or "form" when the figure is one per group or form
    basis_kind: str  # what `FigureValue.basis` counts
    source: str  # the key of SOURCES it is picked from
    pick: Pick
    sampled: bool = True  # the small-count caution applies to its basis
    cumulative: bool = False  # a count that adds up over the period
    has_history: bool = True  # can be computed as it stood on a past day


def _participation_rate(figures: ReachFigures, subject: str | None) -> FigureValue:
    row = group_share(figures.representation, subject or "")
    if row is None:
        return FigureValue(None, 0)
    return FigureValue(row.participation_rate, row.participants, row.estimate)


def _representation_index(figures: ReachFigures, subject: str | None) -> FigureValue:
    row = group_share(figures.representation, subject or "")
    if row is None:
        return FigureValue(None, 0)
    return FigureValue(row.index, row.participants, row.estimate)


def _balance_score(figures: ReachFigures, subject: str | None) -> FigureValue:
    bands = [row for row in figures.representation if row.kind == AGE]
    return FigureValue(
        figures.score, sum(row.participants for row in bands), any(row.estimate for row in bands)
    )


def _actions_logged(figures: ReachFigures, subject: str | None) -> FigureValue:
    count = figures.totals.actions
    return FigureValue(float(count), count)


def _feedback_loop_rate(loop: LoopCounts, subject: str | None) -> FigureValue:
    return FigureValue(loop.rate, loop.actions)


def _actions_per_form(counts: dict[str, int], subject: str | None) -> FigureValue:
    # The column of `department_by_form` summed over its departments.
    count = counts.get(subject or "", 0)
    return FigureValue(float(count), count)


def _opportunities_in_use(found: tuple[int, int], subject: str | None) -> FigureValue:
    # In use as the catalogue page says it: used within the `unused_months` before the day.
    active, unused = found
    return FigureValue(float(active - unused), active)


def _reports_on_time(statuses: list[ReportingStatus], subject: str | None) -> FigureValue:
    if not statuses:
        return FigureValue(None, 0)
    return FigureValue(reported_on_time(statuses) / len(statuses), len(statuses))


def _read_reach(session: Session, user: CurrentUser | None, requests: Sequence[FigureRequest]) -> list[Any]:
    return reach_figures_for(session, [request.filters for request in requests])


def _read_loop(session: Session, user: CurrentUser | None, requests: Sequence[FigureRequest]) -> list[Any]:
    return loop_counts_for(session, [(request.filters, request.judged_on) for request in requests])


def _read_forms(session: Session, user: CurrentUser | None, requests: Sequence[FigureRequest]) -> list[Any]:
    return form_action_counts_for(session, [request.filters for request in requests])


def _read_opportunities(
    session: Session, user: CurrentUser | None, requests: Sequence[FigureRequest]
) -> list[Any]:
    active = sum(statutory_counts(session, user).values())
    unused = unused_opportunities_for(
        session, [(request.filters, request.judged_on, None) for request in requests]
    )
    return [(active, len(items)) for items in unused]


def _read_reporting(
    session: Session, user: CurrentUser | None, requests: Sequence[FigureRequest]
) -> list[Any]:
    # Every department on every day in one read, then each request's own departments.
    found = department_statuses_on(session, [request.judged_on for request in requests])
    return [
        [
            status
            for status in found[request.judged_on]
            if not request.filters.department_ids or status.department.id in request.filters.department_ids
        ]
        for request in requests
    ]


REACH, LOOP, FORMS, OPPORTUNITIES_SOURCE, REPORTING = "reach", "loop", "forms", "opportunities", "reporting"


@dataclass(frozen=True)
class Source:
    """A metric that figures are picked from: how it reads many requests at once, and what of
    a request it depends on (requests with the same key are read once)."""

    read: Read
    key: Callable[[FigureRequest], Any]


SOURCES: dict[str, Source] = {
    REACH: Source(_read_reach, lambda request: request.filters),
    LOOP: Source(_read_loop, lambda request: (request.filters, request.judged_on)),
    FORMS: Source(_read_forms, lambda request: request.filters),
    # Unused is judged over all time up to the day: the window's start does not matter.
    OPPORTUNITIES_SOURCE: Source(
        _read_opportunities, lambda request: (request.filters.without_period(), request.judged_on)
    ),
    REPORTING: Source(_read_reporting, lambda request: (request.filters.department_ids, request.judged_on)),
}


FIGURES: dict[str, FigureSpec] = {
    "group_participation_rate": FigureSpec(SHARE, GROUP, PEOPLE, REACH, _participation_rate),
    "group_representation": FigureSpec(RATIO, GROUP, PEOPLE, REACH, _representation_index),
    "balance_score": FigureSpec(RATIO, None, PEOPLE, REACH, _balance_score),
    "feedback_loop_rate": FigureSpec(SHARE, None, ACTIONS, LOOP, _feedback_loop_rate),
    "actions_per_form": FigureSpec(
        COUNT, FORM, ACTIONS, FORMS, _actions_per_form, sampled=False, cumulative=True
    ),
    "actions_logged": FigureSpec(
        COUNT, None, ACTIONS, REACH, _actions_logged, sampled=False, cumulative=True
    ),
    "opportunities_in_use": FigureSpec(
        COUNT, None, OPPORTUNITIES, OPPORTUNITIES_SOURCE, _opportunities_in_use, sampled=False
    ),
    "reports_on_time": FigureSpec(
        SHARE, None, DEPARTMENTS, REPORTING, _reports_on_time, sampled=False, has_history=False
    ),
}


Readings = dict[tuple[str, Any], Any]


def read_sources(session: Session, user: CurrentUser | None, requests: Sequence[FigureRequest]) -> Readings:
    """What every request's figure is picked from: each source read once for all the windows
    asked of it (a window asked twice read once). A building block of the readers that compose
    it (`targets.target_progress`, `report_figures.overview_figures`), which check."""
    plan: dict[str, dict[Any, FigureRequest]] = {}
    for request in requests:
        source = FIGURES[request.figure].source
        plan.setdefault(source, {}).setdefault(SOURCES[source].key(request), request)
    readings: Readings = {}
    for source, firsts in plan.items():
        read = SOURCES[source].read(session, user, list(firsts.values()))
        readings.update(((source, key), reading) for key, reading in zip(firsts, read, strict=True))
    return readings


def reading_of(readings: Readings, request: FigureRequest) -> Any:
    """What `request`'s figure is picked from (its source's reading of its window)."""
    source = FIGURES[request.figure].source
    return readings[(source, SOURCES[source].key(request))]


def pick_all(requests: Sequence[FigureRequest], readings: Readings) -> dict[FigureRequest, FigureValue]:
    """Each request's figure from `readings` (read_sources of them, among others)."""
    return {
        request: FIGURES[request.figure].pick(reading_of(readings, request), request.subject)
        for request in requests
    }


def measure_all(
    session: Session, user: CurrentUser | None, requests: Sequence[FigureRequest]
) -> dict[FigureRequest, FigureValue]:
    """Every request's figure, each source read once for all of them. A building block of
    `targets.target_progress`, which checks the reader."""
    return pick_all(requests, read_sources(session, user, requests))


def measure(
    session: Session,
    user: CurrentUser | None,
    figure: str,
    subject: str | None,
    filters: MetricFilters,
    judged_on: date,
) -> FigureValue:
    """The figure `figure` (a key of FIGURES) of `subject` for the window `filters`, judged on
    `judged_on`. A building block of `targets.target_progress`, which checks the reader."""
    request = FigureRequest(figure, subject, filters, judged_on)
    return measure_all(session, user, (request,))[request]
