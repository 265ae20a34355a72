"""Numbers and dates in Finnish form: 17 827, 15 %, 1,5, 28.11.2026."""

from __future__ import annotations

from datetime import date, datetime

# Finnish groups thousands with a (non-breaking) space and uses a decimal comma.
NBSP = "\u00a0"


def fmt_int(value: int | None, unknown: str = "–") -> str:
    if value is None:
        return unknown
    return f"{value:,}".replace(",", NBSP)


def fmt_decimal(value: float | None, digits: int = 1, unknown: str = "–") -> str:
    if value is None:
        return unknown
    text = f"{value:,.{digits}f}"
    return text.replace(",", NBSP).replace(".", ",")


def fmt_pct(share: float | None, digits: int = 0, unknown: str = "–") -> str:
    """A share 0..1 as a Finnish percentage: 0.153 -> '15 %'."""
    if share is None:
        return unknown
    return f"{fmt_decimal(share * 100, digits)}{NBSP}%"


def fmt_date(value: date | datetime | None, unknown: str = "–") -> str:
    if value is None:
        return unknown
    return f"{value.day}.{value.month}.{value.year}"


def fmt_datetime(value: datetime | None, unknown: str = "–") -> str:
    if value is None:
        return unknown
    return f"{fmt_date(value)} klo {value.hour:02d}.{value.minute:02d}"


def fmt_eur(value: float | None, unknown: str = "–") -> str:
    if value is None:
        return unknown
    return f"{fmt_decimal(float(value), 2)}{NBSP}€"
