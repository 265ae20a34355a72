"""Yleiskatsaus: the few numbers that matter, the gaps first in plain words, then charts."""

import pandas as pd
import streamlit as st

from data_model import clock
from data_model.metrics.filters import as_of_day
from data_model.metrics.report_figures import overview_figures
from data_model.metrics.reporting import reported_on_time
from data_model.metrics.targets import targets_that_matter
from pages.widgets.data import read
from pages.widgets.filters import report_header
from pages.widgets.formats import fmt_count, fmt_date, fmt_int, fmt_pct
from pages.widgets.guard import page_user
from pages.widgets.metric_views import gap_list, representation_view, trends_view
from pages.widgets.targets_view import overview_targets
from pages.widgets.texts import lang, tr

today = clock.today()
user = page_user("overview")
filters = report_header(tr("page.overview"), today, user)

# "As of" figures are judged on the period's last day (today while it runs), as the council
# summary judges them, so the two pages agree for one period.
as_of = as_of_day(filters, today)
overview = read(overview_figures, user, filters, as_of, lang(), today)
figures, loop, reporting, measures = overview.report, overview.loop, overview.reporting, overview.measures
totals = figures.totals

actions, participants, departments, feedback, reports, advanced = st.columns(6)
actions.metric(tr("overview.actions"), fmt_int(totals.actions))
participants.metric(
    tr("overview.participants"),
    fmt_int(totals.participants_total),
    help=tr("overview.participants_help", unknown=fmt_count(totals.actions_without_total, "plain_action"))
    + " "
    + tr("term.participations_note"),
)
departments.metric(
    tr("overview.departments"), fmt_int(totals.departments_active), help=tr("overview.departments_help")
)
feedback.metric(
    tr("overview.feedback_rate"),
    fmt_pct(loop.rate),
    help=tr("overview.feedback_help", done=fmt_int(loop.with_feedback), total=fmt_int(loop.actions)),
)
reports.metric(
    tr("overview.reporting"),
    tr(
        "overview.reporting_value",
        on_time=fmt_int(reported_on_time(reporting)),
        total=fmt_int(len(reporting)),
    ),
)
advanced.metric(
    tr("term.metric.measures_advanced"),
    tr("overview.measures_value", advanced=fmt_int(measures.with_actions), total=fmt_int(measures.total)),
    help=tr("overview.measures_help", idle=fmt_int(measures.without_actions)),
)

st.header(tr("overview.gaps"))
gap_list(figures.gaps, with_suggestions=False)
st.caption(tr("overview.gaps_more"))

overview_targets(targets_that_matter(overview.targets), len(overview.targets))

st.header(tr("overview.representation"))
representation_view(figures.representation, totals)

st.header(tr("overview.trends"))
trends_view(overview.trends)

st.header(tr("overview.feedback"))
st.write(
    tr(
        "overview.feedback_sentence",
        done=fmt_int(loop.with_feedback),
        total=fmt_int(loop.actions),
        open=fmt_int(loop.open_loop_count),
        days=fmt_count(loop.open_loop_days, "day"),
    )
)
if loop.open_loops:
    st.dataframe(
        pd.DataFrame(
            {
                tr("overview.open.title"): [row.title for row in loop.open_loops],
                tr("overview.open.department"): [row.department.name(lang()) for row in loop.open_loops],
                tr("overview.open.closed_on"): [fmt_date(row.closed_on) for row in loop.open_loops],
                tr("overview.open.days"): [fmt_int(row.days_open) for row in loop.open_loops],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    if loop.open_loop_count > len(loop.open_loops):
        st.caption(
            tr(
                "overview.open.oldest",
                shown=fmt_int(len(loop.open_loops)),
                total=fmt_int(loop.open_loop_count),
            )
        )

st.header(tr("overview.reporting_title"))
st.caption(tr("overview.reporting_scope", day=fmt_date(as_of)))
st.dataframe(
    pd.DataFrame(
        {
            tr("overview.report.department"): [row.department.name(lang()) for row in reporting],
            tr("overview.report.last"): [
                fmt_date(row.last_period_end, tr("overview.report.never")) for row in reporting
            ],
            tr("overview.report.next_due"): [fmt_date(row.next_due) for row in reporting],
            tr("overview.report.status"): [tr(f"term.status.{row.status}") for row in reporting],
        }
    ),
    hide_index=True,
    width="stretch",
)
