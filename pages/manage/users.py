"""User management for the coordinator: the list, a new user, and changes to one user
(role, department, name; deactivate or reactivate; a one-time password). The user service
checks the permission again on every write."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from data_model.models import ROLES
from data_model.permissions import PermissionDenied
from data_model.services import users
from data_model.validation import ValidationError
from pages.widgets.data import read, write
from pages.widgets.formats import fmt_date, fmt_int
from pages.widgets.guard import page_user
from pages.widgets.texts import say, tr

DONE_KEY = "users.done"

actor = page_user("users")
st.title(tr("page.users"))
if done := st.session_state.pop(DONE_KEY, None):
    st.success(done, icon=":material/check_circle:")

rows = read(users.list_users, actor)
departments = dict(read(users.department_choices, actor))
NO_DEPARTMENT = ""


def role_label(role: str) -> str:
    return tr(f"auth.role.{role}")


def department_label(code: str) -> str:
    return departments.get(code, tr("users.no_department"))


def run_service(call: Callable[[], None], done_message: str) -> None:
    """Run one write; show the refusal by field, or rerun with a note of what was done."""
    try:
        call()
    except ValidationError as refused:
        for field, message in refused.errors.items():
            st.error(f"{tr(f'users.field.{field}')}: {say(message)}")
        return
    except PermissionDenied as denied:
        st.error(say(denied.message))
        return
    st.session_state[DONE_KEY] = done_message
    st.rerun()


st.dataframe(
    pd.DataFrame(
        [
            {
                tr("users.field.username"): row.username,
                tr("users.field.display_name"): row.display_name,
                tr("users.field.role"): role_label(row.role),
                tr("users.field.department"): row.department_name or "",
                tr("users.field.active"): row.active,
                tr("users.column.one_time"): row.must_change_password,
                tr("users.column.demo"): row.is_demo,
                tr("users.column.created"): fmt_date(row.created_at),
            }
            for row in rows
        ]
    ),
    hide_index=True,
)
st.caption(tr("users.count", active=fmt_int(sum(row.active for row in rows)), total=fmt_int(len(rows))))

add_tab, edit_tab = st.tabs([tr("users.add.title"), tr("users.edit.title")])

with add_tab, st.form("users.add", clear_on_submit=False):
    username = st.text_input(tr("users.field.username"), help=tr("users.help.username"))
    display_name = st.text_input(tr("users.field.display_name"))
    email = st.text_input(tr("users.field.email"))
    role = st.selectbox(
        tr("users.field.role"), ROLES, format_func=role_label, placeholder=tr("app.choose_one")
    )
    department = st.selectbox(
        tr("users.field.department"),
        [NO_DEPARTMENT, *departments],
        format_func=department_label,
        help=tr("users.help.department"),
        placeholder=tr("app.choose_one"),
    )
    password = st.text_input(
        tr("users.field.password"),
        type="password",
        autocomplete="new-password",
        help=tr("users.help.password"),
    )
    if st.form_submit_button(tr("users.add.submit"), type="primary"):

        def create() -> None:
            with write() as session:
                users.create_user(
                    session, actor, username, role, display_name, password, department or None, email
                )

        run_service(create, tr("users.add.done", username=username.strip().lower()))

with edit_tab:
    by_id = {row.id: row for row in rows}
    chosen_id = st.selectbox(
        tr("users.edit.choose"),
        list(by_id),
        format_func=lambda user_id: f"{by_id[user_id].username} – {by_id[user_id].display_name}",
        placeholder=tr("app.choose_one"),
    )
    found = by_id.get(chosen_id) if chosen_id is not None else None
    if found is not None:
        chosen = found  # bound with its narrowed type: the service callbacks below close over it
        with st.form(f"users.edit.{chosen.id}"):
            new_name = st.text_input(tr("users.field.display_name"), value=chosen.display_name)
            new_email = st.text_input(tr("users.field.email"), value=chosen.email)
            new_role = st.selectbox(
                tr("users.field.role"),
                ROLES,
                index=ROLES.index(chosen.role),
                format_func=role_label,
                placeholder=tr("app.choose_one"),
            )
            codes = [NO_DEPARTMENT, *departments]
            current = chosen.department_code if chosen.department_code in departments else NO_DEPARTMENT
            new_department = st.selectbox(
                tr("users.field.department"),
                codes,
                index=codes.index(current),
                format_func=department_label,
                placeholder=tr("app.choose_one"),
            )
            if st.form_submit_button(tr("users.edit.submit")):

                def update() -> None:
                    with write() as session:
                        users.update_user(
                            session, actor, chosen.id, new_role, new_name, new_department or None, new_email
                        )

                run_service(update, tr("users.edit.done", username=chosen.username))

        st.subheader(tr("users.active.title"))
        if chosen.active:
            st.caption(tr("users.active.explain_deactivate"))
            if st.button(
                tr("users.active.deactivate"), key="users.deactivate", disabled=chosen.id == actor.id
            ):

                def deactivate() -> None:
                    with write() as session:
                        users.set_active(session, actor, chosen.id, False)

                run_service(deactivate, tr("users.active.deactivated", username=chosen.username))
        elif st.button(tr("users.active.reactivate"), key="users.reactivate"):

            def reactivate() -> None:
                with write() as session:
                    users.set_active(session, actor, chosen.id, True)

            run_service(reactivate, tr("users.active.reactivated", username=chosen.username))

        st.subheader(tr("users.one_time.title"))
        with st.form(f"users.one_time.{chosen.id}", clear_on_submit=True):
            st.caption(tr("users.one_time.explain"))
            one_time = st.text_input(
                tr("users.field.password"),
                type="password",
                autocomplete="new-password",
                help=tr("users.help.password"),
            )
            if st.form_submit_button(tr("users.one_time.submit")):

                def reset() -> None:
                    with write() as session:
                        users.set_one_time_password(session, actor, chosen.id, one_time)

                run_service(reset, tr("users.one_time.done", username=chosen.username))
