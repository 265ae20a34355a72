"""Charts that always come with their numbers: every chart is drawn beside a table (or with a
sentence), for screen readers and printing. Colours come from data_model.exports.palette
(colour-blind safe, 3:1 marks, 4.5:1 text). A chart's title is drawn as text above it, not
inside the chart, so that it wraps on a narrow or zoomed screen instead of being cut off."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from data_model.exports.charts import readable
from data_model.exports.palette import BACKGROUND, BLUE, CATEGORY, VIRIDIS, heat_colour, heat_domain, text_on

from .formats import shown_cells

# Streamlit fits a chart into its default height unless told otherwise; fitting only the
# width keeps one readable row per category however many there are.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
ROW_HEIGHT = 28


Chart = alt.Chart | alt.LayerChart
_BUILDERS: dict[str, Callable[..., Chart]] = {}


@st.cache_data(show_spinner=False, max_entries=300)
def _cached_spec(name: str, data: pd.DataFrame, args: tuple[Any, ...]) -> dict[str, Any]:
    return _BUILDERS[name](data, *args).to_dict()


def chart_spec(builder: Callable[..., Chart], data: pd.DataFrame, *args: Any) -> dict[str, Any]:
    """The Vega-Lite spec of `builder(data, *args)`, built and validated once for the same
    data: Altair's build and schema check cost more than the rest of a warm page."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    _BUILDERS[name] = builder
    return _cached_spec(name, data, args)


def draw_chart(
    area: DeltaGenerator, chart: Chart | dict[str, Any], description: str, height: int | None = None
) -> None:
    """A chart that a screen reader announces by its description, in the user's language
    (Vega's own English texts are off: data_model.exports.charts.readable)."""
    alt_text = description or None
    if isinstance(chart, dict):
        if alt_text:
            # The alt names the chart; a spec that also sets a description makes Streamlit log a
            # warning with a stack trace on every render.
            chart = {key: value for key, value in chart.items() if key != "description"}
        area.vega_lite_chart(spec=chart, width="stretch", height=height or "content", alt=alt_text)
    else:
        area.altair_chart(chart, width="stretch", height=height or "content", alt=alt_text)


def chart_with_table(
    chart: Chart | dict[str, Any],
    table: pd.DataFrame,
    caption: str = "",
    key: str | None = None,
    ratio: tuple[int, int] | None = (1, 1),
) -> Any:
    """The chart on the left and its numbers on the right (`ratio` None: the table under the
    chart, for wide tables); a caption under both. With `key` the table's cells can be
    selected; the selection is returned. The chart's description is its title."""
    description = chart.get("description") if isinstance(chart, dict) else chart.description
    description = description if isinstance(description, str) else ""
    if description:
        st.markdown(f"**{description}**")  # titles come from the catalogues
    if ratio is None:
        draw_chart(st.container(), chart, description)
        right = st.container()
    else:
        left, right = st.columns(list(ratio), gap="medium")
        draw_chart(left, chart, description)
    table = shown_cells(table)  # the chart draws the numbers; the table writes them for reading
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
    """Horizontal bars, one pair per category (e.g. share of participants vs of population).

    The first measure is a filled bar, the others outlined: told apart by shape as well as by
    colour (WCAG 1.4.1), in the legend too."""
    measures = list(dict.fromkeys(data[measure]))
    colours = list(CATEGORY[: len(measures)])
    fills = colours[:1] + [BACKGROUND] * (len(measures) - 1)
    axis_format = ".0%" if percent else "d"
    chart: alt.Chart = (
        alt.Chart(data)
        .mark_bar(strokeWidth=2)
        .encode(
            y=alt.Y(
                f"{category}:N",
                sort=list(dict.fromkeys(data[category])),
                title=None,
                axis=alt.Axis(labelLimit=220),
            ),
            # White space between the bars of a pair: each bar meets the white page (3:1),
            # never only its neighbour.
            yOffset=alt.YOffset(f"{measure}:N", sort=measures, scale=alt.Scale(paddingInner=0.2)),
            x=alt.X(f"{value}:Q", title=None, axis=alt.Axis(format=axis_format)),
            fill=alt.Fill(
                f"{measure}:N",
                sort=measures,
                scale=alt.Scale(domain=measures, range=fills),
                legend=alt.Legend(title=None, direction="vertical"),
            ),
            stroke=alt.Stroke(
                f"{measure}:N",
                sort=measures,
                scale=alt.Scale(domain=measures, range=colours),
                legend=alt.Legend(title=None, direction="vertical"),
            ),
            tooltip=[f"{category}:N", f"{measure}:N", alt.Tooltip(f"{value}:Q", format=axis_format)],
        )
        .properties(
            description=title,
            height=ROW_HEIGHT * len(measures) * len(set(data[category])),
            autosize=FIT_WIDTH,
        )
    )
    return readable(chart)


def bars(data: pd.DataFrame, category: str, value: str, title: str, horizontal: bool = True) -> alt.Chart:
    """Simple bars in one colour, in the data's order."""
    order = list(dict.fromkeys(data[category]))
    counts = alt.Axis(format="d", tickMinStep=1)
    chart = alt.Chart(data).mark_bar(color=BLUE)
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
    return readable(described)


def heatmap(data: pd.DataFrame, row: str, column: str, value: str, title: str) -> alt.LayerChart:
    """A heat map with the figure written in each cell, in black or white, whichever reads
    better on that cell's colour (at least 4.5:1, see palette.text_on)."""
    rows = list(dict.fromkeys(data[row]))
    columns = list(dict.fromkeys(data[column]))
    high = float(data[value].max() or 0)
    top = heat_domain(high)[-1]
    data = data.assign(_text=[text_on(heat_colour(float(cell) / top)) for cell in data[value]])
    base = alt.Chart(data).encode(
        x=alt.X(
            f"{column}:N",
            sort=columns,
            title=None,
            axis=alt.Axis(labelAngle=-35, labelLimit=180, labelOverlap=False, orient="top"),
        ),
        y=alt.Y(f"{row}:N", sort=rows, title=None, axis=alt.Axis(labelLimit=220)),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            f"{value}:Q",
            scale=alt.Scale(domain=heat_domain(high), range=list(VIRIDIS), interpolate="rgb"),
            # Vega groups thousands the English way ("1,000"); counts read the same in both
            # languages without a separator.
            legend=alt.Legend(title=None, format="d"),
        ),
        tooltip=[f"{row}:N", f"{column}:N", alt.Tooltip(f"{value}:Q", format="d")],
    )
    labels = base.mark_text(fontSize=11).encode(
        text=alt.Text(f"{value}:Q", format="d"), color=alt.Color("_text:N", scale=None)
    )
    # The text colours are literal, not a second colour scale to merge with the cells'.
    layered: alt.LayerChart = (
        (cells + labels)
        .resolve_scale(color="independent")
        .properties(description=title, height=ROW_HEIGHT * len(rows), autosize=FIT_WIDTH)
    )
    return readable(layered)
