"""The figures a target can name, each computed for a scope and a window by calling the metric
that already computes it for the dashboards (never a second formula of its own).

A window is a `MetricFilters` with a start and an end (the target's period so far, or the
year before it) and a department when the target is one department's; `judged_on` is the day
"as of" figures (open loops, unused opportunities, reports) are judged on, the window's end.

Each figure says what it rests on (`basis`: people, actions, departments or opportunities)
and whether that is a sample the small-count caution applies to, whether its population is an
estimate, whether it is a count that adds up over a period (its expected value grows from 0),
and whether it can be rebuilt for a past day (reports filed later would count as on time
then, so the reporting figure cannot).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ..permissions import CurrentUser
from .coverage import department_by_form, unused_opportunities
from .feedback import feedback_loop
from .filters import MetricFilters
from .programme import statutory_counts
from .reach import AGE, FOREIGN_LANGUAGE, group_share, reach_figures
from .reporting import reported_on_time, reporting_status

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


Measure = Callable[[Session, CurrentUser | None, MetricFilters, str | None, date], FigureValue]


@dataclass(frozen=True)
class FigureSpec:
    """How one figure is computed and what its value means."""

    unit: str  # share (0..1) | ratio (an index or a score) | count
    subject: str | None  # "group" or "form" when the figure is one per group or form
    basis_kind: str  # what `FigureValue.basis` counts
    measure: Measure
    sampled: bool = True  # the small-count caution applies to its basis
    cumulative: bool = False  # a count that adds up over the period
    has_history: bool = True  # can be computed as it stood on a past day


def _participation_rate(
    session: Session, user: CurrentUser | None, filters: MetricFilters, subject: str | None, judged_on: date
) -> FigureValue:
    row = group_share(reach_figures(session, filters).representation, subject or "")
    if row is None:
        return FigureValue(None, 0)
    return FigureValue(row.participation_rate, row.participants, row.estimate)


def _representation_index(
    session: Session, user: CurrentUser | None, filters: MetricFilters, subject: str | None, judged_on: date
) -> FigureValue:
    row = group_share(reach_figures(session, filters).representation, subject or "")
    if row is None:
        return FigureValue(None, 0)
    return FigureValue(row.index, row.participants, row.estimate)


def _balance_score(
    session: Session, user: CurrentUser | None, filters: MetricFilters, subject: str | None, judged_on: date
) -> FigureValue:
    figures = reach_figures(session, filters)
    bands = [row for row in figures.representation if row.kind == AGE]
    return FigureValue(
        figures.score, sum(row.participants for row in bands), any(row.estimate for row in bands)
    )


def _feedback_loop_rate(
    session: Session, user: CurrentUser | None, filters: MetricFilters, subject: str | None, judged_on: date
) -> FigureValue:
    loop = feedback_loop(session, user, filters, judged_on)
    return FigureValue(loop.rate, loop.actions)


def _actions_per_form(
    session: Session, user: CurrentUser | None, filters: MetricFilters, subject: str | None, judged_on: date
) -> FigureValue:
    matrix = department_by_form(session, user, filters)
    column = next((n for n, label in enumerate(matrix.columns) if label.code == subject), None)
    if column is None:
        return FigureValue(None, 0)
    count = sum(row[column] for row in matrix.values)
    return FigureValue(float(count), count)


def _actions_logged(
    session: Session, user: CurrentUser | None, filters: MetricFilters, subject: str | None, judged_on: date
) -> FigureValue:
    count = reach_figures(session, filters).totals.actions
    return FigureValue(float(count), count)


def _opportunities_in_use(
    session: Session, user: CurrentUser | None, filters: MetricFilters, subject: str | None, judged_on: date
) -> FigureValue:
    # In use as the catalogue page says it: used within the `unused_months` before the day.
    active = sum(statutory_counts(session, user).values())
    unused = len(unused_opportunities(session, user, filters, judged_on))
    return FigureValue(float(active - unused), active)


def _reports_on_time(
    session: Session, user: CurrentUser | None, filters: MetricFilters, subject: str | None, judged_on: date
) -> FigureValue:
    statuses = reporting_status(session, user, judged_on, filters.department_ids)
    if not statuses:
        return FigureValue(None, 0)
    return FigureValue(reported_on_time(statuses) / len(statuses), len(statuses))


FIGURES: dict[str, FigureSpec] = {
    "group_participation_rate": FigureSpec(SHARE, GROUP, PEOPLE, _participation_rate),
    "group_representation": FigureSpec(RATIO, GROUP, PEOPLE, _representation_index),
    "balance_score": FigureSpec(RATIO, None, PEOPLE, _balance_score),
    "feedback_loop_rate": FigureSpec(SHARE, None, ACTIONS, _feedback_loop_rate),
    "actions_per_form": FigureSpec(COUNT, FORM, ACTIONS, _actions_per_form, sampled=False, cumulative=True),
    "actions_logged": FigureSpec(COUNT, None, ACTIONS, _actions_logged, sampled=False, cumulative=True),
    "opportunities_in_use": FigureSpec(COUNT, None, OPPORTUNITIES, _opportunities_in_use, sampled=False),
    "reports_on_time": FigureSpec(
        SHARE, None, DEPARTMENTS, _reports_on_time, sampled=False, has_history=False
    ),
}


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
    return FIGURES[figure].measure(session, user, filters, subject, judged_on)
