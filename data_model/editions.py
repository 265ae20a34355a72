"""Which edition of the programme is in force on a day, and how items are matched across editions.

Rules (the pages, the action form and the usage figures all rest on them):

- An edition is in force from its `period_start` until the next approved edition's start; the
  latest approved one stays in force after its `period_end` until a successor is approved (a
  programme does not lapse at the end of its years). Before the first edition's start the
  first one counts. An edition without a recorded approval is a draft: never in force.
- A logged action belongs to the edition in force on its START date (the same day the period
  filters use), and links to that edition's items.
- A copied item keeps its code: the same code in two editions is the same item carried over.
  Usage figures of an item count the actions of its edition linked to the item with that code,
  so an action logged before the next edition's approval (linked to the earlier edition's row)
  is still read against the edition in force on its date, and the actions stay where they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, case, func, or_, select
from sqlalchemy.orm import Session

from .models import ProgrammeEdition


@dataclass(frozen=True)
class EditionWindow:
    """The days an edition is in force: `start` and `end` inclusive, None where open-ended."""

    edition_id: int
    start: date | None
    end: date | None

    def holds(self, day: date) -> bool:
        """Whether `day` falls in the window."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def as_of(self, today: date) -> date:
        """The day an edition's "as of" figures are judged on: today while it is in force (or
        still to come), its last day in force once a later edition took over."""
        return self.end if self.end is not None and self.end < today else today


def approved_editions(session: Session) -> list[ProgrammeEdition]:
    """The approved editions, oldest first (by the start of their period)."""
    query = (
        select(ProgrammeEdition)
        .where(ProgrammeEdition.approved_on.is_not(None))
        .order_by(ProgrammeEdition.period_start, ProgrammeEdition.id)
    )
    return list(session.scalars(query))


def windows(session: Session) -> dict[int, EditionWindow]:
    """Each approved edition's window in force (drafts have none)."""
    return windows_of(approved_editions(session))


def windows_of(editions: Sequence[ProgrammeEdition]) -> dict[int, EditionWindow]:
    """The windows in force of `editions`: the approved ones, oldest first."""
    result: dict[int, EditionWindow] = {}
    for index, edition in enumerate(editions):
        start = None if index == 0 else edition.period_start
        following = editions[index + 1] if index + 1 < len(editions) else None
        end = None if following is None else date.fromordinal(following.period_start.toordinal() - 1)
        result[edition.id] = EditionWindow(edition.id, start, end)
    return result


def edition_in_force(session: Session, day: date) -> ProgrammeEdition:
    """The edition in force on `day` (see the module's rules); the latest one of any if none
    is approved yet."""
    for edition in reversed(approved_editions(session)):
        if edition.period_start <= day:
            return edition
    editions = approved_editions(session)
    if editions:
        return editions[0]
    latest = session.scalars(select(ProgrammeEdition).order_by(ProgrammeEdition.id.desc())).first()
    if latest is None:
        raise LookupError("no programme edition in the database")
    return latest


def in_force_window(session: Session, day: date) -> EditionWindow:
    """The window of the edition in force on `day`: the items a figure lists and the days of
    the actions it counts against them (one statement)."""
    editions = approved_editions(session)
    if not editions:
        return EditionWindow(edition_in_force(session, day).id, None, None)
    spans = windows_of(editions)
    return next((window for window in spans.values() if window.holds(day)), spans[editions[0].id])


def draft_window(edition: ProgrammeEdition) -> EditionWindow:
    """The window a draft would have once approved (no later edition yet): its actions are
    those from its period's start on."""
    return EditionWindow(edition.id, edition.period_start, None)


def window_of(session: Session, edition: ProgrammeEdition) -> EditionWindow | None:
    """The window in force of `edition`, or None for a draft."""
    return windows(session).get(edition.id)


# Every subquery below is uncorrelated (.correlate(None)): they all read programme_edition,
# and nested in one another SQLAlchemy would otherwise tie an inner one to the outer row.


def first_approved_id_sql() -> ScalarSelect[int]:
    """The id of the first approved edition (in force from the beginning of time), in SQL."""
    return (
        select(ProgrammeEdition.id)
        .where(ProgrammeEdition.approved_on.is_not(None))
        .order_by(ProgrammeEdition.period_start, ProgrammeEdition.id)
        .limit(1)
        .correlate(None)
        .scalar_subquery()
    )


def edition_start_sql(edition_id: ColumnElement[int] | int) -> ScalarSelect[date]:
    """The edition's first day in force in SQL: its period's start, NULL for the first
    approved edition (in force from the beginning of time)."""
    return (
        select(case((ProgrammeEdition.id != first_approved_id_sql(), ProgrammeEdition.period_start)))
        .where(ProgrammeEdition.id == edition_id)
        .correlate(None)
        .scalar_subquery()
    )


def in_force_id_sql(day: date) -> ScalarSelect[int]:
    """The id of the edition in force on `day` as a scalar subquery, for a figure that needs
    the edition's items inside its own statement (the rules above, in SQL)."""
    started = (
        select(ProgrammeEdition.id)
        .where(ProgrammeEdition.approved_on.is_not(None), ProgrammeEdition.period_start <= day)
        .order_by(ProgrammeEdition.period_start.desc(), ProgrammeEdition.id.desc())
        .limit(1)
        .correlate(None)
        .scalar_subquery()
    )
    return select(func.coalesce(started, first_approved_id_sql())).correlate(None).scalar_subquery()


def in_force_window_sql(day: date, start_date: Any) -> list[ColumnElement[bool]]:
    """Conditions that `start_date` (an action's) falls in the window of the edition in force
    on `day`: the window of in_force_window, in SQL, so a figure asks no extra statement."""
    current = in_force_id_sql(day)
    start = (
        select(ProgrammeEdition.period_start)
        .where(ProgrammeEdition.id == current)
        .correlate(None)
        .scalar_subquery()
    )
    following = (
        select(func.min(ProgrammeEdition.period_start))
        .where(ProgrammeEdition.approved_on.is_not(None), ProgrammeEdition.period_start > start)
        .correlate(None)
        .scalar_subquery()
    )
    return [
        or_(current == first_approved_id_sql(), start_date >= start),
        or_(following.is_(None), start_date < following),
    ]
