"""The table of a file's row-level errors, the same for every import (actions, survey results):
which row, which column, and what is wrong, in the reader's language."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from data_model.imports.problems import RowProblem

from .formats import fmt_count
from .texts import say, tr


def problems_table(problems: Sequence[RowProblem]) -> None:
    st.error(tr("import.problems", count=fmt_count(len(problems), "error")), icon=":material/error:")
    st.dataframe(
        pd.DataFrame(
            {
                tr("import.col.row"): [problem.row for problem in problems],
                tr("import.col.column"): [problem.field for problem in problems],
                tr("import.col.message"): [say(problem.message) for problem in problems],
            }
        ),
        hide_index=True,
        width="stretch",
    )
