"""Development steps: the principles and their measures, each with the actions that advance
it, the departments involved and the last activity; measures with nothing logged said so.
The figures follow the report pages' filters (a period, departments, areas …), as the council
report's measures follow its period: metrics.measures counts them for all of these."""

import streamlit as st

from data_model import clock
from data_model.metrics.measures import MeasureActivity, development_steps, measure_counts
from pages.widgets.data import read
from pages.widgets.editions import edition_selector
from pages.widgets.filters import report_header
from pages.widgets.formats import fmt_int
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.programme_view import date_or_never, pick, show_table
from pages.widgets.texts import tr

user = page_user("steps")
filters = report_header(tr("page.steps"), clock.today(), user)
st.write(tr("steps.intro"))
edition = edition_selector(user, clock.today())

principles = read(development_steps, user, filters, edition=edition.window)
counts = read(measure_counts, user, filters, edition=edition.window)
st.markdown(tr("steps.summary", total=fmt_int(counts.total), idle=fmt_int(counts.without_actions)))


def row(measure: MeasureActivity) -> dict[str, object]:
    return {
        tr("steps.col.measure"): pick(measure.text_fi, measure.text_en),
        tr("steps.col.status"): tr("steps.nothing_logged") if measure.nothing_logged else tr("steps.active"),
        tr("steps.col.actions"): measure.actions,
        tr("steps.col.departments"): ", ".join(measure.departments) or "–",
        tr("steps.col.last_activity"): date_or_never(measure.last_activity),
        tr("steps.col.recent"): "; ".join(measure.recent_actions) or "–",
    }


for number, principle in enumerate(principles, start=1):
    st.subheader(f"{number}. {plain(pick(principle.title_fi, principle.title_en))}")
    if principle.description_fi:
        st.markdown(plain(pick(principle.description_fi, principle.description_en)))
    if principle.measures:
        show_table([row(measure) for measure in principle.measures])
    else:
        st.caption(tr("steps.no_measures"))
