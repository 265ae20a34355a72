"""The single values of a table 11re export, in any of PxWeb's languages: which dimension a
heading names, one-year ages (and the total), counts, and the table's update date.
official_population_files.py uses these when reading a file row by row or value by value."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from .official_population import Age

# PxWeb names its dimensions in the export's language; codes in JSON-stat may carry suffixes.
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "area": ("alue", "area", "område", "region"),
    "age": ("ikä", "ika", "age", "ålder", "alder"),
    "sex": ("sukupuoli", "sex", "kön", "kon"),
    "year": ("vuosi", "year", "år", "ar"),
    "info": ("tiedot", "information", "uppgifter", "contentscode"),
}
TOTAL_LABELS = {"yhteensä", "yhteensa", "total", "totalt", "sss", "kaikki ikäluokat", "all ages"}
# PxWeb's symbols for a figure it does not give (confidential, not available, …).
MISSING_SYMBOLS = {".", "..", "...", "....", "-", "–"}
AGE_PATTERN = re.compile(r"^(\d{1,3})\s*([-+–]|v\.?|vuotta|years?)?\s*([-+–])?$", re.IGNORECASE)
YEAR_PATTERN = re.compile(r"^((?:19|20)\d\d)\b")
DATE_PATTERNS = (
    (re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), ("y", "m", "d")),
    (re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)"), ("d", "m", "y")),
)
UPDATED_WORDS = ("päivitetty", "paivitetty", "updated", "uppdaterad", "last-updated")


def dimension_of(name: str) -> str | None:
    """Which dimension (area, age, sex, year, info) a heading or JSON-stat id names, if any."""
    text = name.strip().lower()
    for key, names in DIMENSIONS.items():
        if text in names or any(text.startswith(f"{word}_") for word in names):
            return key
    return None


def parse_age(raw: Any) -> Age | None:
    """'0'…'99', '100 -' (PxWeb's open top band), codes '000'…'100-', or a total; None when
    it is none of those."""
    text = "" if raw is None else str(raw).strip()
    if isinstance(raw, float) and raw == int(raw):
        text = str(int(raw))
    if text.lower() in TOTAL_LABELS:
        return Age(None)
    match = AGE_PATTERN.match(text)
    if not match:
        return None
    open_ended = any(mark and mark.strip() in "-+–" for mark in match.groups()[1:])
    return Age(int(match.group(1)), open_ended)


def parse_count(raw: Any) -> tuple[int | None, bool]:
    """(count, ok): a whole number ≥ 0 (spaces as thousands separators allowed)."""
    if isinstance(raw, bool):
        return None, False
    if isinstance(raw, int):
        return (raw, True) if raw >= 0 else (None, False)
    if isinstance(raw, float):
        return (int(raw), True) if raw == int(raw) and raw >= 0 else (None, False)
    text = "" if raw is None else str(raw).strip().replace("\u00a0", "").replace(" ", "")
    if text.isdigit():
        return int(text), True
    return None, False


def find_date(text: str) -> date | None:
    """The first date in `text` (2025-04-25 or 25.4.2025); None when there is none or it is impossible."""
    for pattern, order in DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            parts = dict(zip(order, (int(value) for value in match.groups()), strict=True))
            try:
                return date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                return None
    return None


def updated_from(lines: list[str]) -> date | None:
    """The table's date from a footnote such as "Viimeksi päivitetty 25.4.2025"."""
    for line in lines:
        if any(word in line.lower() for word in UPDATED_WORDS):
            found = find_date(line)
            if found:
                return found
    return None


def cell_text(value: Any) -> str:
    """A cell as text: whole floats without ".0", datetimes as their ISO date, stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()
