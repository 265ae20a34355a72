"""A table's numbers are written the reader's way, column by column (whole-number columns in
one pass, the rest cell by cell), whatever the column's type."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from data_model.formatting import NBSP
from pages.widgets import formats


@pytest.fixture(autouse=True)
def finnish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "lang", lambda: "fi")


def test_every_kind_of_cell_is_written_as_a_reader_reads_it() -> None:
    table = pd.DataFrame(
        {
            "name": ["a", "b"],
            "count": np.array([1234, -5], dtype=np.int64),
            "share": [2.5, float("nan")],
            "whole": [3.0, 4.0],
            "note": [None, "x"],
            "flag": [True, False],
        }
    )
    shown = formats.shown_cells(table)
    assert shown.to_dict("list") == {
        "name": ["a", "b"],
        "count": [f"1{NBSP}234", "-5"],
        "share": ["2,50", "–"],
        "whole": ["3", "4"],
        "note": ["–", "x"],
        "flag": [True, False],
    }
    assert list(shown.columns) == list(table.columns)


def test_repeated_headers_and_empty_tables_keep_their_shape() -> None:
    shown = formats.shown_cells(pd.DataFrame([[1, 2]], columns=["a", "a"]))
    assert list(shown.columns) == ["a", "a"] and shown.iloc[0].tolist() == ["1", "2"]
    empty = formats.shown_cells(pd.DataFrame({"e": pd.Series([], dtype=np.int64)}))
    assert empty.empty and list(empty.columns) == ["e"]
