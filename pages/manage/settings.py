"""Ohjelman sisältö: the coordinator keeps the programme's content and reference data current.

One tab per kind of content: choose an item (or a new one), edit it in a form, save. The save
runs in the submit button's callback, before the page is drawn again, so the page shows the
saved values at once; on a validation error the typed values stay in the form with the
messages under it. Retiring keeps the item (and everything logged against it)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from data_model.i18n import Message
from data_model.indicators import INDICATORS
from data_model.permissions import PermissionDenied
from data_model.services.errors import ValidationError
from data_model.services.programme import (
    create_item,
    editable_items,
    population_warnings,
    reference_options,
    set_active,
    update_item,
)
from data_model.services.programme_fields import ENTITIES, SETTINGS, Field
from data_model.services.settings import settings_values, update_setting
from pages.widgets.data import read_uncached, write
from pages.widgets.edition_admin import admin_editions, draw_editions, edited_edition
from pages.widgets.formats import shown_cells
from pages.widgets.guard import page_user
from pages.widgets.official_population import draw_official_population
from pages.widgets.texts import say, tr

NEW = 0  # the "new item" choice in an item picker
TEXT_AREA_FROM = 400  # longer texts get a text area
TITLE_FIELDS = ("text_fi", "name_fi", "name", "year")

user = page_user("programme_admin")
st.title(tr("page.programme_admin"))
st.write(tr("programme_admin.intro"))
# The programme's items are edited in one edition: the one in force, or the one chosen.
editions = admin_editions(user)
edition = edited_edition(editions)


def widget_key(entity: str, item_id: int, name: str) -> str:
    return f"pa_{entity}_{item_id}_{name}"


def feedback_key(entity: str) -> str:
    return f"pa_feedback_{entity}"


def picker_key(entity: str) -> str:
    return f"pa_pick_{entity}"


def form_values(entity: str, item_id: int) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, spec in ENTITIES[entity].fields.items():
        value = st.session_state.get(widget_key(entity, item_id, name))
        if spec.kind in ("ref", "indicator") and value == "":
            value = None
        values[name] = value
    return values


def save(entity: str, item_id: int) -> None:
    """Submit callback: write through the service; keep errors for the form to show."""
    try:
        with write() as session:
            if item_id == NEW:
                created = create_item(session, user, entity, form_values(entity, item_id), edition.id)
            else:
                update_item(session, user, entity, item_id, form_values(entity, item_id))
    except ValidationError as error:
        st.session_state[feedback_key(entity)] = ("error", [say(m) for m in error.errors.values()])
        return
    except PermissionDenied as error:
        st.session_state[feedback_key(entity)] = ("error", [say(error.message)])
        return
    if item_id == NEW:
        # Show the new item in the form, and start the next new one empty.
        for name in ENTITIES[entity].fields:
            st.session_state.pop(widget_key(entity, NEW, name), None)
        st.session_state[picker_key(entity)] = created["id"]
    st.session_state[feedback_key(entity)] = ("success", [tr("programme_admin.saved")])


def toggle_active(entity: str, item_id: int, active: bool) -> None:
    """Retire or restore callback."""
    try:
        with write() as session:
            set_active(session, user, entity, item_id, active)
    except (ValidationError, PermissionDenied) as error:
        messages = (
            [say(m) for m in error.errors.values()]
            if isinstance(error, ValidationError)
            else [say(error.message)]
        )
        st.session_state[feedback_key(entity)] = ("error", messages)
        return
    message = "programme_admin.restored" if active else "programme_admin.retired"
    st.session_state[feedback_key(entity)] = ("success", [tr(message)])


def show_feedback(entity: str) -> None:
    kind, messages = st.session_state.pop(feedback_key(entity), (None, []))
    for message in messages:
        (st.success if kind == "success" else st.error)(message)


def item_title(item: dict[str, Any], groups: dict[str, str]) -> str:
    title = next((str(item[name]) for name in TITLE_FIELDS if item.get(name) not in (None, "")), "")
    if "count" in item:  # a population figure: year and the group's name (not its code)
        group = item["audience_group"]
        title = f"{item['year']} · {groups.get(group, group) if group else tr('programme_admin.whole_population')}"
    title = title if len(title) <= 90 else title[:89] + "…"
    return title + (f" ({tr('programme_admin.retired_mark')})" if item.get("active") is False else "")


def draw_field(entity: str, item_id: int, name: str, spec: Field, current: Any) -> None:
    key = widget_key(entity, item_id, name)
    label = tr(f"programme_admin.field.{name}") + (" *" if spec.required else "")
    if spec.kind == "text":
        widget = st.text_area if spec.max_length >= TEXT_AREA_FROM else st.text_input
        widget(label, value=current or "", key=key, max_chars=spec.max_length)
    elif spec.kind == "int":
        st.text_input(label, value="" if current is None else str(current), key=key)
    elif spec.kind == "bool":
        st.checkbox(label, value=bool(current), key=key)
    elif spec.kind == "choice":
        options = list(spec.choices)
        st.selectbox(
            label,
            options,
            index=options.index(current) if current in options else 0,
            format_func=lambda value: tr(f"term.{name}.{value}"),
            key=key,
            placeholder=tr("app.choose_one"),
        )
    elif spec.kind == "indicator":
        options = ["", *INDICATORS]
        st.selectbox(
            label,
            options,
            index=options.index(current) if current in options else 0,
            format_func=lambda value: tr(
                f"indicator.{value}.label" if value else "programme_admin.no_indicator"
            ),
            key=key,
            placeholder=tr("app.choose_one"),
        )
    else:
        choices = dict(read_uncached(reference_options, user, entity, name, edition.id))
        if spec.kind == "refs":
            st.multiselect(
                label,
                list(choices),
                default=current or [],
                format_func=lambda code: choices[code],
                key=key,
                placeholder=tr("app.choose_many"),
                select_all=False,
            )
        else:
            options = list(choices) if spec.required else ["", *choices]
            st.selectbox(
                label,
                options,
                index=options.index(current) if current in options else 0,
                format_func=lambda code: choices.get(code, tr("programme_admin.whole_population")),
                key=key,
                placeholder=tr("app.choose_one"),
            )


def draw_entity(entity: str) -> None:
    spec = ENTITIES[entity]
    items = read_uncached(editable_items, user, entity, edition.id)
    by_id = {item["id"]: item for item in items}
    # Population figures are titled by their group's name: the names read once, not per item.
    groups = (
        dict(read_uncached(reference_options, user, entity, "audience_group"))
        if entity == "population"
        else {}
    )
    if st.session_state.get(picker_key(entity)) not in (NEW, *by_id):
        st.session_state.pop(picker_key(entity), None)
    chosen = st.selectbox(
        tr("programme_admin.choose"),
        [NEW, *by_id],
        format_func=lambda item_id: (
            tr("programme_admin.new") if item_id == NEW else item_title(by_id[item_id], groups)
        ),
        key=picker_key(entity),
        placeholder=tr("app.choose_one"),
    )
    current = by_id.get(chosen, {})
    if entity == "population":
        for warning in read_uncached(population_warnings, user):
            st.warning(say(warning), icon=":material/warning:")
    with st.form(f"pa_form_{entity}_{chosen}"):
        for name, field in spec.fields.items():
            draw_field(entity, chosen, name, field, current.get(name))
        st.form_submit_button(
            tr("programme_admin.create" if chosen == NEW else "programme_admin.save"),
            on_click=save,
            args=(entity, chosen),
            type="primary",
            key=f"pa_submit_{entity}_{chosen}",
        )
    show_feedback(entity)
    if chosen != NEW and spec.retirable:
        active = bool(current.get("active"))
        st.button(
            tr("programme_admin.retire" if active else "programme_admin.restore"),
            on_click=toggle_active,
            args=(entity, chosen, not active),
            key=f"pa_toggle_{entity}_{chosen}",
            help=tr("programme_admin.retire_help"),
        )
    with st.expander(tr("programme_admin.all_rows", n=len(items))):
        rows = [
            {
                # a year is a name for a time, not a count: "2024", never "2 024"
                tr(f"programme_admin.field.{name}"): ", ".join(value)
                if isinstance(value, list)
                else str(value)
                if name == "year"
                else value
                for name, value in item.items()
                if name in spec.fields or name == "active"
            }
            for item in items
        ]
        st.dataframe(shown_cells(pd.DataFrame(rows)), hide_index=True)


def save_settings() -> None:
    """Submit callback of the thresholds form: each changed value through the service, all or
    nothing (one bad value rolls the others back with it)."""
    stored = read_uncached(settings_values, user)
    try:
        with write() as session:
            errors: dict[str, Message] = {}
            for key in SETTINGS:
                raw = st.session_state.get(f"pa_setting_{key}", "")
                if str(raw).strip().replace(",", ".") == stored.get(key):
                    continue
                try:
                    update_setting(session, user, key, raw)
                except ValidationError as error:
                    errors.update(error.errors)
            if errors:
                raise ValidationError(errors)
    except ValidationError as error:
        st.session_state[feedback_key("settings")] = ("error", [say(m) for m in error.errors.values()])
        return
    except PermissionDenied as error:
        st.session_state[feedback_key("settings")] = ("error", [say(error.message)])
        return
    st.session_state[feedback_key("settings")] = ("success", [tr("programme_admin.saved")])


def draw_settings() -> None:
    stored = read_uncached(settings_values, user)
    with st.form("pa_settings"):
        for key in SETTINGS:
            st.text_input(
                tr(f"programme_admin.setting.{key}"),
                value=stored.get(key, "").replace(".", ","),
                help=tr(f"programme_admin.setting_help.{key}"),
                key=f"pa_setting_{key}",
            )
        st.form_submit_button(
            tr("programme_admin.save"), on_click=save_settings, type="primary", key="pa_submit_settings"
        )
    show_feedback("settings")


TABS = (*ENTITIES, "official", "settings", "editions")
TAB_KEY = "pa_tab"  # the open tab's label; tests open a tab through it
# Only the open tab runs: drawing all of them read every kind of item, its references and
# their options on each render (94 statements; issue 12 allows 15).
tabs = st.tabs([tr(f"programme_admin.tab.{key}") for key in TABS], key=TAB_KEY, on_change="rerun")
for tab, entity in zip(tabs, TABS, strict=True):
    if not tab.open:
        continue
    with tab:
        if entity == "editions":
            draw_editions(user, editions, edition)
        elif entity == "settings":
            draw_settings()
        elif entity == "official":
            draw_official_population(user)
        else:
            draw_entity(entity)
