"""Development steps: the principles and their measures, each with the actions that advance
it, the departments involved and the last activity; measures with nothing logged said so."""

import streamlit as st

from data_model import clock
from data_model.metrics.programme_usage import MeasureActivity, development_steps
from pages.widgets.data import read
from pages.widgets.formats import fmt_int
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.programme_view import date_or_never, pick, scope_note, show_table
from pages.widgets.texts import freshness_note, tr

user = page_user("steps")
st.title(tr("page.steps"))
st.write(tr("steps.intro"))
scope_note(clock.today())

principles = read(development_steps, user)
measures = [measure for principle in principles for measure in principle.measures]
idle = [measure for measure in measures if measure.nothing_logged]
st.markdown(tr("steps.summary", total=fmt_int(len(measures)), idle=fmt_int(len(idle))))


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
freshness_note()
