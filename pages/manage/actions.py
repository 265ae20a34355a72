"""The department's actions (the coordinator sees all): filter, sort, open, edit, delete,
restore and close the feedback loop."""

from datetime import date

import pandas as pd
import streamlit as st

from data_model.i18n import Message
from data_model.metrics.actions_list import (
    SORTS,
    ActionFilter,
    EditableAction,
    action_choices,
    action_for_edit,
    list_actions,
)
from data_model.permissions import chooses_department
from data_model.services.actions import (
    mark_feedback_given,
    restore_action,
    soft_delete_action,
    update_action,
)
from data_model.validation import parse_date
from pages.widgets.action_form import (
    action_form,
    date_field,
    flash,
    generation_prefix,
    leave_notice,
    save_with_messages,
)
from pages.widgets.data import read, read_uncached, write
from pages.widgets.formats import fmt_count, fmt_date, fmt_int, fmt_stored
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.texts import lang, say, tr

BASE = "actions"
PAGE_SIZE = 50

user = page_user("actions")
st.title(tr("page.actions"))
flash(BASE)
choices = read(action_choices, user)

# --- filters ---------------------------------------------------------------------------------
with st.expander(tr("actions.filters"), expanded=True):
    first, second, third = st.columns(3)
    with first:
        text = st.text_input(tr("actions.filter_text"), key="actions.f.text")
        if chooses_department(user, "actions.read"):
            departments = {"": tr("actions.filter_all")} | {
                c.key: c.name(lang()) for c in choices.departments
            }
            department_key = st.selectbox(
                tr("actions.filter_department"),
                list(departments),
                format_func=departments.__getitem__,
                key="actions.f.department",
                placeholder=tr("app.choose_one"),
            )
            department_id = int(department_key) if department_key else None
        else:
            department_id = None  # data_model narrows it to the user's own department
    with second:
        forms = {"": tr("actions.filter_all")} | {c.key: c.name(lang()) for c in choices.forms}
        form_code = st.selectbox(
            tr("actions.filter_form"),
            list(forms),
            format_func=forms.__getitem__,
            key="actions.f.form",
            placeholder=tr("app.choose_one"),
        )
        start_from = date_field(tr("actions.filter_from"), None, "actions.f.from")
        start_to = date_field(tr("actions.filter_to"), None, "actions.f.to")
    with third:
        feedback_options = {
            "": tr("actions.filter_all"),
            "yes": tr("actions.feedback_yes"),
            "no": tr("actions.feedback_no"),
        }
        feedback = st.selectbox(
            tr("actions.filter_feedback"),
            list(feedback_options),
            format_func=feedback_options.__getitem__,
            key="actions.f.feedback",
            placeholder=tr("app.choose_one"),
        )
        sort = st.selectbox(
            tr("actions.sort"),
            SORTS,
            format_func=lambda key: tr(f"actions.sort.{key}"),
            key="actions.f.sort",
            placeholder=tr("app.choose_one"),
        )
        show_deleted = st.toggle(tr("actions.show_deleted"), key="actions.f.deleted")

limit = st.session_state.get("actions.limit", PAGE_SIZE)
filters = ActionFilter(
    department_id=department_id,
    deleted=show_deleted,
    text=text,
    start_from=start_from,
    start_to=start_to,
    form_code=form_code or None,
    feedback_given={"yes": True, "no": False}.get(feedback),
    sort=sort,
    limit=limit,
)
found = read(list_actions, user, filters, lang())
st.caption(tr("actions.scope"))

# --- the list --------------------------------------------------------------------------------
if not found.rows:
    st.info(tr("actions.none"))
else:
    st.caption(tr("actions.count", shown=fmt_int(len(found.rows)), total=fmt_count(found.total, "action")))
    table = pd.DataFrame(
        {
            tr("actions.col.id"): [row.id for row in found.rows],
            tr("actions.col.title"): [row.title for row in found.rows],
            tr("actions.col.department"): [row.department for row in found.rows],
            tr("actions.col.start"): [fmt_date(row.start_date) for row in found.rows],
            tr("actions.col.end"): [fmt_date(row.end_date) for row in found.rows],
            tr("actions.col.forms"): [row.forms for row in found.rows],
            # Text, so an unknown count reads "–" (explained below the table), not "None".
            tr("actions.col.participants"): [fmt_int(row.participants_total) for row in found.rows],
            tr("actions.col.feedback"): [row.feedback_given for row in found.rows],
        }
    )
    if show_deleted:
        table[tr("actions.col.deleted")] = [fmt_stored(row.deleted_at) for row in found.rows]
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(f"{tr('actions.unknown_count')} {tr('term.participations_note')}")
    if found.total > len(found.rows) and st.button(tr("actions.more"), key="actions.more"):
        st.session_state["actions.limit"] = limit + PAGE_SIZE
        st.rerun()

titles = {row.id: f"{row.id} – {row.title}" for row in found.rows}
opened = st.selectbox(
    tr("actions.open"),
    list(titles),
    index=None,
    format_func=titles.__getitem__,
    help=tr("actions.select_help"),
    placeholder=tr("app.choose_one"),
    key="actions.open",
)
if opened is None:
    st.stop()
# Bound with their narrowed types: the save callbacks below close over them.
action_id: int = opened

# --- one action ------------------------------------------------------------------------------
# The version the edit is based on is kept from the moment the action was opened, so a save
# after someone else's change is refused instead of silently overwriting it.
SNAPSHOT = f"actions.editing.{opened}"
if SNAPSHOT not in st.session_state:
    st.session_state[SNAPSHOT] = read_uncached(action_for_edit, user, opened)
editing: EditableAction | None = st.session_state[SNAPSHOT]
if editing is None:
    st.stop()
current: EditableAction = editing
edit_base = f"actions.edit.{opened}.v{editing.version}"


def forget_snapshot() -> None:
    st.session_state.pop(SNAPSHOT, None)


# The title is typed by users: escaped, so it is shown as text and never as markdown.
st.subheader(tr("actions.edit_heading", title=plain(editing.values.title)), anchor=False)
if editing.deleted:
    st.warning(tr("actions.is_deleted"))

    def restore() -> str:
        with write() as session:
            restore_action(session, user, action_id)
        forget_snapshot()
        return tr("actions.restored")

    if st.button(tr("actions.restore"), key="actions.restore", type="primary"):
        save_with_messages(BASE, restore)
    st.stop()

# The form offers the items of the edition in force on the action's start date.
edition_choices = read(action_choices, user, parse_date(editing.values.start_date))
entered = action_form(edit_base, user, edition_choices, editing.values, tr("action.save_changes"))
if entered is not None:
    changed = entered

    def save_changes() -> str:
        with write() as session:
            action = update_action(session, user, action_id, current.version, changed)
            message = tr("action.saved", title=action.title)
            counted = bool(action.reach)
        forget_snapshot()
        if not counted:
            leave_notice(BASE, tr("action.saved_without_reach"))
        return message

    save_with_messages(edit_base, save_changes, flash_to=BASE)
if st.button(tr("actions.conflict_reload"), key="actions.reload"):
    forget_snapshot()
    st.rerun()

# --- closing the feedback loop ---------------------------------------------------------------
st.subheader(tr("actions.feedback_heading"), anchor=False)
if editing.values.feedback_given and editing.values.feedback_method:
    st.text(
        tr(
            "actions.feedback_already",
            when=fmt_date(
                editing.values.feedback_date if isinstance(editing.values.feedback_date, date) else None
            ),
            how=editing.values.feedback_method,
        )
    )
feedback_base = f"actions.feedback.{opened}.v{editing.version}"
feedback_key = generation_prefix(feedback_base)
feedback_errors: dict[str, Message] = st.session_state.get(f"{feedback_base}.errors", {})
with st.form(f"{feedback_key}.form", enter_to_submit=False):
    told_on = date_field(tr("action.feedback_date"), None, f"{feedback_key}.date")
    told_how = st.text_input(tr("action.feedback_method"), max_chars=300, key=f"{feedback_key}.how")
    told_where = st.text_input(tr("action.feedback_url"), max_chars=500, key=f"{feedback_key}.url")
    for message in feedback_errors.values():
        st.error(plain(say(message)))
    told = st.form_submit_button(tr("actions.feedback_save"), key=f"{feedback_key}.submit")
if told:

    def save_feedback() -> str:
        with write() as session:
            mark_feedback_given(
                session,
                user,
                action_id,
                told_on,
                told_how,
                told_where,
                expected_version=current.version,
            )
        forget_snapshot()
        return tr("actions.feedback_saved")

    save_with_messages(feedback_base, save_feedback, flash_to=BASE)

st.divider()


def delete() -> str:
    with write() as session:
        soft_delete_action(session, user, action_id, expected_version=current.version)
    forget_snapshot()
    return tr("actions.deleted")


if st.button(tr("actions.delete"), key="actions.delete", icon=":material/delete:"):
    save_with_messages(BASE, delete)
