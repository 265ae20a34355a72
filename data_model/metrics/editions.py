"""The programme's editions as the pages show them: each one's name, period, approval and
whether it is in force, an earlier one or a draft, with the window of days its figures read.

One statement per call: the programme pages read it once per render and hand the chosen
edition's window to every reader of the page (catalogue_usage, channel_usage, …), so no item
looks its edition up again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..editions import EditionWindow, draft_window, windows_of
from ..i18n import in_language
from ..models import ProgrammeEdition
from ..permissions import CurrentUser, require_read

IN_FORCE, EARLIER, LATER, DRAFT = "in_force", "earlier", "later", "draft"


@dataclass(frozen=True)
class EditionInfo:
    """One edition: what the pages say of it, and the window its figures read."""

    id: int
    code: str
    name_fi: str
    name_en: str
    period_start: date
    period_end: date
    approved_by: str | None
    approved_on: date | None
    approval_section: int | None
    state: str  # in_force | earlier | later (approved, its period not begun) | draft
    window: EditionWindow

    def name(self, lang: str) -> str:
        """The edition's name in `lang`."""
        return in_language(lang, self.name_fi, self.name_en)


@dataclass(frozen=True)
class EditionChoices:
    """Every edition, newest first, and the one in force on the day asked about."""

    editions: tuple[EditionInfo, ...]
    in_force_id: int

    def get(self, edition_id: int | None) -> EditionInfo:
        """The edition `edition_id`, or the one in force when it is None or unknown."""
        by_id = {edition.id: edition for edition in self.editions}
        return by_id.get(edition_id or self.in_force_id, by_id[self.in_force_id])

    @property
    def in_force(self) -> EditionInfo:
        return self.get(self.in_force_id)


def programme_editions(session: Session, user: CurrentUser | None, today: date) -> EditionChoices:
    """Every edition of the programme, with the one in force `today` (data_model.editions)."""
    require_read(user, "summary.read")
    rows = list(
        session.scalars(select(ProgrammeEdition).order_by(ProgrammeEdition.period_start, ProgrammeEdition.id))
    )
    if not rows:
        raise LookupError("no programme edition in the database")
    approved = [row for row in rows if row.approved_on is not None]
    spans = windows_of(approved)
    in_force = next((row.id for row in approved if spans[row.id].holds(today)), None)
    if in_force is None:  # nothing approved yet: the newest edition stands for the programme
        in_force = approved[0].id if approved else rows[-1].id

    current = next(row for row in rows if row.id == in_force)

    def state(row: ProgrammeEdition) -> str:
        if row.id == in_force:
            return IN_FORCE
        if row.id not in spans:
            return DRAFT
        return EARLIER if row.period_start < current.period_start else LATER

    editions = tuple(
        EditionInfo(
            id=row.id,
            code=row.code,
            name_fi=row.name_fi,
            name_en=row.name_en,
            period_start=row.period_start,
            period_end=row.period_end,
            approved_by=row.approved_by,
            approved_on=row.approved_on,
            approval_section=row.approval_section,
            state=state(row),
            window=spans.get(row.id) or draft_window(row),
        )
        for row in reversed(rows)
    )
    return EditionChoices(editions, in_force)
