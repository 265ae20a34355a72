"""The feedback loop: were the participants of planning and decision actions told how their
input was used (`Action.feedback_given`)?

* The **rate** = filtered actions with the form "suunnittelu" or "paatos" that have
  feedback_given ÷ all such filtered actions (None when there are none).
* An **open loop** = such an action without feedback whose end date (its start date when it
  has none) is more than `open_loop_days` (setting, default 60) days before `today`.

The result carries the number of open loops and only the OPEN_LOOPS_KEPT oldest of them: it is
cached and unpickled on every page view, and a list of thousands costs more than the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Integer, cast, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from ..models import Action, Department, ParticipationForm
from ..models.actions import action_form
from ..permissions import CurrentUser, require_read
from . import rollup_reads
from .day_keys import date_of_key, day_key_of
from .filters import MetricFilters, action_conditions
from .labels import Label
from .settings import load_metric_settings

FEEDBACK_FORMS = ("suunnittelu", "paatos")
OPEN_LOOPS_KEPT = 20


@dataclass(frozen=True)
class OpenLoop:
    """An action whose participants have not been told how their input was used."""

    action_id: int
    title: str
    department: Label
    closed_on: date  # the action's end date, or its start date
    days_open: int


@dataclass(frozen=True)
class FeedbackLoop:
    """The rate of closed loops and the loops left open too long: how many (`open_loop_count`)
    and the oldest of them (`open_loops`, at most OPEN_LOOPS_KEPT)."""

    actions: int
    with_feedback: int
    open_loop_days: int
    open_loop_count: int
    open_loops: tuple[OpenLoop, ...]

    @property
    def rate(self) -> float | None:
        return loop_rate(self.with_feedback, self.actions)


@dataclass(frozen=True)
class LoopCounts:
    """The counts of the loop for one window and day, without the list of open loops; with
    `oldest_by`, from the monthly sums, the day (yyyymmdd) by which the OPEN_LOOPS_KEPT oldest
    open loops had closed (None from the rows, or when there are fewer)."""

    actions: int
    with_feedback: int
    open_loop_count: int
    oldest_by: int | None = field(default=None, compare=False)

    @property
    def rate(self) -> float | None:
        return loop_rate(self.with_feedback, self.actions)


def loop_rate(with_feedback: int, actions: int) -> float | None:
    """The rate of closed loops (module docstring); None when there is nothing to close."""
    return with_feedback / actions if actions else None


def planning_or_decision() -> ColumnElement[bool]:
    """The actions the loop is about: those with the form suunnittelu or paatos."""
    # Asked of each action (a look-up by its key), not as a list of every action with those
    # forms: the list was 75,000 ids at 100,000 actions, built for a quarter's open loops
    # (0.12 s; 0.007 s asked per action).
    return (
        select(action_form.c.action_id)
        .join(ParticipationForm, ParticipationForm.id == action_form.c.participation_form_id)
        .where(action_form.c.action_id == Action.id, ParticipationForm.code.in_(FEEDBACK_FORMS))
        .exists()
    )


def feedback_loop(
    session: Session, user: CurrentUser | None, filters: MetricFilters, today: date
) -> FeedbackLoop:
    """The feedback-loop rate and the open loops as of `today` (formulas: module docstring)."""
    require_read(user, "summary.read")
    return loop_figures(session, filters, today)


def _counts_select(filters: MetricFilters, today: date, days: int, index: int) -> Any:
    """window, actions, told, open loops, and the day (yyyymmdd) by which the OPEN_LOOPS_KEPT
    oldest open loops had closed (None from the rows, or when there are fewer)."""
    open_before = today - timedelta(days=days)
    if rollup_reads.covers(filters):
        return rollup_reads.feedback_sums(filters, day_key_of(open_before), OPEN_LOOPS_KEPT, index)
    conditions = [*action_conditions(filters), planning_or_decision()]
    return select(
        literal(index).label("window"),
        func.count(Action.id),
        func.count(Action.id).filter(Action.feedback_given),
        func.count(Action.id).filter(_is_open(today, days)),
        cast(null(), Integer),
    ).where(*conditions)


def _is_open(today: date, days: int) -> ColumnElement[bool]:
    closed_on = func.coalesce(Action.end_date, Action.start_date)
    return Action.feedback_given.is_(False) & (closed_on < today - timedelta(days=days))


def _count_rows(session: Session, windows: Sequence[tuple[MetricFilters, date]]) -> list[tuple[Any, ...]]:
    days = load_metric_settings(session).open_loop_days
    selects: list[Any] = [
        _counts_select(filters, today, days, index) for index, (filters, today) in enumerate(windows)
    ]
    statement: Any = union_all(*selects) if len(selects) > 1 else selects[0]
    rows: dict[int, tuple[Any, ...]] = {row[0]: tuple(row[1:]) for row in session.execute(statement)}
    return [rows[index] for index in range(len(windows))]


def loop_counts_for(session: Session, windows: Sequence[tuple[MetricFilters, date]]) -> list[LoopCounts]:
    """The loop's counts of each (filters, day) of `windows`, all in one statement (the
    targets read every window of every target together), from the monthly sums where they
    cover a window's filters; unchecked, a building block."""
    if not windows:
        return []
    return [
        LoopCounts(
            actions=int(actions or 0),
            with_feedback=int(told or 0),
            open_loop_count=int(still_open or 0),
            oldest_by=None if oldest_by is None else int(oldest_by),
        )
        for actions, told, still_open, oldest_by in _count_rows(session, windows)
    ]


def loop_figures(
    session: Session, filters: MetricFilters, today: date, counts: LoopCounts | None = None
) -> FeedbackLoop:
    """What `feedback_loop` answers, unchecked: the building block of the SWOT indicator
    (composed in `swot.swot_board`, which checks); `counts` when they were read already
    (loop_counts_for, among other windows)."""
    return loop_figures_for(session, ((filters, today),), counts=None if counts is None else (counts,))[0]


def loop_figures_for(
    session: Session,
    windows: Sequence[tuple[MetricFilters, date]],
    listed: int = 1,
    counts: Sequence[LoopCounts] | None = None,
) -> list[FeedbackLoop]:
    """`loop_figures` of each (filters, day) of `windows` (a period and the one before it): the
    counts of all in one statement (or `counts`, read already), the oldest open loops only of
    the first `listed` (a period compared with the previous one needs only the previous one's
    counts)."""
    days = load_metric_settings(session).open_loop_days
    counts = loop_counts_for(session, windows) if counts is None else counts
    closed_on = func.coalesce(Action.end_date, Action.start_date)
    result = []
    for index, ((filters, today), counted) in enumerate(zip(windows, counts, strict=True)):
        loops: tuple[OpenLoop, ...] = ()
        if index < listed:
            conditions = [*action_conditions(filters), planning_or_decision(), _is_open(today, days)]
            if counted.oldest_by is not None:
                # The day by which the oldest few had closed (from the monthly sums): an action
                # starts no later than it ends, so they are among those started by then.
                conditions.append(Action.start_date <= date_of_key(counted.oldest_by))
            rows = session.execute(
                select(Action.id, Action.title, closed_on, Department)
                .join(Department, Department.id == Action.department_id)
                .where(*conditions)
                .order_by(closed_on, Action.id)
                .limit(OPEN_LOOPS_KEPT)
            ).all()
            loops = tuple(
                OpenLoop(
                    action_id,
                    title,
                    Label(department.id, department.code, department.name_fi, department.name_en),
                    day,
                    (today - day).days,
                )
                for action_id, title, day, department in rows
            )
        result.append(
            FeedbackLoop(counted.actions, counted.with_feedback, days, counted.open_loop_count, loops)
        )
    return result
