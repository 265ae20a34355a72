"""Open a tab of "Ohjelman sisältö" in an AppTest: only the open tab runs (issue 12), so a
test of another tab's form opens that tab first, as a click on it does in the browser."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from data_model.i18n import t

SETTINGS_PAGE = "pages/manage/settings.py"
TAB_KEY = "pa_tab"  # pages/manage/settings.py's key of its tabs


def open_tab(at: AppTest, tab: str, lang: str = "fi") -> AppTest:
    """`tab` is the page's name of it: an entity of the programme, "official" or "settings"."""
    at.session_state[TAB_KEY] = t(f"programme_admin.tab.{tab}", lang)
    return at.run()
