"""Entry point: page chrome, language, login, and the navigation the user's role allows."""

import streamlit as st

from pages.widgets.navigation import pages_by_section
from pages.widgets.texts import demo_banner, language_switch, tr

st.set_page_config(page_title="Osallistuva Heinola", page_icon=":material/diversity_3:", layout="wide")

language_switch()
demo_banner()

home = st.Page(
    "pages/public/home.py", title=tr("page.home"), icon=":material/home:", url_path="home", default=True
)
sections = {tr("nav.section.public"): [home]}
sections.update(pages_by_section("coordinator", default_first=False))
navigation = st.navigation(sections)
navigation.run()
