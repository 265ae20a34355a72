"""What every file import (actions, survey results) does the same way: the upload field, the
file's preview checked once per file and data version, the table of its row-level errors (which
row, which column, what is wrong, in the reader's language), and the import on confirmation,
all or nothing, checked again."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from sqlalchemy.orm import Session

from data_model.imports.problems import ImportRefused, RowProblem
from data_model.permissions import CurrentUser

from .data import read_uncached, write
from .formats import fmt_count
from .texts import say, tr

Preview = TypeVar("Preview")


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_downloads(csv: bytes, xlsx: bytes, file_stem: str) -> None:
    """The import's empty templates, CSV and Excel, side by side."""
    first, second = st.columns(2)
    first.download_button(
        tr("import.template_csv"),
        csv,
        file_name=f"{file_stem}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )
    second.download_button(
        tr("import.template_xlsx"),
        xlsx,
        file_name=f"{file_stem}.xlsx",
        mime=XLSX_MIME,
        on_click="ignore",
        icon=":material/download:",
    )


def upload(base: str) -> tuple[str, bytes]:
    """The chosen file's name and content; the page stops here until a file is chosen."""
    # A new uploader key after an import empties it, so the same file is not offered twice.
    generation = st.session_state.get(f"{base}.gen", 0)
    uploaded = st.file_uploader(tr("import.upload"), type=["csv", "xlsx"], key=f"{base}.file.{generation}")
    if uploaded is None:
        st.stop()
    return uploaded.name, uploaded.getvalue()


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


def preview_or_stop(
    rows: Sequence[Any],
    problems: Sequence[RowProblem],
    columns: Mapping[str, Callable[[Any], object]],
    caption: str | None = None,
) -> None:
    """The preview's rows as a table (a column per label), then either its row errors, where the
    page stops, or "ready to import"."""
    st.subheader(tr("import.preview"), anchor=False)
    if rows:
        if caption:
            st.caption(caption)
        table = {label: [value(row) for row in rows] for label, value in columns.items()}
        st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")
    if problems:
        problems_table(problems)
        st.stop()
    st.success(tr("import.ready"), icon=":material/check_circle:")


def import_on_confirm(
    base: str,
    button_label: str,
    importer: Callable[[Session, CurrentUser, str, bytes], Sequence[object]],
    user: CurrentUser,
    upload: tuple[str, bytes],
    done_message: Callable[[int], str],
) -> None:
    """The confirm button; on a click the file is imported (read and checked again: a preview is
    never trusted), or its row errors shown and nothing saved. The page then reruns with an
    empty upload field and `done_message(count)` as its flash."""
    if not st.button(button_label, type="primary", key=f"{base}.confirm"):
        return
    progress = st.progress(0, text=tr("import.running"))
    name, content = upload
    try:
        with write() as session:
            created = importer(session, user, name, content)
    except ImportRefused as refused:
        progress.empty()
        problems_table(refused.problems)
        st.stop()
    message = done_message(len(created))
    progress.progress(100, text=message)
    st.session_state[f"{base}.gen"] = st.session_state.get(f"{base}.gen", 0) + 1
    st.session_state[f"{base}.flash"] = message
    st.rerun()
