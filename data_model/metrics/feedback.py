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
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Select, func, literal, select, union_all
from sqlalchemy.orm import Session

from ..models import Action, Department, ParticipationForm
from ..models.actions import action_form
from ..permissions import CurrentUser, require_read
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
    """The counts of the loop for one window and day, without the list of open loops."""

    actions: int
    with_feedback: int
    open_loop_count: int

    @property
    def rate(self) -> float | None:
        return loop_rate(self.with_feedback, self.actions)


def loop_rate(with_feedback: int, actions: int) -> float | None:
    """The rate of closed loops (module docstring); None when there is nothing to close."""
    return with_feedback / actions if actions else None


def planning_or_decision() -> ColumnElement[bool]:
    """The actions the loop is about: those with the form suunnittelu or paatos."""
    with_form = (
        select(action_form.c.action_id)
        .join(ParticipationForm, ParticipationForm.id == action_form.c.participation_form_id)
        .where(ParticipationForm.code.in_(FEEDBACK_FORMS))
    )
    return Action.id.in_(with_form)


def feedback_loop(
    session: Session, user: CurrentUser | None, filters: MetricFilters, today: date
) -> FeedbackLoop:
    """The feedback-loop rate and the open loops as of `today` (formulas: module docstring)."""
    require_read(user, "summary.read")
    return loop_figures(session, filters, today)


def _counts_select(filters: MetricFilters, today: date, days: int, index: int) -> Select[int, int, int, int]:
    conditions = [*action_conditions(filters), planning_or_decision()]
    return select(
        literal(index).label("window"),
        func.count(Action.id),
        func.count(Action.id).filter(Action.feedback_given),
        func.count(Action.id).filter(_is_open(today, days)),
    ).where(*conditions)


def _is_open(today: date, days: int) -> ColumnElement[bool]:
    closed_on = func.coalesce(Action.end_date, Action.start_date)
    return Action.feedback_given.is_(False) & (closed_on < today - timedelta(days=days))


def loop_counts_for(session: Session, windows: Sequence[tuple[MetricFilters, date]]) -> list[LoopCounts]:
    """The loop's counts of each (filters, day) of `windows`, all in one statement (the
    targets read every window of every target together); unchecked, a building block."""
    if not windows:
        return []
    days = load_metric_settings(session).open_loop_days
    selects = [_counts_select(filters, today, days, index) for index, (filters, today) in enumerate(windows)]
    rows = {
        row[0]: row[1:] for row in session.execute(union_all(*selects) if len(selects) > 1 else selects[0])
    }
    return [LoopCounts(*(int(value or 0) for value in rows[index])) for index in range(len(windows))]


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
            rows = session.execute(
                select(Action.id, Action.title, closed_on, Department)
                .join(Department, Department.id == Action.department_id)
                .where(*action_conditions(filters), planning_or_decision(), _is_open(today, days))
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
