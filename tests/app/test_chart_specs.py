"""A chart's Vega-Lite spec is built (and schema-checked by Altair) once for the same data,
not on every rerun; other data gets its own spec."""

from __future__ import annotations

import altair as alt
import pandas as pd

from pages.widgets.charts import bars, chart_spec

calls: list[int] = []


def counted_bars(data: pd.DataFrame, category: str, value: str, title: str) -> alt.Chart:
    calls.append(len(data))
    return bars(data, category, value, title)


def test_a_spec_is_built_once_per_distinct_data() -> None:
    data = pd.DataFrame({"group": ["Nuoret", "Ikäihmiset"], "participants": [3, 5]})
    first = chart_spec(counted_bars, data, "group", "participants", "Osallistujat")
    again = chart_spec(counted_bars, data.copy(), "group", "participants", "Osallistujat")
    other = chart_spec(counted_bars, data.head(1), "group", "participants", "Osallistujat")
    assert first == again
    assert first["description"] == "Osallistujat"
    assert other != first
    assert calls == [2, 1]
