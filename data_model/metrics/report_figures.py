"""The figures a report page shows together, computed once per render and cached as one.

The Overview and the Reach page both show the totals, the representation, its overall score
and the gaps; the gaps are judged on the same representation rows. Read separately, each
recomputed the same per-action sums; read through `report_figures` they are computed once.

`overview_figures` is the whole Overview in one session: the thresholds are read once for
every figure on it (the session keeps them, see settings.load_metric_settings), and a cold
render runs one statement per figure rather than one per figure and widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ..i18n import DEFAULT_LANGUAGE
from ..permissions import CurrentUser, require_read
from .feedback import FeedbackLoop, feedback_loop
from .filters import MetricFilters
from .gaps import Gap, gaps_among
from .measures import MeasureCounts, measure_counts
from .reach import GroupRepresentation, ReachTotals, reach_figures
from .reporting import ReportingStatus, reporting_status
from .trends import QuarterTrend, quarterly_trends


@dataclass(frozen=True)
class ReportFigures:
    """Totals, representation, overall score and gaps (sentences in one language)."""

    totals: ReachTotals
    representation: list[GroupRepresentation]
    score: float | None
    gaps: list[Gap]


@dataclass(frozen=True)
class OverviewFigures:
    """Every figure of the Overview but the targets (kept by their own domains)."""

    report: ReportFigures  # gaps without suggestions: the Overview lists the gaps only
    loop: FeedbackLoop
    reporting: list[ReportingStatus]
    measures: MeasureCounts
    trends: list[QuarterTrend]


def _report(session: Session, filters: MetricFilters, lang: str, with_suggestions: bool) -> ReportFigures:
    reach = reach_figures(session, filters)
    gaps = gaps_among(session, filters, reach.representation, lang, with_suggestions=with_suggestions)
    return ReportFigures(reach.totals, reach.representation, reach.score, gaps)


def report_figures(
    session: Session, user: CurrentUser | None, filters: MetricFilters, lang: str = DEFAULT_LANGUAGE
) -> ReportFigures:
    """The filtered actions' totals, representation, score and gaps, each computed once."""
    require_read(user, "summary.read")
    return _report(session, filters, lang, with_suggestions=True)


def overview_figures(
    session: Session,
    user: CurrentUser | None,
    filters: MetricFilters,
    as_of: date,
    lang: str = DEFAULT_LANGUAGE,
) -> OverviewFigures:
    """The Overview's figures for `filters`, "as of" figures judged on `as_of` (the period's
    last day, or today while it runs: filters.as_of_day)."""
    require_read(user, "summary.read")
    return OverviewFigures(
        _report(session, filters, lang, with_suggestions=False),
        feedback_loop(session, user, filters, as_of),
        reporting_status(session, user, as_of, filters.department_ids),
        measure_counts(session, user, filters),
        quarterly_trends(session, user, filters),
    )
