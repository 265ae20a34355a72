"""The figures a report page shows together, computed once per render and cached as one.

The Overview and the Reach page both show the totals, the representation, its overall score
and the gaps; the gaps are judged on the same representation rows. Read separately, each
recomputed the same per-action sums; read through `report_figures` they are computed once.

`overview_figures` is the whole Overview in one session: the thresholds are read once for
every figure on it (the session keeps them, see settings.load_metric_settings), and a cold
render runs one statement per figure rather than one per figure and widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from ..i18n import DEFAULT_LANGUAGE
from ..permissions import CurrentUser, require_read
from .feedback import FeedbackLoop, loop_figures
from .filters import MetricFilters
from .gaps import Gap, gaps_among
from .measures import MeasureCounts, measure_counts
from .reach import GroupRepresentation, ReachFigures, ReachTotals, reach_figures
from .reporting import ReportingStatus
from .target_figures import FigureRequest, reading_of
from .targets import TargetProgress, target_progress_with
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
    """Every figure of the Overview, the targets' progress too."""

    report: ReportFigures  # gaps without suggestions: the Overview lists the gaps only
    loop: FeedbackLoop
    reporting: list[ReportingStatus]
    measures: MeasureCounts
    trends: list[QuarterTrend]
    targets: list[TargetProgress] = field(default_factory=list)


def _report(
    session: Session,
    filters: MetricFilters,
    lang: str,
    with_suggestions: bool,
    reach: ReachFigures | None = None,
) -> ReportFigures:
    reach = reach_figures(session, filters) if reach is None else reach
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
    today: date | None = None,
) -> OverviewFigures:
    """The Overview's figures for `filters`, "as of" figures judged on `as_of` (the period's
    last day, or today while it runs: filters.as_of_day), and the targets' progress on `today`
    (default `as_of`). The page's own reach, loop and reporting are read in the same
    statements as the targets' windows (target_figures.read_sources): the targets cost the
    Overview their one statement, however many there are."""
    require_read(user, "summary.read")
    # The page's windows asked as the figures of their sources: the reach of the filters, the
    # loop and the reporting as of `as_of`.
    reach, loop, reporting = (
        FigureRequest(figure, None, filters, as_of)
        for figure in ("balance_score", "feedback_loop_rate", "reports_on_time")
    )
    targets, readings = target_progress_with(session, user, today or as_of, (reach, loop, reporting))
    return OverviewFigures(
        _report(session, filters, lang, with_suggestions=False, reach=reading_of(readings, reach)),
        loop_figures(session, filters, as_of, reading_of(readings, loop)),
        reading_of(readings, reporting),
        measure_counts(session, user, filters),
        quarterly_trends(session, user, filters),
        targets,
    )
