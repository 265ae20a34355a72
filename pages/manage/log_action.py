"""Kirjaa toimenpide: a department head logs one participation action."""

import streamlit as st

from data_model.metrics.actions_list import action_choices
from data_model.services.actions import create_action
from pages.widgets.action_form import action_form, flash, leave_notice, save_with_messages
from pages.widgets.data import read, write
from pages.widgets.guard import page_user
from pages.widgets.texts import tr

BASE = "log_action"

user = page_user("log_action")
st.title(tr("page.log_action"))

flash(BASE)
st.write(tr("action.intro"))
entered = action_form(BASE, user, read(action_choices, user), None, tr("action.save"))
if entered is not None:
    new_action = entered  # bound with its narrowed type for the callback below

    def save() -> str:
        with write() as session:
            action = create_action(session, user, new_action)
            title, counted = action.title, bool(action.reach)
        if not counted:
            # Reach per group is the dashboard's core datum: its absence must not pass unsaid.
            leave_notice(BASE, tr("action.saved_without_reach"))
        return tr("action.saved", title=title)

    save_with_messages(BASE, save)
