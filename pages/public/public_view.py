"""The public view (issue 15): open without login and to every logged-in user. It calls only
the public reader, which takes no user and returns public aggregates and published actions
(data_model.metrics.public_view); the coordinator also gets the static HTML file for the
city's website."""

import streamlit as st

from data_model import clock
from data_model.exports.public_html import public_html
from data_model.exports.public_sections import public_sections
from data_model.metrics.public_view import public_summary
from data_model.permissions import COORDINATOR
from pages.widgets.auth import signed_in_or_none
from pages.widgets.data import read
from pages.widgets.public_view import draw_sections
from pages.widgets.texts import lang, tr

today = clock.today()
latest = read(public_summary, None, today)
st.title(tr("public.title"))
year = st.selectbox(
    tr("public.year"), latest.years, index=0, key="public.year", placeholder=tr("app.choose_one")
)
summary = latest if year in (None, latest.year) else read(public_summary, year, today)
st.write(tr("public.lead", year=summary.year))
draw_sections(public_sections(summary, lang()))

user = signed_in_or_none()
# The file holds only what this page shows to anyone; the button is the coordinator's tool
# for publishing it on the city's website.
if user is not None and user.role == COORDINATOR:
    st.download_button(
        tr("public.download"),
        data=read(public_html, summary.year, today, lang()),
        file_name=f"osallistuva-heinola-{summary.year}-{lang()}.html",
        mime="text/html",
        help=tr("public.download_help"),
        on_click="ignore",
        icon=":material/download:",
    )
