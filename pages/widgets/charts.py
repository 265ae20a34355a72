"""Charts that always come with their numbers: every chart is drawn beside a table (or with a
sentence), for screen readers and printing. Colours come from data_model.exports.palette
(colour-blind safe, 3:1 marks, 4.5:1 text). A chart's title is drawn as text above it, not
inside the chart, so that it wraps on a narrow or zoomed screen instead of being cut off."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
from streamlit import dataframe_util
from streamlit.delta_generator import DeltaGenerator

from data_model.exports.palette import BACKGROUND, BLUE, CATEGORY, VIRIDIS, heat_colour, heat_domain, text_on
from data_model.exports.vega import FIT_WIDTH, Spec, field, top_level

from .formats import shown_cells

# Streamlit fits a chart into its default height unless told otherwise; fitting only the
# width keeps one readable row per category however many there are.
ROW_HEIGHT = 28


def draw_chart(area: DeltaGenerator, chart: Spec, description: str, height: int | None = None) -> None:
    """A chart that a screen reader announces by its description, in the user's language
    (Vega's own English texts are off: data_model.exports.vega.READABLE_CONFIG)."""
    alt_text = description or None
    # The alt names the chart; a spec that also sets a description makes Streamlit log a
    # warning with a stack trace on every render.
    chart = {key: value for key, value in chart.items() if not (alt_text and key == "description")}
    # Streamlit sends a chart's rows as Arrow; converted once per distinct rows (a dataset's
    # name comes from its content), not on every rerun.
    chart["datasets"] = {name: _arrow(name, rows) for name, rows in chart.get("datasets", {}).items()}
    area.vega_lite_chart(spec=chart, width="stretch", height=height or "content", alt=alt_text)


@st.cache_data(show_spinner=False, max_entries=300)
def _arrow(name: str, _rows: list[dict[str, Any]]) -> bytes:
    """The rows of dataset `name` as Streamlit would convert them (keyed by the name alone)."""
    return dataframe_util.convert_anything_to_arrow_bytes(_rows)


def _records(data: pd.DataFrame) -> list[dict[str, object]]:
    return data.to_dict("records")  # type: ignore[return-value]


def chart_with_table(
    chart: Spec,
    table: pd.DataFrame,
    caption: str = "",
    key: str | None = None,
    ratio: tuple[int, int] | None = (1, 1),
) -> Any:
    """The chart on the left and its numbers on the right (`ratio` None: the table under the
    chart, for wide tables); a caption under both. With `key` the table's cells can be
    selected; the selection is returned. The chart's description is its title."""
    description = chart.get("description")
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
) -> Spec:
    """Horizontal bars, one pair per category (e.g. share of participants vs of population).

    The first measure is a filled bar, the others outlined: told apart by shape as well as by
    colour (WCAG 1.4.1), in the legend too."""
    measures = list(dict.fromkeys(data[measure]))
    categories = list(dict.fromkeys(data[category]))
    colours = list(CATEGORY[: len(measures)])
    fills = colours[:1] + [BACKGROUND] * (len(measures) - 1)
    axis_format = ".0%" if percent else "d"
    legend = {"title": None, "direction": "vertical"}
    body = {
        "mark": {"type": "bar", "strokeWidth": 2},
        "encoding": {
            "y": field(category, "nominal", sort=categories, title=None, axis={"labelLimit": 220}),
            # White space between the bars of a pair: each bar meets the white page (3:1),
            # never only its neighbour.
            "yOffset": field(measure, "nominal", sort=measures, scale={"paddingInner": 0.2}),
            "x": field(value, "quantitative", title=None, axis={"format": axis_format}),
            "fill": field(
                measure, "nominal", sort=measures, scale={"domain": measures, "range": fills}, legend=legend
            ),
            "stroke": field(
                measure, "nominal", sort=measures, scale={"domain": measures, "range": colours}, legend=legend
            ),
            "tooltip": [
                field(category, "nominal"),
                field(measure, "nominal"),
                field(value, "quantitative", format=axis_format),
            ],
        },
        "description": title,
        "height": ROW_HEIGHT * len(measures) * len(categories),
        "autosize": FIT_WIDTH,
    }
    return top_level(body, _records(data))


def bars(data: pd.DataFrame, category: str, value: str, title: str, horizontal: bool = True) -> Spec:
    """Simple bars in one colour, in the data's order."""
    order = list(dict.fromkeys(data[category]))
    counts = {"format": "d", "tickMinStep": 1}
    body: Spec
    if horizontal:
        body = {
            "encoding": {
                "y": field(category, "nominal", sort=order, title=None, axis={"labelLimit": 220}),
                "x": field(value, "quantitative", title=None, axis=counts),
            },
            "height": ROW_HEIGHT * len(order),
            "autosize": FIT_WIDTH,
        }
    else:
        body = {
            "encoding": {
                "x": field(category, "nominal", sort=order, title=None, axis={"labelAngle": 0}),
                "y": field(value, "quantitative", title=None, axis=counts),
            },
            "height": 260,
        }
    body["mark"] = {"type": "bar", "color": BLUE}
    body["encoding"]["tooltip"] = [field(category, "nominal"), field(value, "quantitative")]
    body["description"] = title
    return top_level(body, _records(data))


def heatmap(data: pd.DataFrame, row: str, column: str, value: str, title: str) -> Spec:
    """A heat map with the figure written in each cell, in black or white, whichever reads
    better on that cell's colour (at least 4.5:1, see palette.text_on)."""
    rows = list(dict.fromkeys(data[row]))
    columns = list(dict.fromkeys(data[column]))
    high = float(data[value].max() or 0)
    top = heat_domain(high)[-1]
    # Worked out once per distinct figure (most cells repeat a few small counts).
    text = {cell: text_on(heat_colour(float(cell) / top)) for cell in set(data[value])}
    data = data.assign(_text=[text[cell] for cell in data[value]])
    position = {
        "x": field(
            column,
            "nominal",
            sort=columns,
            title=None,
            axis={"labelAngle": -35, "labelLimit": 180, "labelOverlap": False, "orient": "top"},
        ),
        "y": field(row, "nominal", sort=rows, title=None, axis={"labelLimit": 220}),
    }
    cells = {
        "mark": {"type": "rect", "stroke": "white"},
        "encoding": {
            **position,
            "color": field(
                value,
                "quantitative",
                scale={"domain": heat_domain(high), "range": list(VIRIDIS), "interpolate": "rgb"},
                # Vega groups thousands the English way ("1,000"); counts read the same in
                # both languages without a separator.
                legend={"title": None, "format": "d"},
            ),
            "tooltip": [
                field(row, "nominal"),
                field(column, "nominal"),
                field(value, "quantitative", format="d"),
            ],
        },
    }
    labels = {
        "mark": {"type": "text", "fontSize": 11},
        "encoding": {
            **position,
            "text": field(value, "quantitative", format="d"),
            "color": field("_text", "nominal", scale=None),
        },
    }
    body = {
        "layer": [cells, labels],
        # The text colours are literal, not a second colour scale to merge with the cells'.
        "resolve": {"scale": {"color": "independent"}},
        "description": title,
        "height": ROW_HEIGHT * len(rows),
        "autosize": FIT_WIDTH,
    }
    return top_level(body, _records(data))
