"""Sentences and tables of the council's reports (the council report, an edition's evaluation)
drawn as the PDF prints them."""

from __future__ import annotations

import streamlit as st

from data_model.exports.tables import Table, as_text

from .texts import tr


def bullets(lines: tuple[str, ...]) -> None:
    # Sentences carry names typed in the app: shown as plain text, never as Markdown.
    for line in lines:
        st.text(f"• {line}")


def show_table(table: Table) -> None:
    # Written as in the PDF (decimal comma, "15 %", "–" for unknown); the workbook has the
    # typed values for sorting and sums.
    yes, no = tr("council.yes"), tr("council.no")
    records = [
        {
            column.header: as_text(value, column.kind, yes, no)
            for column, value in zip(table.columns, row, strict=True)
        }
        for row in table.rows
    ]
    st.markdown(f"**{table.title}**")  # titles come from the locale files, not from users
    st.dataframe(records, hide_index=True, width="stretch")
    if table.note:
        st.caption(table.note)
