"""Altair charts for the council report, and their rendering to PNG without a browser.

The same chart objects are drawn on the council page (st.altair_chart) and embedded in the
PDF (vl-convert renders Vega-Lite offline). Colours come from the Okabe–Ito palette, which
stays distinguishable with the common colour-vision deficiencies; every chart also has its
numbers in a table or sentence beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import vl_convert

# Okabe–Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue.
BLUE = "#0072B2"
VERMILLION = "#D55E00"
GREEN = "#009E73"
ORANGE = "#E69F00"
GREY = "#595959"
WIDTH = 460
ROW_HEIGHT = 22
PNG_SCALE = 2
UPRIGHT_LABELS = 8  # more columns than this get slanted labels so they do not overlap


def _inline(values: list[dict[str, object]]) -> dict[str, object]:
    """Inline data for a chart; keeps pandas out of the documents' code."""
    return {"values": values}


def representation_height(groups: int) -> int:
    """Pixels the representation chart needs with its axis and legend (Streamlit does not
    size a chart with a banded axis by itself)."""
    return ROW_HEIGHT * groups + 110


def representation_chart(
    rows: Sequence[tuple[str, float | None]], threshold: float, axis_title: str, gap_label: str, ok_label: str
) -> alt.LayerChart:
    """Representation index per group (1.0 = as in the population), gaps in vermillion.

    `rows` are (group name, index); an unknown index is left out of the bars."""
    frame = _inline(
        [
            {"group": name, "index": value, "state": gap_label if value < threshold else ok_label}
            for name, value in rows
            if value is not None
        ]
    )
    order = [name for name, _value in rows]
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("index:Q", title=axis_title),
            y=alt.Y("group:N", sort=order, title=None, axis=alt.Axis(labelLimit=220)),
            color=alt.Color(
                "state:N",
                scale=alt.Scale(domain=[gap_label, ok_label], range=[VERMILLION, BLUE]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=["group:N", alt.Tooltip("index:Q", format=".2f")],
        )
    )
    marks = _inline([{"x": 1.0, "dash": "full"}, {"x": threshold, "dash": "threshold"}])
    rules = (
        alt.Chart(marks)
        .mark_rule(color=GREY)
        .encode(
            x="x:Q",
            strokeDash=alt.StrokeDash(
                "dash:N", scale=alt.Scale(domain=["full", "threshold"], range=[[1, 0], [4, 3]]), legend=None
            ),
        )
    )
    layered: alt.LayerChart = (bars + rules).properties(width=WIDTH, height=max(ROW_HEIGHT * len(order), 60))
    return layered


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
    return chart


def chart_png(chart: alt.TopLevelMixin) -> bytes:
    """The chart as a PNG image, rendered locally (no network, no browser)."""
    # allowed_base_urls=[] forbids any fetch, so a report never waits on the network.
    return bytes(
        vl_convert.vegalite_to_png(
            chart.to_json(), scale=PNG_SCALE, format_locale="fi-FI", allowed_base_urls=[]
        )
    )
