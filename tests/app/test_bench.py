"""The benchmark runs end to end on a small database (no timing is asserted), and the SQL
statement count of a cold render stays under a ceiling that catches regressions."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from bench.__main__ import run, table
from bench.build import build
from data_model.db import make_engine
from tests.app.test_statements_per_page import TARGET
from tests.unit.test_rollups import assert_current


@pytest.fixture(autouse=True)
def _fresh_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEINOLA_DATA_DIR", str(tmp_path / "data"))
    st.cache_data.clear()
    st.cache_resource.clear()


def test_bench_runs_at_200_actions_and_counts_statements(tmp_path: Path) -> None:
    result = run(200, f"sqlite:///{tmp_path / 'bench.db'}", runs=1)
    assert result["actions"] == 200
    assert result["database"] == "sqlite"
    assert set(result["pages"]) == {"overview", "reach", "council"}
    for name, page in result["pages"].items():
        assert set(page) == {"cold_s", "warm_s", "floor_s", "naive_s", "statements"}
        assert 0 < page["statements"] <= TARGET, name
    assert result["log_to_dashboard_s"] > 0
    assert result["peak_rss_mb"] > 0
    assert "| overview |" in table(result)
    st.cache_data.clear()
    st.cache_resource.clear()


def test_the_bulk_load_sums_its_months_once_and_ends_current(tmp_path: Path) -> None:
    # The build defers the monthly sums to one rebuild at its end (refreshing them per batch
    # is quadratic: a 100k build ran for over 20 minutes); they must still equal the rows.
    engine = make_engine(f"sqlite:///{tmp_path / 'bulk.db'}")
    build(engine, 2500)  # two batches
    with engine.connect() as connection:
        assert_current(connection)
    engine.dispose()
