"""Charts that always come with their numbers: every chart is drawn beside a table (or with a
sentence), for screen readers and printing. Colours are colour-blind safe: the Okabe–Ito
palette for categories and viridis for heat maps."""

from __future__ import annotations

from typing import Any, Final

import altair as alt
import pandas as pd
import streamlit as st

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
# deficiency. Blue and orange first: the pair that differs most.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
HEAT_SCHEME: Final = "viridis"
# Streamlit fits a chart into its default height unless told otherwise; fitting only the
# width keeps one readable row per category however many there are.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
ROW_HEIGHT = 28


def chart_with_table(
    chart: alt.Chart | alt.LayerChart,
    table: pd.DataFrame,
    caption: str = "",
    key: str | None = None,
    ratio: tuple[int, int] | None = (1, 1),
) -> Any:
    """The chart on the left and its numbers on the right (`ratio` None: the table under the
    chart, for wide tables); a caption under both. With `key` the table's cells can be
    selected; the selection is returned."""
    if ratio is None:
        st.altair_chart(chart, width="stretch")
        right = st.container()
    else:
        left, right = st.columns(list(ratio), gap="medium")
        left.altair_chart(chart, width="stretch")
    with right:
        if key is None:
            st.dataframe(table, hide_index=True, width="stretch")
            selection = None
        else:
            selection = st.dataframe(
                table,
                hide_index=True,
                width="stretch",
                on_select="rerun",
                selection_mode="single-cell",
                key=key,
            )
    if caption:
        st.caption(caption)
    return selection


def paired_bars(
    data: pd.DataFrame, category: str, measure: str, value: str, title: str, percent: bool
) -> alt.Chart:
    """Horizontal bars, one pair per category (e.g. share of participants vs of population)."""
    measures = list(dict.fromkeys(data[measure]))
    axis_format = ".0%" if percent else "d"
    chart: alt.Chart = (
        alt.Chart(data, title=title)
        .mark_bar()
        .encode(
            y=alt.Y(
                f"{category}:N",
                sort=list(dict.fromkeys(data[category])),
                title=None,
                axis=alt.Axis(labelLimit=220),
            ),
            yOffset=alt.YOffset(f"{measure}:N", sort=measures),
            x=alt.X(f"{value}:Q", title=None, axis=alt.Axis(format=axis_format)),
            color=alt.Color(
                f"{measure}:N",
                sort=measures,
                scale=alt.Scale(domain=measures, range=list(OKABE_ITO[: len(measures)])),
                legend=alt.Legend(orient="bottom", title=None, direction="vertical"),
            ),
            tooltip=[f"{category}:N", f"{measure}:N", alt.Tooltip(f"{value}:Q", format=axis_format)],
        )
        .properties(
            description=title,
            height=ROW_HEIGHT * len(measures) * len(set(data[category])),
            autosize=FIT_WIDTH,
        )
    )
    return chart


def bars(data: pd.DataFrame, category: str, value: str, title: str, horizontal: bool = True) -> alt.Chart:
    """Simple bars in one colour, in the data's order."""
    order = list(dict.fromkeys(data[category]))
    counts = alt.Axis(format="d", tickMinStep=1)
    chart = alt.Chart(data, title=title).mark_bar(color=OKABE_ITO[0])
    if horizontal:
        chart = chart.encode(
            y=alt.Y(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X(f"{value}:Q", title=None, axis=counts),
        ).properties(height=ROW_HEIGHT * len(order), autosize=FIT_WIDTH)
    else:
        chart = chart.encode(
            x=alt.X(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(f"{value}:Q", title=None, axis=counts),
        ).properties(height=260)
    described: alt.Chart = chart.encode(tooltip=[f"{category}:N", f"{value}:Q"]).properties(description=title)
    return described


def heatmap(data: pd.DataFrame, row: str, column: str, value: str, title: str) -> alt.LayerChart:
    """A heat map with the figure written in each cell (dark text on light cells and v.v.)."""
    rows = list(dict.fromkeys(data[row]))
    columns = list(dict.fromkeys(data[column]))
    high = float(data[value].max() or 0)
    base = alt.Chart(data, title=title).encode(
        x=alt.X(
            f"{column}:N",
            sort=columns,
            title=None,
            axis=alt.Axis(labelAngle=-35, labelLimit=180, labelOverlap=False, orient="top"),
        ),
        y=alt.Y(f"{row}:N", sort=rows, title=None, axis=alt.Axis(labelLimit=220)),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(f"{value}:Q", scale=alt.Scale(scheme=HEAT_SCHEME), legend=alt.Legend(title=None)),
        tooltip=[f"{row}:N", f"{column}:N", f"{value}:Q"],
    )
    labels = base.mark_text(fontSize=11).encode(
        text=alt.Text(f"{value}:Q"),
        color=alt.condition(alt.datum[value] > high * 0.6, alt.value("black"), alt.value("white")),
    )
    layered: alt.LayerChart = (cells + labels).properties(
        description=title, height=ROW_HEIGHT * len(rows), autosize=FIT_WIDTH
    )
    return layered
