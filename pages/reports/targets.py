"""Tavoitteet: the targets set for the programme's figures and how each one stands.

Everyone reads the followed targets. The coordinator records decided targets, retires them,
and accepts or declines departments' proposals; a department head proposes targets for their
own department and sees their proposals. The services check all of it again.
"""

from functools import partial

import streamlit as st

from data_model import clock
from data_model.i18n import Message
from data_model.metrics.target_choices import target_choices
from data_model.metrics.targets import target_progress, target_proposals, target_title
from data_model.models.choices import TARGET_DIRECTIONS, TARGET_SETTERS
from data_model.permissions import can
from data_model.services.targets import decide_proposal, propose_target, record_target, retire_target
from data_model.target_rules import TargetInput
from pages.widgets.action_form import date_field, flash, generation_prefix, save_with_messages
from pages.widgets.data import read, write
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.target_edit import edit_target_form
from pages.widgets.targets_view import decided_line, progress_card
from pages.widgets.texts import lang, say, tr

BASE = "targets"


def retire(target_id: int) -> str:
    with write() as session:
        retire_target(session, user, target_id)
    return tr("targets.retired")


def decide(target_id: int, accept: bool, decision: str) -> str:
    with write() as session:
        decide_proposal(session, user, target_id, accept, decision)
    return tr("targets.accepted" if accept else "targets.declined")


user = page_user("targets")
today = clock.today()
records = can(user, "target.write")
proposes = not records and can(user, "target.propose", user.department_id)
st.title(tr("page.targets"))
flash(BASE)
st.write(tr("targets.intro"))

# --- the followed targets --------------------------------------------------------------------
st.header(tr("targets.followed"))
followed = read(target_progress, user, today)
if not followed:
    st.info(tr("targets.none"))
for progress in followed:
    with st.container(border=True):
        progress_card(progress)
        if records:
            edit_target_form(user, progress.target, BASE, today)
        if records and st.button(tr("targets.retire"), key=f"{BASE}.retire.{progress.target.id}"):
            save_with_messages(BASE, partial(retire, progress.target.id))

# --- proposals -------------------------------------------------------------------------------
if records or proposes:
    st.header(tr("targets.proposals"))
    proposals = read(target_proposals, user)
    if not proposals:
        st.caption(tr("targets.proposals_none"))
    for row in proposals:
        with st.container(border=True):
            st.markdown(f"**{plain(say(target_title(row)))}** · {tr(f'targets.lifecycle.{row.lifecycle}')}")
            st.caption(decided_line(row))
            if records and row.lifecycle == "proposed":
                decision = st.text_input(
                    tr("targets.field.decision"), max_chars=200, key=f"{BASE}.decision.{row.id}"
                )
                accept, decline = st.columns(2)
                accepted = accept.button(tr("targets.accept"), key=f"{BASE}.accept.{row.id}", type="primary")
                declined = decline.button(tr("targets.decline"), key=f"{BASE}.decline.{row.id}")
                if accepted or declined:
                    save_with_messages(BASE, partial(decide, row.id, accepted, decision))

# --- record or propose -----------------------------------------------------------------------
if records or proposes:
    st.header(tr("targets.record_heading" if records else "targets.propose_heading"))
    key = generation_prefix(BASE)
    errors: dict[str, Message] = st.session_state.get(f"{BASE}.errors", {})
    choices = read(target_choices, user)
    figures = {choice.key: choice for choice in choices.figures}
    figure = st.selectbox(
        tr("targets.field.figure"),
        list(figures),
        index=None,
        format_func=lambda code: (
            tr("term.metric.score") if code == "balance_score" else tr(f"targets.figure.{code}")
        ),
        placeholder=tr("app.choose_one"),
        key=f"{key}.figure",
    )
    chosen = figures.get(figure) if figure else None
    with st.form(f"{key}.form", enter_to_submit=False):
        subject = None
        if chosen is not None and chosen.subject is not None:
            options = {
                c.key: c.name(lang())
                for c in (choices.groups if chosen.subject == "group" else choices.forms)
            }
            subject = st.selectbox(
                tr(f"targets.field.subject_{chosen.subject}"),
                list(options),
                index=None,
                format_func=options.__getitem__,
                placeholder=tr("app.choose_one"),
                key=f"{key}.subject",
            )
        departments = {c.key: c.name(lang()) for c in choices.departments}
        if records:
            scope = st.selectbox(
                tr("targets.field.scope"),
                ["", *departments],
                format_func=lambda code: departments.get(code, tr("targets.scope.city")),
                placeholder=tr("app.choose_one"),
                key=f"{key}.scope",
            )
            department_id = int(scope) if scope else None
        else:
            department_id = user.department_id
            st.text(tr("targets.own_department", name=departments.get(str(department_id), "–")))
        first, second = st.columns(2)
        with first:
            start = date_field(tr("targets.field.period_start"), None, f"{key}.start")
        with second:
            end = date_field(tr("targets.field.period_end"), None, f"{key}.end")
        unit = chosen.unit if chosen is not None else "count"
        value = st.text_input(tr(f"targets.field.value_{unit}"), max_chars=20, key=f"{key}.value")
        direction = st.radio(
            tr("targets.field.direction"),
            TARGET_DIRECTIONS,
            format_func=lambda code: tr(f"targets.direction.{code}"),
            horizontal=True,
            key=f"{key}.direction",
        )
        set_by, decision = "department", ""
        if records:
            set_by = st.selectbox(
                tr("targets.field.set_by"),
                TARGET_SETTERS,
                format_func=lambda code: tr(f"targets.set_by.{code}"),
                placeholder=tr("app.choose_one"),
                key=f"{key}.set_by",
            )
            decision = st.text_input(
                tr("targets.field.decision"),
                max_chars=200,
                placeholder=tr("targets.decision_example"),
                key=f"{key}.decision",
            )
        note = st.text_area(tr("targets.field.note"), max_chars=2000, key=f"{key}.note")
        for name, message in errors.items():
            st.error(plain(f"{tr(f'targets.field.{name}')}: {say(message)}"), icon=":material/error:")
        submitted = st.form_submit_button(
            tr("targets.record" if records else "targets.propose"), type="primary", key=f"{key}.submit"
        )
    if submitted:
        data = TargetInput(
            figure=figure or "",
            subject=subject,
            department_id=department_id,
            period_start=start,
            period_end=end,
            target_value=value,
            direction=direction or "",
            set_by=set_by or "",
            decision=decision,
            note=note,
        )

        def save() -> str:
            with write() as session:
                if records:
                    record_target(session, user, data, today)
                else:
                    propose_target(session, user, data, today)
            return tr("targets.saved" if records else "targets.proposed")

        save_with_messages(BASE, save)
