"""Small drawing helpers shared by the programme pages (SWOT, catalogue, steps, channels,
responsibilities, programme content)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from data_model.i18n import in_language

from .formats import fmt_date, shown_cells
from .markdown import plain
from .texts import lang, tr


def pick(fi: str, en: str) -> str:
    """Programme content in the user's language (Finnish marked as such when there is no English)."""
    return in_language(lang(), fi, en)


def date_or_never(value: object) -> str:
    """A date in Finnish form, or the word for "never"."""
    return fmt_date(value) if value is not None else tr("programme_common.never")  # type: ignore[arg-type]


def trend_words(trend: str | None) -> str:
    """An arrow and a word, so the trend never rests on a symbol or a colour alone."""
    return tr(f"programme_common.trend.{trend or 'none'}")


def scope_note(today: date) -> None:
    """Say plainly that this page's figures are not the report pages' filtered ones."""
    st.caption(tr("programme_common.scope", day=fmt_date(today)))


def show_table(rows: list[dict[str, object]]) -> None:
    """A static table that wraps long texts; st.table reads Markdown, so text is escaped."""
    st.table(
        shown_cells(
            pd.DataFrame(
                [
                    {
                        column: plain(value) if isinstance(value, str) else value
                        for column, value in row.items()
                    }
                    for row in rows
                ]
            )
        ),
        hide_index=True,
    )
