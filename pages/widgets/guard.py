"""The one page guard: every page but the public ones (login, accessibility) starts with
`page_user(page_key)`.

The navigation built in app.py already holds only the pages a role gets; the guard checks the
same table again when the page runs, so a page reached some other way shows a refusal and no
data. The services refuse the same users on their own: this is the friendly face of it.
"""

from __future__ import annotations

import streamlit as st

from data_model.permissions import CurrentUser, may_open

from .auth import current_user
from .navigation import ACCOUNT_URL_PATHS
from .texts import tr


def page_user(page_key: str) -> CurrentUser:
    """The signed-in user if their role gets `page_key`; otherwise say so and stop the page.

    Logged out, `current_user()` stops the page before anything is drawn."""
    user = current_user()
    if page_key not in ACCOUNT_URL_PATHS and not may_open(user, page_key):
        st.error(tr("app.page_not_allowed"), icon=":material/block:")
        st.stop()
    return user
