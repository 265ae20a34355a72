"""The reach figures a report page shows together, computed once per page and cached as one.

The Overview and the Reach page both show the totals, the representation, its overall score
and the gaps; the gaps are judged on the same representation rows. Read separately, each
recomputed the same per-action sums; read through `report_figures` they are computed once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..i18n import DEFAULT_LANGUAGE
from ..permissions import CurrentUser, require_read
from .filters import MetricFilters
from .gaps import Gap, gaps_among
from .reach import GroupRepresentation, ReachTotals, reach_figures


@dataclass(frozen=True)
class ReportFigures:
    """Totals, representation, overall score and gaps (sentences in one language)."""

    totals: ReachTotals
    representation: list[GroupRepresentation]
    score: float | None
    gaps: list[Gap]


def report_figures(
    session: Session, user: CurrentUser | None, filters: MetricFilters, lang: str = DEFAULT_LANGUAGE
) -> ReportFigures:
    """The filtered actions' totals, representation, score and gaps, each computed once."""
    require_read(user, "summary.read")
    reach = reach_figures(session, filters)
    return ReportFigures(
        reach.totals,
        reach.representation,
        reach.score,
        gaps_among(session, filters, reach.representation, lang),
    )
