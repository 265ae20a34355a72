"""Numbers and dates in the user's language: `data_model.formatting` with the language chosen
in the sidebar filled in, so a page writes `fmt_int(n)` and an English reader sees 17,827."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime
from numbers import Integral, Number

import numpy as np
import pandas as pd

from data_model import clock, formatting

from .texts import lang


def fmt_count(value: int, noun: str) -> str:
    return formatting.fmt_count(value, noun, lang=lang())


def fmt_int(value: int | None, unknown: str = "–") -> str:
    return formatting.fmt_int(value, unknown, lang=lang())


def fmt_ints(values: Iterable[int | None], unknown: str = "–") -> list[str]:
    """`fmt_int` of each value, the language read once (a list of hundreds of rows)."""
    language = lang()
    return [formatting.fmt_int(value, unknown, lang=language) for value in values]


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


def shown_cells(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every number written the reader's way ('9 535', '–' for unknown): a raw
    int in a table cell is drawn by Streamlit as '9535' or '9,535', whatever the language."""
    language = lang()  # once per table: reading it from the session per cell cost more than the cell
    columns = [_shown_column(column, language) for _name, column in table.items()]
    shown = pd.concat(columns, axis=1) if columns else table.copy()
    shown.columns = table.columns
    return shown


def _shown_column(column: pd.Series, language: str) -> pd.Series:
    if isinstance(column.dtype, pd.StringDtype) and not column.hasnans:
        return column  # text only: nothing to write
    if isinstance(column.dtype, np.dtype) and column.dtype.kind in "iu" and len(column):
        # Whole numbers only, none missing (a heat map's table): written in one pass.
        written = [formatting.fmt_int(value, lang=language) for value in column.tolist()]
        return pd.Series(written, index=column.index, name=column.name)
    return column.map(lambda value: _shown_cell(value, language))


def _shown_cell(value: object, language: str) -> object:
    if isinstance(value, bool) or not isinstance(value, Number):
        return value
    if isinstance(value, Integral):
        return formatting.fmt_int(int(value), lang=language)
    number = float(value)  # type: ignore[arg-type]
    if math.isnan(number):
        return "–"
    if number.is_integer():
        return formatting.fmt_int(int(number), lang=language)
    return formatting.fmt_decimal(number, 2, lang=language)
