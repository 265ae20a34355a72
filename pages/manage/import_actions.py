"""Bulk import of actions from CSV or Excel: template, preview with every bad row, all or nothing."""

import streamlit as st

from data_model.imports import import_actions, preview_import, template_csv, template_xlsx
from pages.widgets.action_form import flash
from pages.widgets.data import read, versions_of
from pages.widgets.file_import import (
    checked_once,
    import_on_confirm,
    preview_or_stop,
    template_downloads,
    upload,
)
from pages.widgets.formats import fmt_count
from pages.widgets.guard import page_user
from pages.widgets.texts import lang, tr

BASE = "import"

user = page_user("import_actions")
st.title(tr("page.import_actions"))
flash(BASE)
st.write(tr("import.intro"))

template_downloads(read(template_csv, user), read(template_xlsx, user, lang()), "toimenpiteet-pohja")

file = upload(BASE)
preview = checked_once(BASE, preview_import, user, *file, versions_of(preview_import))
preview_or_stop(
    preview.rows,
    preview.problems,
    {
        tr("import.col.row"): lambda row: row.row,
        tr("import.col.department"): lambda row: row.department,
        tr("import.col.title"): lambda row: row.title,
        tr("import.col.start"): lambda row: row.start_date,
        tr("import.col.participants"): lambda row: row.participants_total,
        tr("import.col.ok"): lambda row: row.ok,
    },
    caption=tr("import.rows", count=fmt_count(len(preview.rows), "action_row")),
)
import_on_confirm(
    BASE,
    tr("import.confirm", count=fmt_count(len(preview.rows), "action")),
    import_actions,
    user,
    file,
    lambda count: tr("import.done", count=fmt_count(count, "action")),
)
