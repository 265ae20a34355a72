"""Municipal initiatives (KL 23 §): the register's figures and the council's list (the rows:
metrics.initiative_register; the number entitled to vote: metrics.voters).

* **Open** on a day = received on or before it and not decided by it (no decision date, or
  a later one). With a period, the day is the period's last (or today while it runs):
  `filters.as_of_day`; initiatives received before the period count while still open.
* **Past six months**: KL 23 § obliges the council to take up within six months an
  initiative in its competence signed by at least 2 % of the residents entitled to vote. An
  open initiative in the council's competence with at least that many signatories, received
  more than six months before the day, is past the limit. None when the number entitled to
  vote is unknown.
* **Led to action** = decided in the period with led_to_action true ÷ decided in the period
  with a known outcome (None when none).
* **Not told** = decided by the day, the initiator not told by it (KL 23 §: the initiator is
  told what was done).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from ..models import Initiative
from ..permissions import CurrentUser, require_read
from .filters import MetricFilters, as_of_day
from .initiative_register import InitiativeRow, live_initiative, rows_with_voters
from .voters import VoterBase

LISTED = 20  # the past-limit initiatives a figure carries by name


@dataclass(frozen=True)
class InitiativeFigures:
    """The figures of the register for some filters, judged on `day`."""

    day: date
    received: int
    open: int
    decided: int
    led_to_action: int
    outcome_known: int
    not_told: int
    past_limit: int | None
    past_limit_rows: tuple[InitiativeRow, ...]
    voters: VoterBase | None

    @property
    def action_share(self) -> float | None:
        return self.led_to_action / self.outcome_known if self.outcome_known else None


def initiative_figures(
    session: Session, user: CurrentUser | None, filters: MetricFilters, today: date
) -> InitiativeFigures:
    """Open, past the six months, led to action, not told (formulas: module docstring).
    The period and department filters apply; the others are about actions and do not."""
    require_read(user, "initiatives.read")
    return initiative_counts(session, filters, today)


def initiative_counts(
    session: Session, filters: MetricFilters, today: date, with_past_limit: bool = True
) -> InitiativeFigures:
    """What `initiative_figures` answers, unchecked: composed in it and in the public view's
    aggregates (metrics.public_view, which shows only its suppressed counts and asks
    `with_past_limit=False`: no voter base, no rows, past_limit None)."""
    day, scope, is_open, statement = _count_statement(filters, today)
    if not with_past_limit:
        return _figures(day, tuple(session.execute(statement).one()), None, [])
    # The candidates past the limit are read with the counts and the voters; without a
    # voter base no limit applies, so none of them is past it.
    voters, counts, candidates = rows_with_voters(
        session, [*scope, is_open, Initiative.council_competence.is_(True)], statement
    )
    return _figures(day, counts, voters, candidates if voters is not None else [])


def _count_statement(
    filters: MetricFilters, today: date
) -> tuple[date, list[ColumnElement[bool]], ColumnElement[bool], Any]:
    """The day judged on, the initiatives in scope and open on it (as conditions), and the
    statement of the counts of `initiative_counts` (one row; sent alone or with the voters)."""
    day = as_of_day(filters, today)
    scope: list[ColumnElement[bool]] = [live_initiative(), Initiative.received_date <= day]
    if filters.department_ids:
        scope.append(Initiative.department_id.in_(filters.department_ids))
    in_period = [Initiative.received_date >= filters.start] if filters.start is not None else []
    decided_by_day = and_(Initiative.decision_date.is_not(None), Initiative.decision_date <= day)
    decided_in_period = and_(
        decided_by_day,
        *([Initiative.decision_date >= filters.start] if filters.start is not None else []),
    )
    is_open = or_(Initiative.decision_date.is_(None), Initiative.decision_date > day)
    not_told = and_(decided_by_day, or_(Initiative.told_date.is_(None), Initiative.told_date > day))
    counts = select(
        func.count(Initiative.id).filter(*in_period) if in_period else func.count(Initiative.id),
        func.count(Initiative.id).filter(is_open),
        func.count(Initiative.id).filter(decided_in_period),
        func.count(Initiative.id).filter(decided_in_period, Initiative.led_to_action.is_(True)),
        func.count(Initiative.id).filter(decided_in_period, Initiative.led_to_action.is_not(None)),
        func.count(Initiative.id).filter(not_told),
    ).where(*scope)
    return day, scope, is_open, counts


def _figures(
    day: date, counts: tuple[int, ...], voters: VoterBase | None, candidates: list[InitiativeRow]
) -> InitiativeFigures:
    """The figures from the counts and the open initiatives in the council's competence
    (`candidates`: those past the six months are picked here)."""
    received, open_count, decided, led, known, untold = counts
    past = [
        row
        for row in candidates
        if row.is_open_on(day) and row.limit_date is not None and row.limit_date < day
    ]
    past.sort(key=lambda row: (row.received_date, row.id))
    return InitiativeFigures(
        day=day,
        received=int(received),
        open=int(open_count),
        decided=int(decided),
        led_to_action=int(led),
        outcome_known=int(known),
        not_told=int(untold),
        past_limit=len(past) if voters is not None else None,
        past_limit_rows=tuple(past[:LISTED]),
        voters=voters,
    )


def council_list(session: Session, start: date, end: date, today: date) -> list[InitiativeRow]:
    """The initiatives the council is told of for [start, end] (KL 23 §): those in its
    competence received in the period, decided in it, or still open at its end (judged on
    `as_of_day`); oldest first. No check of its own: the council summary checks."""
    rows = rows_with_voters(session, _council_conditions(start, end, today))[2]
    return _oldest_first(rows)


def council_initiatives(
    session: Session, user: CurrentUser | None, start: date, end: date, today: date
) -> tuple[list[InitiativeRow], InitiativeFigures]:
    """`council_list` and `initiative_figures` of the period [start, end] in one statement:
    the initiatives past the six months are open ones in the council's competence received by
    the period's end, all of them on the council's list."""
    require_read(user, "initiatives.read")
    day, _scope, _open, statement = _count_statement(MetricFilters(start=start, end=end), today)
    voters, counts, found = rows_with_voters(session, _council_conditions(start, end, today), statement)
    rows = _oldest_first(found)
    return rows, _figures(day, counts, voters, rows if voters is not None else [])


def _council_conditions(start: date, end: date, today: date) -> list[ColumnElement[bool]]:
    day = min(end, today)
    return [
        live_initiative(),
        Initiative.council_competence.is_(True),
        Initiative.received_date <= day,
        or_(
            Initiative.received_date >= start,
            Initiative.decision_date.is_(None),
            Initiative.decision_date >= start,
        ),
    ]


def _oldest_first(rows: list[InitiativeRow]) -> list[InitiativeRow]:
    return sorted(rows, key=lambda row: (row.received_date, row.id))
