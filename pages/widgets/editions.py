"""The one edition selector of the programme pages: which edition of the programme the page
shows (the one in force by default, an earlier one or a draft of the next on request), said
in words with its period and approval."""

from __future__ import annotations

from datetime import date

import streamlit as st

from data_model.metrics.editions import DRAFT, EditionChoices, EditionInfo, programme_editions
from data_model.permissions import CurrentUser

from .data import read
from .formats import fmt_date
from .markdown import plain
from .texts import lang, tr

PICK_KEY = "programme_edition"


def edition_label(edition: EditionInfo) -> str:
    """The edition's name and its state, as the selector lists it."""
    return tr("editions.option", name=edition.name(lang()), state=tr(f"editions.state.{edition.state}"))


def approval_text(edition: EditionInfo) -> str:
    """Who approved the edition, when and under which §; or that it is a draft."""
    if edition.approved_on is None or edition.approved_by is None:
        return tr("editions.not_approved")
    return tr(
        "editions.approval",
        body=tr(f"term.approver.{edition.approved_by}"),
        day=fmt_date(edition.approved_on),
        section=edition.approval_section or "–",
    )


def describe_edition(edition: EditionInfo, today: date) -> None:
    """Say which edition the page shows: name, period, approval, and what its figures read."""
    st.info(
        tr(
            "editions.shown",
            name=plain(edition.name(lang())),
            start=fmt_date(edition.period_start),
            end=fmt_date(edition.period_end),
            approval=approval_text(edition),
        )
    )
    if edition.state == DRAFT:
        st.caption(tr("editions.draft_note"))
    elif edition.window.end is not None and edition.window.end < today:
        st.caption(tr("editions.earlier_note", day=fmt_date(edition.window.end)))


def edition_selector(user: CurrentUser, today: date) -> EditionInfo:
    """The edition this page shows (one read of the editions per render); a select box only
    when there is more than one edition to choose from."""
    choices: EditionChoices = read(programme_editions, user, today)
    chosen = choices.in_force
    if len(choices.editions) > 1:
        ids = [edition.id for edition in choices.editions]
        if st.session_state.get(PICK_KEY) not in ids:
            # The default through the state, never both a default and a state (Streamlit warns).
            st.session_state[PICK_KEY] = choices.in_force_id
        picked = st.selectbox(
            tr("editions.pick"),
            ids,
            format_func=lambda edition_id: edition_label(choices.get(edition_id)),
            key=PICK_KEY,
            placeholder=tr("app.choose_one"),
        )
        chosen = choices.get(picked)
    describe_edition(chosen, today)
    return chosen
