"""What every file import (actions, survey results) shows the same way: the file's preview,
checked once per file and data version, and the table of its row-level errors (which row,
which column, what is wrong, in the reader's language)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from data_model.imports.problems import RowProblem
from data_model.permissions import CurrentUser

from .data import read_uncached
from .formats import fmt_count
from .texts import say, tr

Preview = TypeVar("Preview")


def checked_once(
    base: str,
    previewer: Callable[..., Preview],
    user: CurrentUser,
    name: str,
    content: bytes,
    data_versions: Any,
) -> Preview:
    """`previewer(user, name, content)`, run once per file and version of the data it reads, not
    on every rerun of the page: a big file's preview takes seconds, and nothing it depends on
    changed. Kept in the session under `base`."""
    key = (hashlib.sha256(content).hexdigest(), name, data_versions)
    if st.session_state.get(f"{base}.preview_key") != key:
        st.session_state[f"{base}.preview"] = read_uncached(previewer, user, name, content)
        st.session_state[f"{base}.preview_key"] = key
    preview: Preview = st.session_state[f"{base}.preview"]
    return preview


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
