"""Placeholder until this page is built."""

import streamlit as st

from pages.widgets.texts import tr

st.title(tr("page.programme_admin"))
st.info("Tulossa. / Coming soon.")
