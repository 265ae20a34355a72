"""The form of one municipal initiative (KL 23 §): registering it, its decision and the answer
to the initiator. The Kuntalaisaloitteet page draws it for the initiative chosen."""

from __future__ import annotations

import streamlit as st

from data_model.i18n import Message
from data_model.metrics.actions_list import Choice
from data_model.metrics.initiative_register import InitiativeRow
from data_model.models.choices import INITIATOR_KINDS
from data_model.permissions import CurrentUser, chooses_department
from data_model.services.initiatives import create_initiative, update_initiative
from data_model.validation.initiatives import InitiativeInput

from .action_form import date_field, generation_prefix, save_with_messages
from .data import write
from .markdown import plain
from .texts import lang, say, tr

NEW = "new"
WRITE = "initiative.write"
OUTCOMES = ("unknown", "yes", "no")


def _department_field(
    user: CurrentUser, departments: tuple[Choice, ...], key: str, current: int | None
) -> int | None:
    if not chooses_department(user, WRITE):
        names = {c.key: c.name(lang()) for c in departments}
        st.text(tr("action.own_department", name=names.get(str(user.department_id), "–")))
        return user.department_id
    names = {c.key: c.name(lang()) for c in departments if "active" in c.tags or c.key == str(current)}
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


def _field_errors(errors: dict[str, Message], *names: str) -> None:
    for name in names:
        if name in errors:
            st.error(plain(say(errors[name])), icon=":material/error:")


def initiative_form(
    user: CurrentUser, base: str, row: InitiativeRow | None, departments: tuple[Choice, ...]
) -> None:
    """The fields of one initiative (None: a new one), under keys of `base`; saving goes
    through the services, which check the user again."""
    key = f"{generation_prefix(base)}.{row.id if row else NEW}"
    errors: dict[str, Message] = st.session_state.get(f"{base}.errors", {})
    with st.form(f"{key}.form", enter_to_submit=False):
        received = date_field(
            tr("initiative.field.received_date"), row.received_date if row else None, f"{key}.received"
        )
        _field_errors(errors, "received_date")
        title = st.text_input(
            tr("initiative.field.title"), value=row.title if row else "", max_chars=200, key=f"{key}.title"
        )
        _field_errors(errors, "title")
        kinds = list(INITIATOR_KINDS)
        kind = st.selectbox(
            tr("initiative.field.initiator_kind"),
            kinds,
            index=kinds.index(row.initiator_kind) if row else None,
            format_func=lambda code: tr(f"term.initiator.{code}"),
            placeholder=tr("app.choose_one"),
            key=f"{key}.kind",
        )
        _field_errors(errors, "initiator_kind")
        signatories = st.text_input(
            tr("initiative.field.signatories"),
            value=str(row.signatories) if row else "1",
            max_chars=12,
            help=tr("initiatives.signatories_help"),
            key=f"{key}.signatories",
        )
        _field_errors(errors, "signatories")
        department_id = _department_field(user, departments, key, row.department.id if row else None)
        _field_errors(errors, "department_id")
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
        _field_errors(errors, "decision")
        first, second = st.columns(2)
        with first:
            decided = date_field(
                tr("initiative.field.decision_date"), row.decision_date if row else None, f"{key}.decided"
            )
            _field_errors(errors, "decision_date")
        with second:
            reference = st.text_input(
                tr("initiative.field.decision_ref"),
                value=row.decision_ref if row else "",
                max_chars=120,
                key=f"{key}.ref",
            )
            _field_errors(errors, "decision_ref")
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
        _field_errors(errors, "led_to_action")
        st.markdown(f"**{tr('initiatives.told_heading')}**")
        first, second = st.columns(2)
        with first:
            told = date_field(tr("initiative.field.told_date"), row.told_date if row else None, f"{key}.told")
            _field_errors(errors, "told_date")
        with second:
            method = st.text_input(
                tr("initiative.field.told_method"),
                value=row.told_method if row else "",
                max_chars=300,
                key=f"{key}.method",
            )
            _field_errors(errors, "told_method")
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

    save_with_messages(base, save)
