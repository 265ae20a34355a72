"""Neutralise spreadsheet formula injection in exported cells.

A spreadsheet program treats a cell that starts with `=`, `+`, `-` or `@` as a formula (and a
leading tab or carriage return can hide such a start), so a resident-facing title like
`=HYPERLINK("http://evil","x")` would run as a formula when a council member opens the file.
Text that starts with one of these characters gets a leading apostrophe, which spreadsheets
show as plain text; numbers, dates and booleans pass through untouched so they stay numbers.

Every exported text also loses control and bidi-override characters (`clean_text`): one
`\x01` in an old action's title would otherwise make the whole workbook impossible to write.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ..text_safety import clean_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | Decimal | date | datetime | bool | None


def safe_text(text: str) -> str:
    """`text` without unsafe characters, with a leading apostrophe when a spreadsheet could
    read it as a formula."""
    text = clean_text(text)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def safe_cell(value: Cell) -> Cell:
    """The value to write into a cell: text neutralised, everything else unchanged."""
    if isinstance(value, str):
        return safe_text(value)
    return value
