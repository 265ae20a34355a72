"""The first page: the programme's headline numbers, straight from the database."""

import streamlit as st

from data_model.metrics.filters import MetricFilters
from data_model.metrics.measures import measure_counts
from data_model.metrics.programme import programme_headline
from pages.widgets.data import read
from pages.widgets.formats import fmt_count, fmt_int
from pages.widgets.freshness import freshness_note
from pages.widgets.guard import page_user
from pages.widgets.texts import tr

user = page_user("home")
st.title(tr("app.title"))
st.write(tr("home.intro"))

headline = read(programme_headline, user)
measures = read(measure_counts, user, MetricFilters())
first, second, third, fourth = st.columns(4)
first.metric(tr("home.swot"), fmt_int(headline.swot_items))
second.metric(tr("home.opportunities"), fmt_int(headline.opportunities))
third.metric(tr("home.channels"), fmt_int(headline.channels))
fourth.metric(tr("home.actions"), fmt_int(headline.actions))
st.caption(tr("home.scope"))
st.write(
    tr(
        "home.summary",
        forms=fmt_count(headline.forms, "form"),
        statutory=fmt_count(headline.statutory_opportunities, "statutory_right"),
        partly=fmt_count(headline.partly_statutory_opportunities, "partly_statutory_right"),
        principles=fmt_count(headline.principles, "principle"),
        measures=fmt_count(measures.total, "step"),
        actors=fmt_count(headline.actors, "actor"),
        duties=fmt_count(headline.duties, "duty"),
        population=fmt_int(headline.population),
        year=headline.population_year or "–",
    )
)
freshness_note(user)
