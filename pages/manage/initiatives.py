"""Kuntalaisaloitteet: the register of municipal initiatives (KL 23 §), its figures, and a form
to register one or record its decision and the answer to the initiator.

Everyone reads the register; the coordinator edits every initiative, a department head those
their department handles (the services check it again). The sidebar's period and department
filters choose the figures and the list alike.
"""

import pandas as pd
import streamlit as st

from data_model import clock
from data_model.metrics.initiative_register import (
    InitiativeFilter,
    InitiativeRegister,
    InitiativeRow,
    initiative_register,
)
from data_model.metrics.initiatives import InitiativeFigures, initiative_figures
from data_model.permissions import can, chooses_department
from data_model.services.initiatives import restore_initiative, soft_delete_initiative
from pages.widgets.action_form import flash, save_with_messages
from pages.widgets.data import read, write
from pages.widgets.filters import metric_filters, period_text
from pages.widgets.formats import fmt_count, fmt_date, fmt_int, fmt_pct
from pages.widgets.freshness import freshness_note
from pages.widgets.guard import page_user
from pages.widgets.initiative_form import NEW, WRITE, initiative_form
from pages.widgets.markdown import plain
from pages.widgets.texts import lang, tr

BASE = "initiatives"

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


def register_section() -> InitiativeRegister:
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
    # The register, the deleted initiatives and the departments in one read (issue 12).
    register = read(initiative_register, user, wanted)
    rows = register.rows
    if len(filters.department_ids) > 1:
        rows = [row for row in rows if row.department.id in filters.department_ids]
    register_table(rows)
    return InitiativeRegister(rows, register.deleted, register.departments)


def editable(row: InitiativeRow) -> bool:
    return can(user, WRITE, row.department.id)


def delete_button(row: InitiativeRow) -> None:
    def remove() -> str:
        with write() as session:
            soft_delete_initiative(session, user, row.id)
        return tr("initiatives.deleted")

    if st.button(tr("initiatives.delete"), icon=":material/delete:", key=f"{BASE}.delete.{row.id}"):
        save_with_messages(BASE, remove)


def restore_section(deleted: list[InitiativeRow]) -> None:
    removed = [row for row in deleted if editable(row)]
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


def edit_section(register: InitiativeRegister) -> None:
    if not can(user, WRITE, user.department_id) and not chooses_department(user, WRITE):
        st.caption(tr("initiatives.read_only"))
        return
    st.subheader(tr("initiatives.edit_heading"), anchor=False)
    mine = [row for row in register.rows if editable(row)]
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
    initiative_form(user, BASE, row, register.departments)
    if row is not None:
        delete_button(row)
    restore_section(register.deleted)


figures_section()
shown = register_section()
edit_section(shown)
st.caption(tr("initiatives.source"))
