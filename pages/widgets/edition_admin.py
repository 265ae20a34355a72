"""The programme admin's editions: which edition the content tabs edit, and the editions tab
where the coordinator starts the next edition from the one in force (everything copied),
names it and its period, and records its approval (body, date, §), which puts it in force
from its period's start. The writes are data_model.services.editions (checked and audited)."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from data_model import clock
from data_model.metrics.editions import DRAFT, EditionChoices, EditionInfo, programme_editions
from data_model.models.choices import APPROVERS
from data_model.permissions import CurrentUser, PermissionDenied
from data_model.services.editions import start_next_edition, update_edition
from data_model.services.errors import ValidationError

from .data import read_uncached, write
from .editions import approval_text, edition_label
from .formats import fmt_date
from .texts import lang, say, tr

EDITED_KEY = "pa_edition"
FEEDBACK_KEY = "pa_feedback_editions"
NEW_FIELDS = ("name_fi", "name_en", "period_start", "period_end")
APPROVAL_FIELDS = ("approved_by", "approved_on", "approval_section")


def admin_editions(user: CurrentUser) -> EditionChoices:
    """The editions as they are this moment (read once per render of the admin page)."""
    return read_uncached(programme_editions, user, clock.today())


def edited_edition(choices: EditionChoices) -> EditionInfo:
    """The edition the content tabs edit: the one in force, or the one chosen (a draft of the
    next edition, say)."""
    if len(choices.editions) == 1:
        return choices.in_force
    ids = [edition.id for edition in choices.editions]
    if st.session_state.get(EDITED_KEY) not in ids:
        draft = next((edition.id for edition in choices.editions if edition.state == DRAFT), None)
        st.session_state[EDITED_KEY] = draft or choices.in_force_id
    picked = st.selectbox(
        tr("editions.admin.edited"),
        ids,
        format_func=lambda edition_id: edition_label(choices.get(edition_id)),
        key=EDITED_KEY,
        placeholder=tr("app.choose_one"),
        help=tr("editions.admin.edited_help"),
    )
    return choices.get(picked)


def _report(action: str, run: Any) -> None:
    """Run one write; keep its outcome for the tab to show."""
    try:
        with write() as session:
            run(session)
    except ValidationError as error:
        st.session_state[FEEDBACK_KEY] = ("error", [say(m) for m in error.errors.values()])
        return
    except PermissionDenied as error:
        st.session_state[FEEDBACK_KEY] = ("error", [say(error.message)])
        return
    st.session_state[FEEDBACK_KEY] = ("success", [tr(f"editions.admin.{action}_done")])


def _start(user: CurrentUser) -> None:
    values = {name: st.session_state.get(f"pa_ed_new_{name}") for name in NEW_FIELDS}

    def run(session: Any) -> None:
        created = start_next_edition(session, user, values, clock.today())
        st.session_state[EDITED_KEY] = created["id"]

    _report("started", run)


def _update(user: CurrentUser, edition_id: int) -> None:
    changes = {
        name: st.session_state.get(f"pa_ed_{edition_id}_{name}") for name in (*NEW_FIELDS, *APPROVAL_FIELDS)
    }
    _report("saved", lambda session: update_edition(session, user, edition_id, changes))


def _date_field(name: str, key: str, current: date | None) -> None:
    st.date_input(tr(f"editions.field.{name}"), value=current, format="DD.MM.YYYY", key=key)


def _list(choices: EditionChoices) -> None:
    st.table(
        [
            {
                tr("editions.admin.col.name"): edition.name(lang()),
                tr(
                    "editions.admin.col.period"
                ): f"{fmt_date(edition.period_start)}–{fmt_date(edition.period_end)}",
                tr("editions.admin.col.approval"): approval_text(edition),
                tr("editions.admin.col.state"): tr(f"editions.state.{edition.state}"),
            }
            for edition in choices.editions
        ],
        hide_index=True,
    )


def _edit_form(user: CurrentUser, edition: EditionInfo) -> None:
    key = f"pa_ed_{edition.id}_"
    with st.form(f"pa_ed_form_{edition.id}"):
        st.markdown(tr("editions.admin.edit_title", name=edition.name(lang())))
        st.text_input(tr("editions.field.name_fi"), value=edition.name_fi, key=key + "name_fi", max_chars=200)
        st.text_input(tr("editions.field.name_en"), value=edition.name_en, key=key + "name_en", max_chars=200)
        _date_field("period_start", key + "period_start", edition.period_start)
        _date_field("period_end", key + "period_end", edition.period_end)
        st.caption(tr("editions.admin.approval_help"))
        options = ["", *APPROVERS]
        st.selectbox(
            tr("editions.field.approved_by"),
            options,
            index=options.index(edition.approved_by or ""),
            format_func=lambda body: tr(f"term.approver.{body}") if body else tr("editions.admin.not_yet"),
            key=key + "approved_by",
            placeholder=tr("app.choose_one"),
        )
        _date_field("approved_on", key + "approved_on", edition.approved_on)
        st.text_input(
            tr("editions.field.approval_section"),
            value=str(edition.approval_section or ""),
            key=key + "approval_section",
            max_chars=8,
        )
        st.form_submit_button(
            tr("editions.admin.save"),
            on_click=_update,
            args=(user, edition.id),
            type="primary",
            key=key + "submit",
        )


def _start_form(user: CurrentUser, choices: EditionChoices) -> None:
    with st.form("pa_ed_new"):
        st.markdown(tr("editions.admin.start_title", name=choices.in_force.name(lang())))
        st.caption(tr("editions.admin.start_help"))
        st.text_input(tr("editions.field.name_fi") + " *", key="pa_ed_new_name_fi", max_chars=200)
        st.text_input(tr("editions.field.name_en"), key="pa_ed_new_name_en", max_chars=200)
        _date_field("period_start", "pa_ed_new_period_start", None)
        _date_field("period_end", "pa_ed_new_period_end", None)
        st.form_submit_button(
            tr("editions.admin.start"), on_click=_start, args=(user,), type="primary", key="pa_ed_new_submit"
        )


def draw_editions(user: CurrentUser, choices: EditionChoices, edited: EditionInfo) -> None:
    """The editions tab: the list, the form of the edition being edited, and the start of the next."""
    _list(choices)
    kind, messages = st.session_state.pop(FEEDBACK_KEY, (None, []))
    for message in messages:
        (st.success if kind == "success" else st.error)(message)
    _edit_form(user, edited)
    if not any(edition.state == DRAFT for edition in choices.editions):
        _start_form(user, choices)
    else:
        st.caption(tr("editions.admin.draft_pending"))
