"""Kuntalaisaloitteet: the register of municipal initiatives (KL 23 §), its figures, and a form
to register one or record its decision and the answer to the initiator.

Everyone reads the register; the coordinator edits every initiative, a department head those
their department handles (the services check it again). The sidebar's period and department
filters choose the figures and the list alike.
"""

import pandas as pd
import streamlit as st

from data_model import clock
from data_model.i18n import Message
from data_model.metrics.actions_list import action_choices
from data_model.metrics.initiatives import (
    InitiativeFigures,
    InitiativeFilter,
    InitiativeRow,
    initiative_figures,
    list_initiatives,
)
from data_model.models.choices import INITIATOR_KINDS
from data_model.permissions import can, chooses_department
from data_model.services.initiatives import (
    create_initiative,
    restore_initiative,
    soft_delete_initiative,
    update_initiative,
)
from data_model.validation.initiatives import InitiativeInput
from pages.widgets.action_form import date_field, flash, generation_prefix, save_with_messages
from pages.widgets.data import read, write
from pages.widgets.filters import metric_filters, period_text
from pages.widgets.formats import fmt_count, fmt_date, fmt_int, fmt_pct
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.texts import freshness_note, lang, say, tr

BASE = "initiatives"
NEW = "new"
WRITE = "initiative.write"
OUTCOMES = ("unknown", "yes", "no")

user = page_user("initiatives")
st.title(tr("page.initiatives"))
flash(BASE)
st.write(tr("initiatives.intro"))
today = clock.today()
filters = metric_filters(today, user, about_actions=False)
st.caption(tr("overview.period", period=period_text(filters)))
freshness_note(user)


def voter_note(figures: InitiativeFigures) -> None:
    """Where the 2 % threshold comes from; an estimate is flagged as one."""
    voters = figures.voters
    if voters is None:
        st.warning(tr("initiative.voters.unknown"), icon=":material/info:")
        return
    values = {
        "count": fmt_int(voters.count),
        "threshold": fmt_int(voters.signatory_threshold),
        "year": str(voters.year or ""),
    }
    if voters.from_setting:
        st.caption(tr("initiative.voters.setting", **values))
    else:
        st.warning(tr("initiative.voters.estimate", **values), icon=":material/info:")


def figures_section() -> None:
    st.subheader(tr("initiatives.figures"), anchor=False)
    figures = read(initiative_figures, user, filters, today)
    columns = st.columns(4)
    columns[0].metric(tr("initiatives.metric.open"), fmt_int(figures.open), border=True)
    columns[1].metric(
        tr("initiatives.metric.past_limit"),
        fmt_int(figures.past_limit),
        help=tr("initiatives.metric.past_limit_help"),
        border=True,
    )
    columns[2].metric(
        tr("initiatives.metric.led_to_action"),
        fmt_pct(figures.action_share),
        help=tr("initiatives.metric.led_help", led=figures.led_to_action, known=figures.outcome_known),
        border=True,
    )
    columns[3].metric(tr("initiatives.metric.not_told"), fmt_int(figures.not_told), border=True)
    st.caption(
        tr(
            "initiatives.figures_note",
            day=fmt_date(figures.day),
            received=fmt_int(figures.received),
            decided=fmt_int(figures.decided),
            known=fmt_int(figures.outcome_known),
        )
    )
    if figures.outcome_known and figures.outcome_known < 5:
        st.caption(tr("initiatives.small_count", n=figures.outcome_known))
    voter_note(figures)
    for row in figures.past_limit_rows:
        st.error(
            plain(
                tr(
                    "initiatives.past_limit_item",
                    title=row.title,
                    received=fmt_date(row.received_date),
                    limit=fmt_date(row.limit_date),
                )
            ),
            icon=":material/schedule:",
        )


def outcome_label(value: bool | None) -> str:
    if value is None:
        return "–"
    return tr("initiative.outcome.yes" if value else "initiative.outcome.no")


def register_table(rows: list[InitiativeRow]) -> None:
    if not rows:
        st.info(tr("initiatives.none"))
        return
    st.caption(fmt_count(len(rows), "initiative"))
    st.dataframe(
        pd.DataFrame(
            {
                tr("initiative.field.received_date"): [fmt_date(r.received_date) for r in rows],
                tr("initiative.field.title"): [r.title for r in rows],
                tr("initiative.field.initiator_kind"): [
                    tr(f"term.initiator.{r.initiator_kind}") for r in rows
                ],
                tr("initiative.field.signatories"): [fmt_int(r.signatories) for r in rows],
                tr("initiative.field.department_id"): [r.department.name(lang()) for r in rows],
                tr("initiatives.col.council"): [
                    tr("council.yes" if r.council_competence else "council.no") for r in rows
                ],
                tr("initiatives.col.state"): [tr(f"term.initiative_state.{r.state(today)}") for r in rows],
                tr("initiative.field.decision_date"): [fmt_date(r.decision_date) for r in rows],
                tr("initiative.field.decision_ref"): [r.decision_ref or "–" for r in rows],
                tr("initiative.field.led_to_action"): [outcome_label(r.led_to_action) for r in rows],
                tr("initiative.field.told_date"): [fmt_date(r.told_date) for r in rows],
                tr("initiatives.col.demo"): [tr("council.yes" if r.is_demo else "council.no") for r in rows],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def register_section() -> list[InitiativeRow]:
    st.subheader(tr("initiatives.register"), anchor=False)
    first, second = st.columns(2)
    open_only = first.toggle(tr("initiatives.filter.open_only"), key="initiatives.f.open")
    council_only = second.toggle(tr("initiatives.filter.council_only"), key="initiatives.f.council")
    wanted = InitiativeFilter(
        start=filters.start,
        end=filters.end,
        department_id=filters.department_ids[0] if len(filters.department_ids) == 1 else None,
        open_only=open_only,
        council_only=council_only,
    )
    rows = read(list_initiatives, user, wanted)
    if len(filters.department_ids) > 1:
        rows = [row for row in rows if row.department.id in filters.department_ids]
    register_table(rows)
    return rows


def department_field(key: str, current: int | None) -> int | None:
    choices = read(action_choices, user)
    if not chooses_department(user, WRITE):
        names = {c.key: c.name(lang()) for c in choices.departments}
        st.text(tr("action.own_department", name=names.get(str(user.department_id), "–")))
        return user.department_id
    names = {
        c.key: c.name(lang()) for c in choices.departments if "active" in c.tags or c.key == str(current)
    }
    keys = list(names)
    picked = st.selectbox(
        tr("initiative.field.department_id"),
        keys,
        index=keys.index(str(current)) if current is not None and str(current) in keys else None,
        format_func=names.__getitem__,
        placeholder=tr("app.choose_one"),
        key=f"{key}.department",
    )
    return int(picked) if picked else None


def field_errors(errors: dict[str, Message], *names: str) -> None:
    for name in names:
        if name in errors:
            st.error(plain(say(errors[name])), icon=":material/error:")


def initiative_form(row: InitiativeRow | None) -> None:
    """The fields of one initiative; saving goes through the services."""
    key = f"{generation_prefix(BASE)}.{row.id if row else NEW}"
    errors: dict[str, Message] = st.session_state.get(f"{BASE}.errors", {})
    with st.form(f"{key}.form", enter_to_submit=False):
        received = date_field(
            tr("initiative.field.received_date"), row.received_date if row else None, f"{key}.received"
        )
        field_errors(errors, "received_date")
        title = st.text_input(
            tr("initiative.field.title"), value=row.title if row else "", max_chars=200, key=f"{key}.title"
        )
        field_errors(errors, "title")
        kinds = list(INITIATOR_KINDS)
        kind = st.selectbox(
            tr("initiative.field.initiator_kind"),
            kinds,
            index=kinds.index(row.initiator_kind) if row else None,
            format_func=lambda code: tr(f"term.initiator.{code}"),
            placeholder=tr("app.choose_one"),
            key=f"{key}.kind",
        )
        field_errors(errors, "initiator_kind")
        signatories = st.text_input(
            tr("initiative.field.signatories"),
            value=str(row.signatories) if row else "1",
            max_chars=12,
            help=tr("initiatives.signatories_help"),
            key=f"{key}.signatories",
        )
        field_errors(errors, "signatories")
        department_id = department_field(key, row.department.id if row else None)
        field_errors(errors, "department_id")
        council = st.checkbox(
            tr("initiative.field.council_competence"),
            value=row.council_competence if row else False,
            help=tr("initiatives.council_help"),
            key=f"{key}.council",
        )
        st.markdown(f"**{tr('initiatives.decision_heading')}**")
        decision = st.text_area(
            tr("initiative.field.decision"),
            value=row.decision if row else "",
            max_chars=5000,
            key=f"{key}.decision",
        )
        field_errors(errors, "decision")
        first, second = st.columns(2)
        with first:
            decided = date_field(
                tr("initiative.field.decision_date"), row.decision_date if row else None, f"{key}.decided"
            )
            field_errors(errors, "decision_date")
        with second:
            reference = st.text_input(
                tr("initiative.field.decision_ref"),
                value=row.decision_ref if row else "",
                max_chars=120,
                key=f"{key}.ref",
            )
            field_errors(errors, "decision_ref")
        current = (
            "unknown" if row is None or row.led_to_action is None else ("yes" if row.led_to_action else "no")
        )
        outcome = st.radio(
            tr("initiative.field.led_to_action"),
            OUTCOMES,
            index=OUTCOMES.index(current),
            format_func=lambda code: tr(f"initiatives.outcome_choice.{code}"),
            horizontal=True,
            key=f"{key}.outcome",
        )
        field_errors(errors, "led_to_action")
        st.markdown(f"**{tr('initiatives.told_heading')}**")
        first, second = st.columns(2)
        with first:
            told = date_field(tr("initiative.field.told_date"), row.told_date if row else None, f"{key}.told")
            field_errors(errors, "told_date")
        with second:
            method = st.text_input(
                tr("initiative.field.told_method"),
                value=row.told_method if row else "",
                max_chars=300,
                key=f"{key}.method",
            )
            field_errors(errors, "told_method")
        submitted = st.form_submit_button(tr("initiatives.save"), type="primary", key=f"{key}.submit")
    if not submitted:
        return
    data = InitiativeInput(
        received_date=received,
        title=title,
        initiator_kind=kind or "",
        signatories=signatories,
        department_id=department_id,
        council_competence=council,
        decision=decision,
        decision_date=decided,
        decision_ref=reference,
        led_to_action=None if outcome == "unknown" else outcome == "yes",
        told_date=told,
        told_method=method,
    )

    def save() -> str:
        with write() as session:
            if row is None:
                create_initiative(session, user, data)
            else:
                update_initiative(session, user, row.id, row.version, data)
        return tr("initiatives.saved")

    save_with_messages(BASE, save)


def editable(row: InitiativeRow) -> bool:
    return can(user, WRITE, row.department.id)


def delete_button(row: InitiativeRow) -> None:
    def remove() -> str:
        with write() as session:
            soft_delete_initiative(session, user, row.id)
        return tr("initiatives.deleted")

    if st.button(tr("initiatives.delete"), icon=":material/delete:", key=f"{BASE}.delete.{row.id}"):
        save_with_messages(BASE, remove)


def restore_section() -> None:
    removed = [row for row in read(list_initiatives, user, InitiativeFilter(deleted=True)) if editable(row)]
    if not removed:
        return
    with st.expander(tr("initiatives.restore_heading")):
        names = {row.id: f"{fmt_date(row.received_date)} · {row.title}" for row in removed}
        chosen = st.selectbox(
            tr("initiatives.restore_choose"),
            list(names),
            format_func=names.__getitem__,
            placeholder=tr("app.choose_one"),
            index=None,
            key=f"{BASE}.restore_choice",
        )

        def bring_back() -> str:
            with write() as session:
                restore_initiative(session, user, int(chosen or 0))
            return tr("initiatives.restored")

        if chosen is not None and st.button(tr("initiatives.restore"), key=f"{BASE}.restore"):
            save_with_messages(BASE, bring_back)


def edit_section(rows: list[InitiativeRow]) -> None:
    if not can(user, WRITE, user.department_id) and not chooses_department(user, WRITE):
        st.caption(tr("initiatives.read_only"))
        return
    st.subheader(tr("initiatives.edit_heading"), anchor=False)
    mine = [row for row in rows if editable(row)]
    names = {NEW: tr("initiatives.new")} | {
        str(row.id): f"{fmt_date(row.received_date)} · {row.title}" for row in mine
    }
    chosen = st.selectbox(
        tr("initiatives.choose"),
        list(names),
        format_func=names.__getitem__,
        placeholder=tr("app.choose_one"),
        key=f"{BASE}.choice",
    )
    row = next((item for item in mine if str(item.id) == chosen), None)
    initiative_form(row)
    if row is not None:
        delete_button(row)
    restore_section()


figures_section()
shown = register_section()
edit_section(shown)
st.caption(tr("initiatives.source"))
