"""Department reports: a department head submits one; everyone who may write sees who has reported."""

import pandas as pd
import streamlit as st

from data_model import clock
from data_model.i18n import Message
from data_model.metrics.actions_list import action_choices, list_reports
from data_model.metrics.reporting import reporting_status
from data_model.permissions import chooses_department
from data_model.services.reports import submit_department_report
from pages.widgets.action_form import (
    date_field,
    flash,
    generation_prefix,
    save_with_messages,
)
from pages.widgets.data import read, write
from pages.widgets.formats import fmt_date, fmt_stored
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.texts import lang, say, tr

BASE = "reports"

user = page_user("reports")
st.title(tr("page.reports"))
flash(BASE)
st.write(tr("reports.intro"))

# --- submit ----------------------------------------------------------------------------------
st.subheader(tr("reports.submit_heading"), anchor=False)
key = generation_prefix(BASE)
errors: dict[str, Message] = st.session_state.get(f"{BASE}.errors", {})
choices = read(action_choices, user)
with st.form(f"{key}.form", enter_to_submit=False):
    if chooses_department(user, "report.write"):
        names = {c.key: c.name(lang()) for c in choices.departments if "active" in c.tags}
        picked = st.selectbox(
            tr("reports.department"),
            list(names),
            index=None,
            format_func=names.__getitem__,
            placeholder=tr("app.choose_one"),
            key=f"{key}.department",
        )
        department_id = int(picked) if picked else None
    else:
        department_id = user.department_id
        names = {c.key: c.name(lang()) for c in choices.departments}
        st.text(tr("action.own_department", name=names.get(str(department_id), "–")))
    first, second = st.columns(2)
    with first:
        period_start = date_field(tr("reports.period_start"), None, f"{key}.start")
    with second:
        period_end = date_field(tr("reports.period_end"), None, f"{key}.end")
    summary = st.text_area(tr("reports.summary"), max_chars=5000, key=f"{key}.summary")
    url = st.text_input(tr("reports.url"), max_chars=500, key=f"{key}.url")
    for message in errors.values():
        st.error(plain(say(message)), icon=":material/error:")
    submitted = st.form_submit_button(tr("reports.submit"), type="primary", key=f"{key}.submit")
if submitted:

    def save() -> str:
        with write() as session:
            submit_department_report(session, user, department_id, period_start, period_end, summary, url)
        return tr("reports.saved")

    save_with_messages(BASE, save)

# --- who has reported ------------------------------------------------------------------------
st.subheader(tr("reports.status_heading"), anchor=False)
statuses = read(reporting_status, user, clock.today())
st.caption(tr("reports.scope", day=fmt_date(clock.today())))
st.dataframe(
    pd.DataFrame(
        {
            tr("reports.col.department"): [s.department.name(lang()) for s in statuses],
            tr("reports.col.last_period"): [
                fmt_date(s.last_period_end, tr("reports.never")) for s in statuses
            ],
            tr("reports.col.submitted"): [fmt_stored(s.last_submitted_at) for s in statuses],
            tr("reports.col.next_due"): [fmt_date(s.next_due) for s in statuses],
            tr("reports.col.status"): [tr(f"term.status.{s.status}") for s in statuses],
        }
    ),
    hide_index=True,
    width="stretch",
)

st.subheader(tr("reports.recent_heading"), anchor=False)
reports = read(list_reports, user)
if not reports:
    st.info(tr("reports.none"))
else:
    st.dataframe(
        pd.DataFrame(
            {
                tr("reports.col.department"): [r.department for r in reports],
                tr("reports.col.period"): [
                    f"{fmt_date(r.period_start)}–{fmt_date(r.period_end)}" for r in reports
                ],
                tr("reports.col.summary"): [r.summary for r in reports],
                tr("reports.col.url"): [r.url for r in reports],
                tr("reports.col.submitted"): [fmt_stored(r.submitted_at) for r in reports],
            }
        ),
        hide_index=True,
        width="stretch",
        column_config={tr("reports.col.url"): st.column_config.LinkColumn(tr("reports.col.url"))},
    )
