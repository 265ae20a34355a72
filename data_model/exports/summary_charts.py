"""The council summary's charts with the sentence that gives their numbers, shared by the
page (chart + caption + alt text) and the PDF (image + caption)."""

from __future__ import annotations

from dataclasses import dataclass

from ..formatting import fmt_decimal, fmt_int
from ..i18n import t
from .charts import column_chart, representation_chart, representation_height
from .council_summary import CouncilSummary
from .vega import Spec


@dataclass(frozen=True)
class Figure:
    """A chart, its title, its numbers in words, and the height it needs on the page."""

    title: str
    chart: Spec
    caption: str
    height: int


def representation_figure(summary: CouncilSummary) -> Figure | None:
    """Representation by group, gaps marked; a gap with no participants is a bar at 0 (its
    index is unknown, not missing from the picture). None when there is nothing to draw."""
    lang = summary.lang
    drawn = [
        (name, 0.0 if no_reach else index)
        for name, index, no_reach in summary.representation_rows
        if index is not None or no_reach
    ]
    if not drawn:
        return None
    chart = representation_chart(
        drawn,
        summary.gap_threshold,
        t("council.chart.index_axis", lang),
        t("council.chart.gap", lang),
        t("council.chart.ok", lang),
    )
    numbers = "; ".join(
        f"{name} {t('council.chart.no_reach', lang) if no_reach else fmt_decimal(index, 2, lang=lang)}"
        for name, index, no_reach in summary.representation_rows
        if index is not None or no_reach
    )
    return Figure(
        t("council.chart.representation", lang),
        chart,
        f"{t('council.chart.index_caption', lang)} {numbers}",
        representation_height(len(drawn)),
    )


def trend_figure(summary: CouncilSummary) -> Figure | None:
    """Actions per quarter; None when there are no quarters to show."""
    if not summary.trend_rows:
        return None
    lang = summary.lang
    return Figure(
        t("council.chart.trend", lang),
        column_chart(summary.trend_rows, t("council.chart.actions_axis", lang)),
        "; ".join(f"{label}: {fmt_int(value, lang=lang)}" for label, value in summary.trend_rows),
        280,
    )


def summary_figures(summary: CouncilSummary) -> list[Figure]:
    """Every chart of the summary, in report order."""
    return [
        figure for figure in (representation_figure(summary), trend_figure(summary)) if figure is not None
    ]
