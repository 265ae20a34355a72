"""Numbers and dates in the user's language: `data_model.formatting` with the language chosen
in the sidebar filled in, so a page writes `fmt_int(n)` and an English reader sees 17,827."""

from __future__ import annotations

from datetime import date, datetime

from data_model import clock, formatting

from .texts import lang


def fmt_count(value: int, noun: str) -> str:
    return formatting.fmt_count(value, noun, lang=lang())


def fmt_int(value: int | None, unknown: str = "–") -> str:
    return formatting.fmt_int(value, unknown, lang=lang())


def fmt_decimal(value: float | None, digits: int = 1, unknown: str = "–") -> str:
    return formatting.fmt_decimal(value, digits, unknown, lang=lang())


def fmt_pct(share: float | None, digits: int = 0, unknown: str = "–") -> str:
    return formatting.fmt_pct(share, digits, unknown, lang=lang())


def fmt_date(value: date | datetime | None, unknown: str = "–") -> str:
    return formatting.fmt_date(value, unknown, lang=lang())


def fmt_datetime(value: datetime | None, unknown: str = "–") -> str:
    return formatting.fmt_datetime(value, unknown, lang=lang())


def fmt_eur(value: float | None, unknown: str = "–") -> str:
    return formatting.fmt_eur(value, unknown, lang=lang())


def fmt_stored(moment: datetime | None, unknown: str = "–") -> str:
    """A stored UTC moment in Helsinki time, written the user's way."""
    return clock.fmt_stored(moment, unknown, lang=lang())
