"""The coordinator's correction of a followed target, inside its card: its period, value,
direction, who set it and where, and the note. What the target measures (the figure, its group
or form, its scope) stays: a different figure is a different target, recorded anew."""

from __future__ import annotations

from datetime import date

import streamlit as st

from data_model.i18n import Message
from data_model.metrics.targets import TargetRow
from data_model.models.choices import TARGET_DIRECTIONS, TARGET_SETTERS
from data_model.permissions import CurrentUser
from data_model.services.targets import edit_target
from data_model.target_rules import TargetInput

from .action_form import date_field, generation_prefix, save_with_messages
from .data import write
from .markdown import plain
from .texts import say, tr


def typed_value(row: TargetRow) -> str:
    """The stored target value as the form takes it: a share as a percentage, decimals with a comma."""
    number = row.target_value * 100 if row.unit == "share" else row.target_value
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def edit_target_form(user: CurrentUser, row: TargetRow, flash_to: str, today: date) -> None:
    """An expander with the target's correction form; the save goes through edit_target."""
    base = f"targets.edit.{row.id}"
    key = generation_prefix(base)
    errors: dict[str, Message] = st.session_state.get(f"{base}.errors", {})
    with (
        st.expander(tr("targets.edit"), expanded=bool(errors)),
        st.form(f"{key}.form", enter_to_submit=False),
    ):
        first, second = st.columns(2)
        with first:
            start = date_field(tr("targets.field.period_start"), row.period_start, f"{key}.start")
        with second:
            end = date_field(tr("targets.field.period_end"), row.period_end, f"{key}.end")
        value = st.text_input(
            tr(f"targets.field.value_{row.unit}"), value=typed_value(row), max_chars=20, key=f"{key}.value"
        )
        direction = st.radio(
            tr("targets.field.direction"),
            TARGET_DIRECTIONS,
            index=TARGET_DIRECTIONS.index(row.direction),
            format_func=lambda code: tr(f"targets.direction.{code}"),
            horizontal=True,
            key=f"{key}.direction",
        )
        set_by = st.selectbox(
            tr("targets.field.set_by"),
            TARGET_SETTERS,
            index=TARGET_SETTERS.index(row.set_by),
            format_func=lambda code: tr(f"targets.set_by.{code}"),
            placeholder=tr("app.choose_one"),
            key=f"{key}.set_by",
        )
        decision = st.text_input(
            tr("targets.field.decision"), value=row.decision, max_chars=200, key=f"{key}.decision"
        )
        note = st.text_area(tr("targets.field.note"), value=row.note, max_chars=2000, key=f"{key}.note")
        for name, message in errors.items():
            st.error(plain(f"{tr(f'targets.field.{name}')}: {say(message)}"), icon=":material/error:")
        submitted = st.form_submit_button(tr("targets.edit_save"), type="primary", key=f"{key}.submit")
    if submitted:
        data = TargetInput(
            figure=row.figure,
            subject=row.subject.code if row.subject is not None else None,
            department_id=row.department.id if row.department is not None else None,
            period_start=start,
            period_end=end,
            target_value=value,
            direction=direction or row.direction,
            set_by=set_by or row.set_by,
            decision=decision,
            note=note,
        )

        def save() -> str:
            with write() as session:
                edit_target(session, user, row.id, data, today)
            return tr("targets.edited")

        save_with_messages(base, save, flash_to=flash_to)
