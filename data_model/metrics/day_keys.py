"""Days and months as integers (yyyymmdd, yyyymm), in Python and in SQL, and the first day of
the next month in SQL: how the monthly sums (models/rollups.py) store a day and how a reader
tells a whole month from a part of one."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Date, Integer, cast, extract
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


def day_key_of(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def date_of_key(key: int) -> date:
    return date(key // 10000, key // 100 % 100, key % 100)


def day_of_key(key: int | None) -> date | None:
    """The day of a yyyymmdd read from SQL (None: no day)."""
    return None if key is None else date_of_key(int(key))


def month_key_of(day: date) -> int:
    return day.year * 100 + day.month


def month_after_of(day: date) -> date:
    """The first day of the month after the month of `day`."""
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def day_key(day: Any) -> ColumnElement[int]:
    """A date as the integer yyyymmdd."""
    return cast(
        cast(extract("year", day), Integer) * 10000
        + cast(extract("month", day), Integer) * 100
        + cast(extract("day", day), Integer),
        Integer,
    )


def month_key(day: Any) -> ColumnElement[int]:
    """A date's month as the integer yyyymm."""
    return cast(cast(extract("year", day), Integer) * 100 + cast(extract("month", day), Integer), Integer)


class month_after(FunctionElement[date]):
    """The first day of the month after the month of a date (SQL; the two dialects spell it
    differently)."""

    type = Date()
    inherit_cache = True
    name = "month_after"


@compiles(month_after, "sqlite")
def _month_after_sqlite(element: month_after, compiler: SQLCompiler, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)}, 'start of month', '+1 month')"


@compiles(month_after, "postgresql")
def _month_after_postgresql(element: month_after, compiler: SQLCompiler, **kw: Any) -> str:
    # Through timestamp without time zone: date_trunc of a date would go through the session's
    # time zone.
    day = compiler.process(element.clauses, **kw)
    return f"CAST(date_trunc('month', CAST({day} AS TIMESTAMP)) + INTERVAL '1 month' AS DATE)"
