"""Vega-Lite specs written as plain dicts, the same specs Altair wrote for these charts.

Altair built each chart out of schema objects, copied it whole for every `.configure_*` and
`.properties`, and checked it against the Vega-Lite schema on every `to_dict()`: 20–60 ms a
chart, most of a cold report page. The charts here have fixed shapes, so they are written
directly; tests/unit/test_chart_schema.py checks every one against the Vega-Lite schema.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from .palette import CHART_TEXT, TITLE_TEXT

Spec = dict[str, Any]
Rows = Sequence[dict[str, Any]]

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"

# Dark text (Streamlit's theme greys axis and legend text to 3.7:1, under the 4.5:1 text
# needs); legends under the chart, where a narrow (zoomed) screen keeps them whole; Vega's
# English, raw-float screen-reader texts off, so a screen reader meets the chart's
# description and the table of its numbers. `view` is Altair's default theme's.
READABLE_CONFIG: Spec = {
    "axis": {"aria": False, "domainColor": CHART_TEXT, "labelColor": CHART_TEXT, "titleColor": CHART_TEXT},
    "legend": {
        "aria": False,
        "labelColor": CHART_TEXT,
        "labelLimit": 0,
        "orient": "bottom",
        "titleColor": CHART_TEXT,
    },
    "mark": {"aria": False},
    "text": {"color": CHART_TEXT},
    "title": {"color": TITLE_TEXT, "subtitleColor": CHART_TEXT},
    "view": {"continuousHeight": 300, "continuousWidth": 300},
}

# Fit the width only: one readable row per category however many there are.
FIT_WIDTH: Spec = {"contains": "padding", "type": "fit-x"}


def dataset_name(rows: Rows) -> str:
    """A name from the rows' content, as Altair names an inline dataset (so a spec's
    identity in Streamlit changes only with its data)."""
    if list(rows) == [{}]:
        return "empty"
    text = json.dumps(list(rows), sort_keys=True, default=str)
    return "data-" + hashlib.sha256(text.encode()).hexdigest()[:32]


def field(name: str, kind: str, **options: Any) -> Spec:
    """An encoding channel: `kind` "nominal" or "quantitative"."""
    return {"field": name, "type": kind, **options}


def named(rows: Rows, datasets: dict[str, list[dict[str, Any]]]) -> Spec:
    """A reference to `rows`, which are added to `datasets` under their name."""
    name = dataset_name(rows)
    datasets[name] = list(rows)
    return {"name": name}


def top_level(body: Spec, rows: Rows, more: dict[str, list[dict[str, Any]]] | None = None) -> Spec:
    """A whole spec: `body` drawing `rows`, with the readable config (see READABLE_CONFIG)."""
    datasets: dict[str, list[dict[str, Any]]] = {}
    data = named(rows, datasets)
    datasets.update(more or {})
    config = {part: dict(values) for part, values in READABLE_CONFIG.items()}  # a spec's own copy
    return {"$schema": SCHEMA, "config": config, "data": data, "datasets": datasets, **body}
