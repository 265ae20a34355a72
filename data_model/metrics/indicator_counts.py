"""The action counts the SWOT indicators rest on, for every period they compare, read in one
statement: one pass over the actions with a filtered count per period and figure, instead of a
statement per indicator and period (issue 12)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, case, distinct, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from .. import clock
from ..editions import in_force_id_sql
from ..models import Action, Channel, Opportunity
from ..models.actions import action_channel
from .feedback import planning_or_decision
from .filters import MetricFilters, action_conditions, live_actions

DIGITAL_FORMATS = ("online", "hybrid")
T = TypeVar("T")


def officials_or_decision_changed() -> ColumnElement[bool]:
    """An action where officials took part or that changed a decision."""
    return or_(Action.officials_took_part.is_(True), func.length(Action.decision_change) > 0)


@dataclass(frozen=True)
class WindowCounts:
    """One period's counts: its actions and, of them, those each indicator counts."""

    actions: int
    officials_or_decision_changed: int
    digital: int
    staff_average: float | None  # None: no answers
    staff_answers: int
    opportunities_used: int  # distinct active opportunities the actions used
    channels_used: int  # distinct active channels the actions used
    loop_actions: int  # planning and decision actions (the feedback loop's scope)
    loop_with_feedback: int


@dataclass(frozen=True)
class ProgrammeCounts:
    """Each period's counts and the active opportunities and channels they are shares of."""

    windows: dict[MetricFilters, WindowCounts]
    active_opportunities: int
    active_channels: int


def _window_columns(window: MetricFilters, edition: Any) -> list[Any]:
    """The window's counts; opportunities and channels are the active ones of `edition` (the
    edition in force), each counted once by its code, whichever edition's row an action links."""
    within = and_(*action_conditions(window))
    loop = and_(within, planning_or_decision())
    # Uncorrelated: the outer statements read the same tables.
    current_channels = (
        select(Channel.code).where(Channel.active, Channel.edition_id == edition).correlate(None)
    )
    current_opportunities = select(Opportunity.code).where(
        Opportunity.active, Opportunity.edition_id == edition
    )
    channels_used = (
        select(func.count(distinct(Channel.code)))
        .select_from(action_channel)
        .join(Action, Action.id == action_channel.c.action_id)
        .join(Channel, Channel.id == action_channel.c.channel_id)
        .where(Channel.code.in_(current_channels), *action_conditions(window))
        .correlate(None)  # its own actions, not the outer statement's row
        .scalar_subquery()
    )
    return [
        func.count(Action.id).filter(within),
        func.count(Action.id).filter(within, officials_or_decision_changed()),
        func.count(Action.id).filter(within, Action.format.in_(DIGITAL_FORMATS)),
        func.avg(case((within, Action.staff_experience))),
        func.count(case((within, Action.staff_experience))),
        func.count(
            distinct(case((and_(within, Opportunity.code.in_(current_opportunities)), Opportunity.code)))
        ),
        channels_used,
        func.count(Action.id).filter(loop),
        func.count(Action.id).filter(loop, Action.feedback_given),
    ]


def programme_counts(session: Session, windows: Sequence[MetricFilters]) -> ProgrammeCounts:
    """The counts of every window in `windows`, and the active opportunities and channels of
    the edition in force at the end of the latest window."""
    day = max((w.end for w in windows if w.end is not None), default=clock.today())
    return programme_counts_on(session, {day: windows})[day]


def programme_counts_on(
    session: Session, by_day: Mapping[date, Sequence[MetricFilters]]
) -> dict[date, ProgrammeCounts]:
    """`programme_counts` of each day's windows, the items of the edition in force on that day
    (an evaluation compares two days, perhaps of two editions): one statement for all days."""
    statement, counts_of = _counts_statement(by_day)
    return counts_of(session.execute(statement).one())


def rows_with_counts_on(
    session: Session,
    entity: type[T],
    where: ColumnElement[bool],
    order_by: Sequence[ColumnElement[Any] | InstrumentedAttribute[Any]],
    by_day: Mapping[date, Sequence[MetricFilters]],
) -> tuple[list[T], dict[date, ProgrammeCounts]]:
    """The rows of `entity` that `where` picks, in `order_by`, and programme_counts_on(by_day),
    in one statement: the one-row counts lead, the rows ride on them (an evaluation's SWOT
    items and the counts their indicators rest on)."""
    statement, counts_of = _counts_statement(by_day)
    counts = statement.subquery()
    rows = session.execute(
        select(counts, entity).select_from(counts).outerjoin(entity, where).order_by(*order_by)
    ).all()
    items = [row[-1] for row in rows if row[-1] is not None]
    return items, counts_of(rows[0][:-1])


def _counts_statement(
    by_day: Mapping[date, Sequence[MetricFilters]],
) -> tuple[Select[Any], Callable[[Sequence[Any]], dict[date, ProgrammeCounts]]]:
    """The one-row statement of programme_counts_on, and how to read its row."""
    days = list(by_day)
    ordered = {day: list(dict.fromkeys(by_day[day])) for day in days}
    editions = {day: in_force_id_sql(day) for day in days}
    columns: list[Any] = []
    for day in days:
        edition = editions[day]
        columns += [
            select(func.count(Opportunity.id))
            .where(Opportunity.active, Opportunity.edition_id == edition)
            .correlate(None)
            .scalar_subquery(),
            select(func.count(Channel.id))
            .where(Channel.active, Channel.edition_id == edition)
            .correlate(None)
            .scalar_subquery(),
            *(c for w in ordered[day] for c in _window_columns(w, edition)),
        ]
    statement = (
        select(*(column.label(f"c{index}") for index, column in enumerate(columns)))
        .select_from(Action)
        .outerjoin(Opportunity, Opportunity.id == Action.opportunity_id)
        .where(live_actions())
    )
    width = len(_window_columns(MetricFilters(), editions[days[0]])) if days else 0

    def counts_of(row: Sequence[Any]) -> dict[date, ProgrammeCounts]:
        result = {}
        offset = 0
        for day in days:
            counts = {}
            for index, window in enumerate(ordered[day]):
                start = offset + 2 + index * width
                (
                    actions,
                    officials,
                    digital,
                    average,
                    answers,
                    opportunities,
                    channels,
                    loop,
                    with_feedback,
                ) = row[start : start + width]
                answers = int(answers or 0)
                counts[window] = WindowCounts(
                    actions=int(actions or 0),
                    officials_or_decision_changed=int(officials or 0),
                    digital=int(digital or 0),
                    staff_average=float(average) if answers else None,
                    staff_answers=answers,
                    opportunities_used=int(opportunities or 0),
                    channels_used=int(channels or 0),
                    loop_actions=int(loop or 0),
                    loop_with_feedback=int(with_feedback or 0),
                )
            result[day] = ProgrammeCounts(counts, int(row[offset] or 0), int(row[offset + 1] or 0))
            offset += 2 + len(ordered[day]) * width
        return result

    return statement, counts_of
