"""Osallisuuden kokemus: the coordinator records, edits, deletes and restores survey results
on residents' experience of participation, or imports them from CSV or Excel with a preview of
every bad row before anything is saved. The Reach page shows them beside the groups' reach."""

import streamlit as st

from data_model.imports.experience import (
    experience_template_csv,
    experience_template_xlsx,
    import_experience,
    preview_experience_import,
)
from data_model.metrics.drilldown import filter_options
from data_model.metrics.experience import StoredResult, stored_results
from data_model.models.choices import EXPERIENCE_SURVEYS
from data_model.permissions import PermissionDenied
from data_model.services.actions import ActionNotFound, VersionConflict
from data_model.services.experience import (
    create_experience,
    restore_experience,
    soft_delete_experience,
    update_experience,
)
from data_model.validation import ValidationError
from data_model.validation.experience import ExperienceInput
from pages.widgets.action_form import flash
from pages.widgets.data import read, versions_of, write
from pages.widgets.file_import import (
    checked_once,
    import_on_confirm,
    preview_or_stop,
    template_downloads,
    upload,
)
from pages.widgets.formats import fmt_count, fmt_decimal
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.texts import lang, say, tr

BASE = "experience"
NEW = 0
EVERYONE = ""
NUMBERS = ("score", "agree_pct", "neutral_pct", "disagree_pct")

user = page_user("experience")
st.title(tr("page.experience"))
flash(BASE)
st.write(tr("experience_admin.intro"))

results = read(stored_results, user)
options = read(filter_options, user)
# The group a result describes, as one choice: everyone, an audience group or an area.
scopes = {EVERYONE: tr("experience.group.everyone")}
scopes |= {f"group:{label.id}": label.name(lang()) for label in options.groups}
scopes |= {f"area:{label.id}": label.name(lang()) for label in options.areas}


def scope_of(result: StoredResult) -> str:
    if result.audience_group_id is not None:
        return f"group:{result.audience_group_id}"
    return f"area:{result.area_id}" if result.area_id is not None else EVERYONE


def number_text(value: float | None) -> str:
    return "" if value is None else fmt_decimal(value, 0 if float(value).is_integer() else 1)


def describe(result: StoredResult) -> str:
    text = f"{result.year} · {tr(f'experience.survey.{result.survey}')} · {scopes.get(scope_of(result), '')}"
    return text + (f" ({tr('experience_admin.deleted')})" if result.deleted else "")


def form_input(key: str) -> ExperienceInput:
    scope = st.session_state[f"{key}.scope"]
    kind, _, number = scope.partition(":")
    return ExperienceInput(
        survey=st.session_state[f"{key}.survey"],
        year=st.session_state[f"{key}.year"],
        audience_group_id=int(number) if kind == "group" else None,
        area_id=int(number) if kind == "area" else None,
        respondents=st.session_state[f"{key}.respondents"],
        source_name=st.session_state[f"{key}.source_name"],
        source_url=st.session_state[f"{key}.source_url"],
        **{name: st.session_state[f"{key}.{name}"] for name in NUMBERS},
    )


def save(chosen: StoredResult | None, key: str) -> None:
    """Submit callback: write through the service; keep the messages for the form."""
    try:
        with write() as session:
            if chosen is None:
                create_experience(session, user, form_input(key))
            else:
                update_experience(session, user, chosen.id, chosen.version, form_input(key))
    except ValidationError as error:
        st.session_state[f"{BASE}.errors"] = [
            f"{tr(f'experience.field.{name}')}: {say(message)}" for name, message in error.errors.items()
        ]
        return
    except (PermissionDenied, VersionConflict, ActionNotFound) as error:
        st.session_state[f"{BASE}.errors"] = [say(error.message)]
        return
    st.session_state[f"{BASE}.flash"] = tr("experience_admin.saved")


def delete_or_restore(chosen: StoredResult) -> None:
    try:
        with write() as session:
            if chosen.deleted:
                restore_experience(session, user, chosen.id)
            else:
                soft_delete_experience(session, user, chosen.id)
    except (ValidationError, PermissionDenied, ActionNotFound) as error:
        messages = error.errors.values() if isinstance(error, ValidationError) else [error.message]
        st.session_state[f"{BASE}.errors"] = [say(message) for message in messages]
        return
    st.session_state[f"{BASE}.flash"] = tr(
        "experience_admin.restored" if chosen.deleted else "experience_admin.deleted_done"
    )


st.header(tr("experience_admin.record"), anchor=False)
by_id = {result.id: result for result in results}
chosen_id = st.selectbox(
    tr("experience_admin.choose"),
    [NEW, *by_id],
    format_func=lambda number: tr("experience_admin.new") if number == NEW else describe(by_id[number]),
    key=f"{BASE}.choose",
    placeholder=tr("app.choose_one"),
)
chosen = by_id.get(chosen_id or NEW)
key = f"{BASE}.form.{chosen.id if chosen else NEW}"
with st.form(key):
    st.selectbox(
        tr("experience.field.survey"),
        EXPERIENCE_SURVEYS,
        index=EXPERIENCE_SURVEYS.index(chosen.survey) if chosen else 0,
        format_func=lambda code: tr(f"experience.survey.{code}"),
        key=f"{key}.survey",
        placeholder=tr("app.choose_one"),
    )
    left, right = st.columns(2)
    left.text_input(tr("experience.field.year"), value=str(chosen.year) if chosen else "", key=f"{key}.year")
    right.selectbox(
        tr("experience.field.audience_group_id"),
        list(scopes),
        index=list(scopes).index(scope_of(chosen)) if chosen and scope_of(chosen) in scopes else 0,
        format_func=lambda scope: scopes[scope],
        key=f"{key}.scope",
        placeholder=tr("app.choose_one"),
        help=tr("experience_admin.group_help"),
    )
    left.text_input(
        tr("experience.field.respondents"),
        value=str(chosen.respondents) if chosen else "",
        key=f"{key}.respondents",
    )
    right.text_input(
        tr("experience.field.score"),
        value=number_text(chosen.score) if chosen else "",
        key=f"{key}.score",
        help=tr("experience_admin.score_help"),
    )
    for column, name in zip(st.columns(3), NUMBERS[1:], strict=True):
        column.text_input(
            tr(f"experience.field.{name}"),
            value=number_text(getattr(chosen, name)) if chosen else "",
            key=f"{key}.{name}",
        )
    st.text_input(
        tr("experience.field.source_name"),
        value=chosen.source_name if chosen else "",
        key=f"{key}.source_name",
    )
    st.text_input(
        tr("experience.field.source_url"), value=chosen.source_url if chosen else "", key=f"{key}.source_url"
    )
    st.form_submit_button(
        tr("experience_admin.save"),
        on_click=save,
        args=(chosen, key),
        type="primary",
        disabled=bool(chosen and chosen.deleted),
    )
for message in st.session_state.pop(f"{BASE}.errors", []):
    st.error(plain(message), icon=":material/error:")
if chosen is not None:
    st.button(
        tr("experience_admin.restore" if chosen.deleted else "experience_admin.delete"),
        on_click=delete_or_restore,
        args=(chosen,),
        key=f"{BASE}.delete.{chosen.id}",
    )


st.header(tr("experience_admin.import"), anchor=False)
st.write(tr("experience_admin.import_intro"))
template_downloads(experience_template_csv(user), experience_template_xlsx(user), "kyselytulokset-pohja")
file = upload(BASE)
preview = checked_once(BASE, preview_experience_import, user, *file, versions_of(stored_results))
preview_or_stop(
    preview.rows,
    preview.problems,
    {
        tr("import.col.row"): lambda row: row.row,
        tr("experience.col.survey"): lambda row: row.survey,
        tr("experience.col.year"): lambda row: row.year,
        tr("experience.col.group"): lambda row: row.group,
        tr("experience.col.respondents"): lambda row: row.respondents,
        tr("experience.col.result"): lambda row: row.value,
        tr("import.col.ok"): lambda row: row.ok,
    },
)
import_on_confirm(
    BASE,
    tr("experience_admin.import_confirm", count=fmt_count(len(preview.rows), "result")),
    import_experience,
    user,
    file,
    lambda count: tr("experience_admin.imported", count=fmt_count(count, "result")),
)
