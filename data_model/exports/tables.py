"""A plain table (headers, column types, rows) that every document format draws the same way.

The summary builds its figures into these once; the Excel, CSV and PDF writers only lay them
out, so a number in the PDF is the very number in the workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ..formatting import fmt_date, fmt_decimal, fmt_int, fmt_pct
from ..i18n import DEFAULT_LANGUAGE, in_language, t
from .safe import Cell

TEXT = "text"
INT = "int"
DECIMAL = "decimal"
SHARE = "share"  # 0..1, shown as a percentage
RATIO = "ratio"  # representativeness: 1.0 = as in the population
DATE = "date"
BOOL = "bool"
YEAR = "year"  # a whole number written without a thousands separator
EUR = "eur"


@dataclass(frozen=True)
class Column:
    """A column's heading and the kind of value it holds (decides format and cell type)."""

    header: str
    kind: str = TEXT


@dataclass(frozen=True)
class Table:
    """Rows under named, typed columns; `key` names the sheet, `title` heads it in the PDF."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


def as_text(value: Cell, kind: str, yes: str, no: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A cell as text for the PDF, in the number and date forms of `lang`."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return yes if value else no
    if isinstance(value, datetime | date):
        return fmt_date(value, lang=lang)
    if isinstance(value, int | float | Decimal):
        number = float(value)
        if kind == SHARE:
            return fmt_pct(number, lang=lang)
        if kind == RATIO:
            return fmt_decimal(number, 2, lang=lang)
        if kind in (DECIMAL, EUR):
            return fmt_decimal(number, 2, lang=lang)
        if kind == YEAR:
            return str(int(number))
        return fmt_int(int(number), lang=lang)
    return str(value)


def council_columns(lang: str, *specs: tuple[str, str]) -> tuple[Column, ...]:
    """Columns from (key, kind) pairs, headed by the texts `council.col.<key>` in `lang`."""
    return tuple(Column(t(f"council.col.{key}", lang), kind) for key, kind in specs)


def pick_name(lang: str, name_fi: str, name_en: str | None) -> str:
    """The English name in English when there is one, else the Finnish name."""
    return in_language(lang, name_fi, name_en)
