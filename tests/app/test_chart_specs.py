"""The charts' Vega-Lite specs are written as plain dicts (Altair's build and schema check
were 20–60 ms a chart, most of a cold report page): each is checked here against the
Vega-Lite schema, as Altair checked it on every render, and against what Altair wrote."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import pytest
from altair.utils.schemapi import validate_jsonschema

from data_model.exports.charts import column_chart, representation_chart
from data_model.exports.palette import CHART_TEXT, TITLE_TEXT
from data_model.exports.vega import dataset_name
from pages.widgets.charts import bars, heatmap, paired_bars

CELLS = pd.DataFrame(
    [
        {"row": row, "column": column, "value": i * j}
        for i, row in enumerate("abc")
        for j, column in enumerate("xyz")
    ]
)
PAIRS = pd.DataFrame(
    [
        {"group": group, "measure": m, "share": 0.1 * i + k / 100}
        for i, group in enumerate("ab")
        for k, m in enumerate("pq")
    ]
)
COUNTS = pd.DataFrame({"group": ["Nuoret", "Ikäihmiset"], "participants": [3, 5]})

SPECS = {
    "heatmap": lambda: heatmap(CELLS, "row", "column", "value", "Kattavuus"),
    "paired_bars": lambda: paired_bars(PAIRS, "group", "measure", "share", "Edustus", True),
    "bars": lambda: bars(COUNTS, "group", "participants", "Osallistujat"),
    "columns": lambda: bars(COUNTS, "group", "participants", "Osallistujat", False),
    "representation": lambda: representation_chart(
        [("A", 0.4), ("B", 1.1), ("C", None)], 0.8, "i", "Aukko", "Ei"
    ),
    "column_chart": lambda: column_chart([("Q1", 3), ("Q2", 0)], "n"),
}


@pytest.mark.parametrize("name", SPECS)
def test_every_chart_spec_is_valid_vega_lite(name: str) -> None:
    spec = SPECS[name]()
    validate_jsonschema(spec, alt.vegalite.v6.schema.core.load_schema())
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")


def _altair_bars(data: pd.DataFrame, category: str, value: str, title: str) -> dict[str, Any]:
    """What the Altair version of `bars` wrote (horizontal), for comparison."""
    order = list(dict.fromkeys(data[category]))
    chart = (
        alt.Chart(data)
        .mark_bar(color="#0072B2")
        .encode(
            y=alt.Y(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X(f"{value}:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1)),
            tooltip=[f"{category}:N", f"{value}:Q"],
        )
        .properties(
            height=28 * len(order),
            autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
            description=title,
        )
        .configure(
            axis=alt.AxisConfig(
                labelColor=CHART_TEXT, titleColor=CHART_TEXT, domainColor=CHART_TEXT, aria=False
            ),
            legend=alt.LegendConfig(
                labelColor=CHART_TEXT, titleColor=CHART_TEXT, orient="bottom", labelLimit=0, aria=False
            ),
            title=alt.TitleConfig(color=TITLE_TEXT, subtitleColor=CHART_TEXT),
            text=alt.MarkConfig(color=CHART_TEXT),
            mark=alt.MarkConfig(aria=False),
        )
    )
    spec: dict[str, Any] = chart.to_dict()
    return spec


def test_a_spec_is_what_altair_wrote_for_the_same_chart() -> None:
    # The same dataset name too: Streamlit keys a chart's identity on its spec.
    assert bars(COUNTS, "group", "participants", "Osallistujat") == _altair_bars(
        COUNTS, "group", "participants", "Osallistujat"
    )


def test_a_dataset_is_named_by_its_content() -> None:
    rows = COUNTS.to_dict("records")
    assert dataset_name(rows) == dataset_name([dict(row) for row in rows])
    assert dataset_name(rows) != dataset_name(rows[:1])
    spec = bars(COUNTS, "group", "participants", "Osallistujat")
    assert spec["description"] == "Osallistujat"
    assert spec["datasets"][spec["data"]["name"]] == rows
