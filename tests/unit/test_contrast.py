"""Contrast of the charts' and theme's colours, computed from the palette (WCAG 2.1 AA: 3:1 for
graphics, 4.5:1 for text), and the council chart's gaps told by more than colour."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from data_model.exports.charts import column_chart, representation_chart
from data_model.exports.palette import (
    BACKGROUND,
    CATEGORY,
    CHART_TEXT,
    TITLE_TEXT,
    contrast_ratio,
    heat_colour,
    text_on,
)
from pages.widgets.charts import bars, heatmap, paired_bars

GRAPHICS = 3.0
TEXT = 4.5


def test_contrast_ratio_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#E69F00", "#ffffff") == pytest.approx(2.25, abs=0.01)  # the old orange


@pytest.mark.parametrize("colour", CATEGORY)
def test_every_category_colour_reaches_3_to_1_on_the_page(colour: str) -> None:
    assert contrast_ratio(colour, BACKGROUND) >= GRAPHICS


@pytest.mark.parametrize("colour", [CHART_TEXT, TITLE_TEXT])
def test_chart_text_reaches_4_5_to_1(colour: str) -> None:
    assert contrast_ratio(colour, BACKGROUND) >= TEXT


def test_heat_map_figures_read_on_every_cell_colour() -> None:
    for step in range(201):
        fill = heat_colour(step / 200)
        assert contrast_ratio(text_on(fill), fill) >= TEXT, fill


def _colours(spec: Any) -> set[str]:
    """Every literal colour anywhere in a Vega-Lite spec (mark colours, scale ranges, config)."""
    found: set[str] = set()
    if isinstance(spec, dict):
        for value in spec.values():
            found |= _colours(value)
    elif isinstance(spec, list):
        for value in spec:
            found |= _colours(value)
    elif isinstance(spec, str) and spec.startswith("#") and len(spec) == 7:
        found.add(spec.lower())
    return found


def _page_charts() -> list[dict[str, Any]]:
    pairs = pd.DataFrame(
        {"group": ["A", "A", "B", "B"], "measure": ["p", "q", "p", "q"], "share": [0.1, 0.2, 0.3, 0.4]}
    )
    cells = pd.DataFrame({"row": ["r", "r"], "column": ["x", "y"], "value": [0, 7]})
    return [
        paired_bars(pairs, "group", "measure", "share", "t", percent=True),
        bars(pd.DataFrame({"c": ["a", "b"], "v": [1, 2]}), "c", "v", "t"),
        heatmap(cells, "row", "column", "value", "t"),
        representation_chart([("A", 0.4), ("B", 1.1)], 0.8, "i", "Aukko", "Ei aukkoa"),
        column_chart([("Q1", 3)], "n"),
    ]


def test_charts_draw_marks_only_in_colours_that_pass() -> None:
    allowed_marks = {colour.lower() for colour in CATEGORY}
    allowed_text = {CHART_TEXT.lower(), TITLE_TEXT.lower(), "#ffffff", "#000000"}
    for spec in _page_charts():
        spec.pop("datasets", None)
        spec.pop("data", None)
        # The heat map's gradient is checked cell by cell above; its stops are not marks.
        for layer in spec.get("layer", []):
            layer.get("encoding", {}).get("color", {}).pop("scale", None)
        assert _colours(spec) <= allowed_marks | allowed_text, spec


def test_chart_text_is_dark_whatever_the_theme() -> None:
    for spec in _page_charts():
        config = spec["config"]
        assert config["axis"]["labelColor"] == CHART_TEXT
        assert config["legend"]["labelColor"] == CHART_TEXT
        assert config["legend"]["orient"] == "bottom"
        # No English, raw-float screen-reader texts from Vega: the description and table speak.
        assert config["mark"]["aria"] is False
        assert config["axis"]["aria"] is False


def test_council_gap_is_written_beside_its_bar_not_only_coloured() -> None:
    spec = representation_chart([("Nuoret", 0.4), ("Eläkeläiset", 1.1)], 0.8, "i", "Aukko", "Ei aukkoa")
    layers = spec["layer"]
    texts = [layer for layer in layers if layer["mark"]["type"] == "text"]
    assert texts, "no text layer: a gap would be told by colour alone"
    values = spec["datasets"]
    rows = next(iter(values.values()))
    assert {row["group"]: row["mark"] for row in rows} == {"Nuoret": "Aukko", "Eläkeläiset": ""}


def test_paired_bars_are_filled_and_outlined_not_only_two_colours() -> None:
    pairs = pd.DataFrame({"group": ["A", "A"], "measure": ["p", "q"], "share": [0.1, 0.2]})
    encoding = paired_bars(pairs, "group", "measure", "share", "t", percent=True)["encoding"]
    assert encoding["fill"]["scale"]["range"] == [CATEGORY[0], BACKGROUND]
    assert encoding["stroke"]["scale"]["range"] == list(CATEGORY[:2])


def test_every_group_of_the_representation_chart_keeps_its_name() -> None:
    # On the council page Vega dropped every other group's name (Nuoret among them) when the
    # rows were tight; a bar without its name can only be read from the table.
    spec = representation_chart([("A", 0.4), ("B", 1.1), ("C", 0.9)], 0.8, "i", "Aukko", "Ei aukkoa")
    axes = [layer["encoding"]["y"]["axis"] for layer in spec["layer"] if "y" in layer.get("encoding", {})]
    axes += [spec["encoding"]["y"]["axis"]] if "encoding" in spec and "y" in spec["encoding"] else []
    assert axes and all(axis["labelOverlap"] is False for axis in axes)
