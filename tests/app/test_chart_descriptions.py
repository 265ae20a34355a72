"""Every chart a page draws is announced by screen readers as one sentence in the user's
language: Vega's own English axis, legend and mark descriptions are switched off (the numbers
are in the table or text beside every chart)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest


def _charts(node: object) -> list[Any]:
    """Every Vega-Lite chart under `node`, however deep in columns and containers."""
    found = []
    for child in getattr(node, "children", {}).values():
        if getattr(child, "type", "") == "vega_lite_chart":
            found.append(child)
        found.extend(_charts(child))
    return found


CHART_PAGES = ["pages/reports/overview.py", "pages/reports/reach.py", "pages/reports/council.py"]


@pytest.mark.usefixtures("role_users")
@pytest.mark.parametrize("path", CHART_PAGES)
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_charts_carry_no_english_machine_descriptions(
    open_app: Callable[..., AppTest], path: str, lang: str
) -> None:
    at = open_app("koordinaattori")
    at.session_state["lang"] = lang
    at.switch_page(path).run()
    charts = _charts(at.main)
    assert charts, f"{path} drew no chart"
    for chart in charts:
        config = json.loads(chart.proto.spec).get("config", {})
        for part in ("axis", "legend", "mark"):
            assert config.get(part, {}).get("aria") is False, (path, part)
