"""The login page: the only page, with the accessibility statement, before login."""

import streamlit as st

from pages.widgets.auth import PASSWORD_KEY, USERNAME_KEY, login_feedback, submit_login
from pages.widgets.formats import fmt_datetime
from pages.widgets.texts import tr

st.title(tr("app.title"))
st.write(tr("auth.intro"))

feedback = login_feedback()
if feedback is not None:
    kind, until = feedback
    if kind == "locked" and until is not None:
        st.error(tr("auth.locked", until=fmt_datetime(until)), icon=":material/lock_clock:")
    else:
        st.error(tr(f"auth.feedback.{kind}"), icon=":material/error:")

with st.form("login_form"):
    st.subheader(tr("auth.form_title"))
    st.text_input(tr("auth.username"), key=USERNAME_KEY, autocomplete="username")
    st.text_input(tr("auth.password"), key=PASSWORD_KEY, type="password", autocomplete="current-password")
    st.form_submit_button(tr("auth.login"), on_click=submit_login, type="primary")

st.caption(tr("auth.help"))
