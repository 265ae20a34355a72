"""Altair charts for the council report, and their rendering to PNG without a browser.

The same chart objects are drawn on the council page (st.altair_chart) and embedded in the
PDF (vl-convert renders Vega-Lite offline). Colours and text colours come from `palette`
(3:1 for marks, 4.5:1 for text, colour-blind safe); no meaning rides on colour alone, and
every chart also has its numbers in a table or sentence beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import altair as alt
import vl_convert

from .palette import BLUE, CHART_TEXT, TITLE_TEXT, VERMILLION

ChartT = TypeVar("ChartT", alt.Chart, alt.LayerChart)
WIDTH = 460
ROW_HEIGHT = 22
PNG_SCALE = 2
UPRIGHT_LABELS = 8  # more columns than this get slanted labels so they do not overlap


def readable(chart: ChartT) -> ChartT:
    """The chart with dark text: Streamlit's theme draws axis and legend text in a grey
    of 3.7:1, under the 4.5:1 that text needs. Legends go under the chart, where a narrow
    (zoomed) screen keeps them whole. Vega's own screen-reader texts for marks, axes and
    legends are English with raw floats ("X-axis for a linear scale", 0.240036…): turned
    off, so a screen reader meets the chart's description and the table of its numbers."""
    configured: ChartT = (
        chart.configure_axis(labelColor=CHART_TEXT, titleColor=CHART_TEXT, domainColor=CHART_TEXT, aria=False)
        .configure_legend(
            labelColor=CHART_TEXT, titleColor=CHART_TEXT, orient="bottom", labelLimit=0, aria=False
        )
        .configure_title(color=TITLE_TEXT, subtitleColor=CHART_TEXT)
        .configure_text(color=CHART_TEXT)
        .configure_mark(aria=False)
    )
    return configured


def _inline(values: list[dict[str, object]]) -> dict[str, object]:
    """Inline data for a chart; keeps pandas out of the documents' code."""
    return {"values": values}


def representation_height(groups: int) -> int:
    """Pixels the representation chart needs with its axis and legend (Streamlit does not
    size a chart with a banded axis by itself): the rows, then the axis with its title and the
    legend below it, which Streamlit fits into the same height."""
    return ROW_HEIGHT * groups + 150


def representation_chart(
    rows: Sequence[tuple[str, float | None]], threshold: float, axis_title: str, gap_label: str, ok_label: str
) -> alt.LayerChart:
    """Representation index per group (1.0 = as in the population). A gap is told twice: a
    vermillion bar and its label ("Aukko") written after the bar, so it never rests on colour.

    `rows` are (group name, index); an unknown index is left out of the bars."""
    frame = _inline(
        [
            {
                "group": name,
                "index": value,
                "state": gap_label if value < threshold else ok_label,
                "mark": gap_label if value < threshold else "",
            }
            for name, value in rows
            if value is not None
        ]
    )
    order = [name for name, _value in rows]
    base = alt.Chart(frame).encode(
        x=alt.X("index:Q", title=axis_title),
        # Every group keeps its name: Vega drops every other label when rows are tight.
        y=alt.Y("group:N", sort=order, title=None, axis=alt.Axis(labelLimit=220, labelOverlap=False)),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "state:N",
            scale=alt.Scale(domain=[gap_label, ok_label], range=[VERMILLION, BLUE]),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
        tooltip=["group:N", "state:N", alt.Tooltip("index:Q", format=".2f")],
    )
    # Gap bars end left of the threshold, which is at most 1.0 on an axis that reaches 1.0:
    # the word has room after them.
    labels = base.mark_text(align="left", dx=4, fontWeight="bold", color=CHART_TEXT).encode(text="mark:N")
    marks = _inline([{"x": 1.0, "dash": "full"}, {"x": threshold, "dash": "threshold"}])
    rules = (
        alt.Chart(marks)
        .mark_rule(color=CHART_TEXT)
        .encode(
            x="x:Q",
            strokeDash=alt.StrokeDash(
                "dash:N", scale=alt.Scale(domain=["full", "threshold"], range=[[1, 0], [4, 3]]), legend=None
            ),
        )
    )
    layered: alt.LayerChart = (bars + labels + rules).properties(
        width=WIDTH, height=max(ROW_HEIGHT * len(order), 60)
    )
    return readable(layered)


def column_chart(rows: Sequence[tuple[str, int | float]], axis_title: str, colour: str = BLUE) -> alt.Chart:
    """Vertical columns over time (periods in the given order)."""
    frame = _inline([{"label": label, "value": value} for label, value in rows])
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar(color=colour)
        .encode(
            x=alt.X(
                "label:N",
                sort=[label for label, _ in rows],
                title=None,
                axis=alt.Axis(labelAngle=0 if len(rows) <= UPRIGHT_LABELS else -45),
            ),
            y=alt.Y("value:Q", title=axis_title, axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=["label:N", "value:Q"],
        )
        .properties(width=WIDTH, height=200)
    )
    return readable(chart)


def chart_png(chart: alt.TopLevelMixin) -> bytes:
    """The chart as a PNG image, rendered locally (no network, no browser)."""
    # allowed_base_urls=[] forbids any fetch, so a report never waits on the network.
    return bytes(
        vl_convert.vegalite_to_png(
            chart.to_json(), scale=PNG_SCALE, format_locale="fi-FI", allowed_base_urls=[]
        )
    )
