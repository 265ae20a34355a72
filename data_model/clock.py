"""One clock: the database stores naive UTC, everything a person sees or is judged by is
Helsinki time. Pages and exports take "today" and "now" from here, never from the server."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from .formatting import fmt_datetime
from .i18n import DEFAULT_LANGUAGE

HELSINKI = ZoneInfo("Europe/Helsinki")


def utcnow() -> datetime:
    """The moment now in UTC, naive: what the database stores (SQLite and PostgreSQL agree)."""
    return datetime.now(UTC).replace(tzinfo=None)


def now() -> datetime:
    """The moment now as naive Helsinki local time."""
    return datetime.now(HELSINKI).replace(tzinfo=None)


def today() -> date:
    """Today in Helsinki (the server may run on UTC, a day behind after 22.00 or 21.00 UTC)."""
    return datetime.now(HELSINKI).date()


def to_local(moment: datetime | None) -> datetime | None:
    """A stored (naive UTC) moment as naive Helsinki local time."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(HELSINKI).replace(tzinfo=None)


def fmt_stored(moment: datetime | None, unknown: str = "–", *, lang: str = DEFAULT_LANGUAGE) -> str:
    """A stored UTC moment formatted for display in Helsinki time: '3.12.2026 klo 01.30'."""
    return fmt_datetime(to_local(moment), unknown, lang=lang)


def stored_iso(moment: datetime) -> str:
    """A stored UTC moment in Helsinki time for machine-readable files: '2026-12-03 01:30'."""
    local = to_local(moment)
    assert local is not None  # noqa: S101 - a moment in, a moment out
    return f"{local:%Y-%m-%d %H:%M}"


def day_start_stored(day: date) -> datetime:
    """The first moment of a Helsinki day as stored (naive UTC): filters by day compare this."""
    local = datetime.combine(day, datetime.min.time()).replace(tzinfo=HELSINKI)
    return local.astimezone(UTC).replace(tzinfo=None)
