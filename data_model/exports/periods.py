"""Reporting periods the council thinks in: a calendar year, a quarter, or a council term.

A period has a stable key used in URLs, caches and file names:
`2025` (year), `2025-Q3` (quarter), `valtuustokausi-2025-2029` (council term).
The previous period is the one of the same kind just before it, so a quarter is compared
with the quarter before, a year with the year before and a term with the term before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..i18n import t
from ..metrics.filters import COUNCIL_TERMS, quarter_range, year_range

YEAR = "year"
QUARTER = "quarter"
TERM = "term"
KINDS = (YEAR, QUARTER, TERM)

# The programme was approved in 2023; nothing is reported from before the 2017 term.
FIRST_YEAR = 2017

_YEAR_KEY = re.compile(r"^(\d{4})$")
_QUARTER_KEY = re.compile(r"^(\d{4})-Q([1-4])$")
_TERM_KEY = re.compile(r"^valtuustokausi-(\d{4})-(\d{4})$")


class UnknownPeriod(ValueError):
    """A period key that names no year, quarter or council term."""


@dataclass(frozen=True)
class Period:
    """A closed date range [start, end] with the key and labels that name it."""

    kind: str
    key: str
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def label(self, lang: str = "fi") -> str:
        """How the period is written in text: '2025', 'Q3/2025', 'valtuustokausi 2025–2029'."""
        if self.kind == YEAR:
            return self.key
        if self.kind == QUARTER:
            year, quarter = self.key.split("-Q")
            return f"Q{quarter}/{year}"
        first, last = self.key.removeprefix("valtuustokausi-").split("-")
        return t("period.council_term", lang, first=first, last=last)

    def in_progress(self, today: date) -> bool:
        """True while the period has not ended yet (its figures can still grow)."""
        return self.start <= today <= self.end

    def has_started(self, today: date) -> bool:
        return self.start <= today


def year_period(year: int) -> Period:
    """The calendar year `year`."""
    return Period(YEAR, str(year), *year_range(year))


def quarter_period(year: int, quarter: int) -> Period:
    """Quarter 1–4 of `year`."""
    if not 1 <= quarter <= 4:
        raise UnknownPeriod(f"{year}-Q{quarter}")
    return Period(QUARTER, f"{year}-Q{quarter}", *quarter_range(year, quarter))


def term_period(first_year: int) -> Period:
    """The council term that begins in `first_year` (2017, 2021 or 2025; see
    metrics.filters.COUNCIL_TERMS), named by its first and last year."""
    for start, end in COUNCIL_TERMS:
        if start.year == first_year:
            return Period(TERM, f"valtuustokausi-{start.year}-{end.year}", start, end)
    raise UnknownPeriod(f"valtuustokausi-{first_year}")


def period_from_key(key: str) -> Period:
    """The period a key names; raises UnknownPeriod for anything else."""
    if match := _YEAR_KEY.match(key):
        return year_period(int(match.group(1)))
    if match := _QUARTER_KEY.match(key):
        return quarter_period(int(match.group(1)), int(match.group(2)))
    if match := _TERM_KEY.match(key):
        period = term_period(int(match.group(1)))
        if period.key == key:
            return period
    raise UnknownPeriod(key)


def period_containing(kind: str, day: date) -> Period:
    """The year, quarter or council term that `day` falls in."""
    if kind == YEAR:
        return year_period(day.year)
    if kind == QUARTER:
        return quarter_period(day.year, (day.month - 1) // 3 + 1)
    if kind == TERM:
        for start, end in COUNCIL_TERMS:
            if start <= day <= end:
                return term_period(start.year)
        raise UnknownPeriod(f"{kind} {day.isoformat()}")
    raise UnknownPeriod(kind)


def previous_period(period: Period) -> Period | None:
    """The period of the same kind just before `period` (None before the first term).

    Terms need not touch (the 2017 term ended before the 2021 term began), so the previous
    term is the one that ended last before this one started."""
    if period.kind == TERM:
        earlier = [start for start, end in COUNCIL_TERMS if end < period.start]
        return term_period(max(earlier).year) if earlier else None
    return period_containing(period.kind, period.start - timedelta(days=1))


def recent_periods(kind: str, today: date, count: int = 8) -> list[Period]:
    """The periods of one kind to choose from, newest (the one holding `today`) first."""
    periods: list[Period] = []
    current: Period | None = period_containing(kind, today)
    while current is not None and len(periods) < count and current.start.year >= FIRST_YEAR:
        periods.append(current)
        current = previous_period(current)
    return periods


def default_period(kind: str, today: date) -> Period:
    """The period a page opens with: the last complete one, so its figures do not move.

    A council term is the exception: the current term is the one under review."""
    current = period_containing(kind, today)
    if kind == TERM:
        return current
    return previous_period(current) or current
