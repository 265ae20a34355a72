"""Vega-Lite charts for the council report, and their rendering to PNG without a browser.

The same chart specs are drawn on the council page (st.vega_lite_chart) and embedded in the
PDF (vl-convert renders Vega-Lite offline). Colours and text colours come from `palette`
(3:1 for marks, 4.5:1 for text, colour-blind safe); no meaning rides on colour alone, and
every chart also has its numbers in a table or sentence beside it. The specs are plain dicts
(see `vega`): Altair's build and schema check cost more than the rest of the page.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import vl_convert

from .palette import BLUE, CHART_TEXT, VERMILLION
from .vega import Spec, field, named, top_level

WIDTH = 460
ROW_HEIGHT = 22
PNG_SCALE = 2
UPRIGHT_LABELS = 8  # more columns than this get slanted labels so they do not overlap


def representation_height(groups: int) -> int:
    """Pixels the representation chart needs with its axis and legend (Streamlit does not
    size a chart with a banded axis by itself): the rows, then the axis with its title and the
    legend below it, which Streamlit fits into the same height."""
    return ROW_HEIGHT * groups + 150


def representation_chart(
    rows: Sequence[tuple[str, float | None]], threshold: float, axis_title: str, gap_label: str, ok_label: str
) -> Spec:
    """Representation index per group (1.0 = as in the population). A gap is told twice: a
    vermillion bar and its label ("Aukko") written after the bar, so it never rests on colour.

    `rows` are (group name, index); an unknown index is left out of the bars."""
    values = [
        {
            "group": name,
            "index": value,
            "state": gap_label if value < threshold else ok_label,
            "mark": gap_label if value < threshold else "",
        }
        for name, value in rows
        if value is not None
    ]
    order = [name for name, _value in rows]
    position = {
        "x": field("index", "quantitative", title=axis_title),
        # Every group keeps its name: Vega drops every other label when rows are tight.
        "y": field(
            "group", "nominal", sort=order, title=None, axis={"labelLimit": 220, "labelOverlap": False}
        ),
    }
    bars = {
        "mark": {"type": "bar"},
        "encoding": {
            **position,
            "color": field(
                "state",
                "nominal",
                scale={"domain": [gap_label, ok_label], "range": [VERMILLION, BLUE]},
                legend={"title": None, "orient": "bottom"},
            ),
            "tooltip": [
                field("group", "nominal"),
                field("state", "nominal"),
                field("index", "quantitative", format=".2f"),
            ],
        },
    }
    # Gap bars end left of the threshold, which is at most 1.0 on an axis that reaches 1.0:
    # the word has room after them.
    labels = {
        "mark": {"type": "text", "align": "left", "dx": 4, "fontWeight": "bold", "color": CHART_TEXT},
        "encoding": {**position, "text": field("mark", "nominal")},
    }
    more: dict[str, list[dict[str, object]]] = {}
    rules = {
        "data": named([{"x": 1.0, "dash": "full"}, {"x": threshold, "dash": "threshold"}], more),
        "mark": {"type": "rule", "color": CHART_TEXT},
        "encoding": {
            "x": field("x", "quantitative"),
            "strokeDash": field(
                "dash",
                "nominal",
                scale={"domain": ["full", "threshold"], "range": [[1, 0], [4, 3]]},
                legend=None,
            ),
        },
    }
    body = {"layer": [bars, labels, rules], "width": WIDTH, "height": max(ROW_HEIGHT * len(order), 60)}
    return top_level(body, values, more)


def column_chart(rows: Sequence[tuple[str, int | float]], axis_title: str, colour: str = BLUE) -> Spec:
    """Vertical columns over time (periods in the given order)."""
    body = {
        "mark": {"type": "bar", "color": colour},
        "encoding": {
            "x": field(
                "label",
                "nominal",
                sort=[label for label, _ in rows],
                title=None,
                axis={"labelAngle": 0 if len(rows) <= UPRIGHT_LABELS else -45},
            ),
            "y": field("value", "quantitative", title=axis_title, axis={"tickMinStep": 1, "format": "d"}),
            "tooltip": [field("label", "nominal"), field("value", "quantitative")],
        },
        "width": WIDTH,
        "height": 200,
    }
    return top_level(body, [{"label": label, "value": value} for label, value in rows])


def chart_png(spec: Spec) -> bytes:
    """The chart as a PNG image, rendered locally (no network, no browser)."""
    # allowed_base_urls=[] forbids any fetch, so a report never waits on the network.
    return bytes(
        vl_convert.vegalite_to_png(
            json.dumps(spec, indent=2), scale=PNG_SCALE, format_locale="fi-FI", allowed_base_urls=[]
        )
    )
