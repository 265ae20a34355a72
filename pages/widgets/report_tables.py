"""Sentences and tables of the council's reports (the council report, an edition's evaluation)
drawn as the PDF prints them."""

from __future__ import annotations

import pyarrow as pa
import streamlit as st

from data_model.exports.tables import Table, as_text

from .texts import lang, tr


def bullets(lines: tuple[str, ...]) -> None:
    # Sentences carry names typed in the app: shown as plain text, never as Markdown.
    for line in lines:
        st.text(f"• {line}")


def show_table(table: Table) -> None:
    # Written as in the PDF (decimal comma, "15 %", "–" for unknown); the workbook has the
    # typed values for sorting and sums.
    yes, no, language = tr("council.yes"), tr("council.no"), lang()
    # Every cell is text: handed to Streamlit as Arrow columns, which it sends as they are
    # (a list of records went through pandas first, ten times the cost, on every rerun).
    position = {column.header: index for index, column in enumerate(table.columns)}  # as a record: last wins
    cells = {
        header: [as_text(row[index], table.columns[index].kind, yes, no, language) for row in table.rows]
        for header, index in position.items()
    }
    st.markdown(f"**{table.title}**")  # titles come from the locale files, not from users
    st.dataframe(pa.table(cells) if table.rows else [], hide_index=True, width="stretch")
    if table.note:
        st.caption(table.note)
