"""Bulk import of actions from CSV or Excel: template, preview with every bad row, all or nothing."""

import pandas as pd
import streamlit as st

from data_model.imports import ImportRefused, import_actions, preview_import, template_csv, template_xlsx
from pages.widgets.action_form import flash
from pages.widgets.data import read, versions_of, write
from pages.widgets.file_import import checked_once, problems_table
from pages.widgets.formats import fmt_count
from pages.widgets.guard import page_user
from pages.widgets.texts import lang, say, tr

BASE = "import"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

user = page_user("import_actions")
st.title(tr("page.import_actions"))
flash(BASE)
st.write(tr("import.intro"))

first, second = st.columns(2)
first.download_button(
    tr("import.template_csv"),
    read(template_csv, user),
    file_name="toimenpiteet-pohja.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)
second.download_button(
    tr("import.template_xlsx"),
    read(template_xlsx, user, lang()),
    file_name="toimenpiteet-pohja.xlsx",
    mime=XLSX_MIME,
    on_click="ignore",
    icon=":material/download:",
)

# A new uploader key after an import empties it, so the same file is not offered twice.
generation = st.session_state.get(f"{BASE}.gen", 0)
uploaded = st.file_uploader(tr("import.upload"), type=["csv", "xlsx"], key=f"{BASE}.file.{generation}")
if uploaded is None:
    st.stop()

content = uploaded.getvalue()
preview = checked_once(BASE, preview_import, user, uploaded.name, content, versions_of(preview_import))

st.subheader(tr("import.preview"), anchor=False)
if preview.rows:
    st.caption(tr("import.rows", count=fmt_count(len(preview.rows), "action_row")))
    st.dataframe(
        pd.DataFrame(
            {
                tr("import.col.row"): [row.row for row in preview.rows],
                tr("import.col.department"): [row.department for row in preview.rows],
                tr("import.col.title"): [row.title for row in preview.rows],
                tr("import.col.start"): [row.start_date for row in preview.rows],
                tr("import.col.participants"): [row.participants_total for row in preview.rows],
                tr("import.col.ok"): [row.ok for row in preview.rows],
            }
        ),
        hide_index=True,
        width="stretch",
    )
if preview.problems:
    problems_table(preview.problems)
    st.stop()

st.success(tr("import.ready"), icon=":material/check_circle:")
if st.button(
    tr("import.confirm", count=fmt_count(len(preview.rows), "action")), type="primary", key=f"{BASE}.confirm"
):
    progress = st.progress(0, text=tr("import.running"))
    try:
        with write() as session:
            # The file is read and checked again: a preview is never trusted.
            created = import_actions(session, user, uploaded.name, content)
    except ImportRefused as refused:
        progress.empty()
        st.error(
            tr("import.problems", count=fmt_count(len(refused.problems), "error")), icon=":material/error:"
        )
        st.dataframe(
            pd.DataFrame([(p.row, p.field, say(p.message)) for p in refused.problems]),
            hide_index=True,
        )
        st.stop()
    progress.progress(100, text=tr("import.done", count=fmt_count(len(created), "action")))
    st.session_state[f"{BASE}.gen"] = generation + 1
    st.session_state[f"{BASE}.flash"] = tr("import.done", count=fmt_count(len(created), "action"))
    st.rerun()
