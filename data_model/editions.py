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

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
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
    editions = approved_editions(session)
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


def window_of(session: Session, edition: ProgrammeEdition) -> EditionWindow | None:
    """The window in force of `edition`, or None for a draft."""
    return windows(session).get(edition.id)
