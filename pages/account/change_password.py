"""Change one's own password; the only page open while a one-time password is in use."""

import streamlit as st

from data_model.services.users import change_own_password
from pages.widgets.auth import announce_password_changed, continue_session, must_change_password_now
from pages.widgets.data import write
from pages.widgets.guard import page_user
from pages.widgets.texts import say, tr

user = page_user("change_password")
st.title(tr("auth.change.title"))
if must_change_password_now():
    st.warning(tr("auth.change.must"), icon=":material/password:")

with st.form("change_password_form", clear_on_submit=True):
    current = st.text_input(tr("auth.change.current"), type="password", autocomplete="current-password")
    new = st.text_input(
        tr("auth.change.new"), type="password", autocomplete="new-password", help=tr("auth.change.rules")
    )
    repeat = st.text_input(tr("auth.change.repeat"), type="password", autocomplete="new-password")
    submitted = st.form_submit_button(tr("auth.change.submit"), type="primary")

if submitted:
    if new != repeat:
        st.error(tr("auth.change.mismatch"))
    else:
        with write() as session:
            # A refusal is returned, not raised, so that the guess it counted is kept.
            change = change_own_password(session, user, current, new)
        for message in change.errors.values():
            st.error(say(message))
        if change.session_version is not None:
            # Other sessions of the user have ended; this one carries on with a new cookie.
            continue_session(change.session_version)
            # Rerun so that the navigation opens the rest of the app when the password was one-time;
            # the page that opens then says the password was changed.
            announce_password_changed()
            st.rerun()
