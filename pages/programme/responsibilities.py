"""Responsibilities: the actors and their duties with cadence, status and the evidence
behind it, and each department's reporting status."""

import streamlit as st

from data_model import clock
from data_model.metrics.duties import DutyStatus, responsibilities
from data_model.metrics.reporting import DUE_SOON_DAYS, ReportingStatus, reporting_status, status_tally
from pages.widgets.data import read
from pages.widgets.editions import edition_selector
from pages.widgets.formats import fmt_count, fmt_int
from pages.widgets.freshness import freshness_note
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.programme_view import date_or_never, pick, scope_note, show_table
from pages.widgets.texts import lang, tr

today = clock.today()
user = page_user("responsibilities")
st.title(tr("page.responsibilities"))
st.write(tr("responsibilities.intro", days=fmt_count(DUE_SOON_DAYS, "day")))
edition = edition_selector(user, today)
scope_note(edition.window.as_of(today))

actors = read(responsibilities, user, today, edition=edition.window)
duties = [duty for actor in actors for duty in actor.duties]
counts = status_tally(duty.status for duty in duties)
st.markdown(
    tr(
        "responsibilities.summary",
        total=fmt_count(len(duties), "duty"),
        **{status: fmt_int(count) for status, count in counts.items()},
    )
)


def cadence(duty: DutyStatus) -> str:
    if duty.cadence == "none" and duty.period_months:
        named = tr("responsibilities.cadence.continuous", months=duty.period_months)
    else:
        named = tr(f"term.cadence.{duty.cadence}")
    # A cadence the programme does not state is the city's choice, not a fact of the programme.
    return tr("responsibilities.cadence_assumed", cadence=named) if duty.cadence_assumed else named


def evidence(duty: DutyStatus) -> str:
    if duty.evidence == "department_report":
        return tr(
            "responsibilities.evidence_found.department_report",
            n=duty.evidence_count,
            of=fmt_count(len(duty.departments), "department"),
        )
    return tr(f"responsibilities.evidence_found.{duty.evidence}", n=duty.evidence_count)


def duty_row(duty: DutyStatus) -> dict[str, object]:
    return {
        tr("responsibilities.col.duty"): pick(duty.text_fi, duty.text_en),
        tr("responsibilities.col.cadence"): cadence(duty),
        tr("responsibilities.col.status"): tr(f"term.status.{duty.status}"),
        tr("responsibilities.col.evidence"): evidence(duty),
        tr("responsibilities.col.last_evidence"): date_or_never(duty.last_evidence)
        if duty.status != "untracked"
        else "–",
        tr("responsibilities.col.next_due"): date_or_never(duty.next_due) if duty.next_due else "–",
    }


for actor in actors:
    st.subheader(plain(pick(actor.name_fi, actor.name_en)))
    show_table([duty_row(duty) for duty in actor.duties])


def reporting_row(row: ReportingStatus) -> dict[str, object]:
    return {
        tr("responsibilities.col.department"): row.department.name(lang()),
        tr("responsibilities.col.report_cadence"): fmt_count(row.cadence_months, "months_short"),
        tr("responsibilities.col.last_report"): date_or_never(row.last_period_end),
        tr("responsibilities.col.next_due"): date_or_never(row.next_due),
        tr("responsibilities.col.status"): tr(f"term.status.{row.status}"),
    }


st.subheader(tr("responsibilities.reporting_title"))
reporting = read(reporting_status, user, today)
if reporting:
    show_table([reporting_row(department) for department in reporting])
    st.caption(tr("responsibilities.report_cadence_assumed"))
else:
    st.caption(tr("responsibilities.no_reporting"))
freshness_note(user)
