"""A department's report on a period: the period, its summary and its link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import clock
from .errors import Collector, Errors
from .values import LONG_TEXT_MAX, RawDate, bounded_text, date_in_range, web_address

SUMMARY_MIN = 10


@dataclass
class CleanReport:
    """A department report's values after its rules passed."""

    period_start: date
    period_end: date
    summary: str
    url: str


def check_report(
    period_start: RawDate, period_end: RawDate, summary: str, url: str, today: date | None = None
) -> tuple[CleanReport | None, Errors]:
    """Check a department report: a sane period that has begun, a summary, an http(s) link."""
    today = today or clock.today()
    errors = Collector()
    start = errors.run("period_start", date_in_range, period_start, today)
    end = errors.run("period_end", date_in_range, period_end, today)
    if start is None and "period_start" not in errors.errors:
        errors.fail("period_start", "validation.period_start_missing")
    if end is None and "period_end" not in errors.errors:
        errors.fail("period_end", "validation.period_end_missing")
    if start and end and end < start:
        errors.fail("period_end", "validation.period_end_before_start")
    if start and start > today:
        errors.fail("period_start", "validation.period_in_future")
    elif end and end >= today:
        # A report on a period still running would mark the department on time until a
        # cadence after that period's end.
        errors.fail("period_end", "validation.period_not_over", end=end)
    text = errors.run("summary", bounded_text, summary, LONG_TEXT_MAX, SUMMARY_MIN)
    link = errors.run("url", web_address, url)
    if errors.errors or start is None or end is None:
        return None, errors.errors
    return CleanReport(start, end, text or "", link or ""), {}
