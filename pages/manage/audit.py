"""The audit log for the coordinator: who changed what and when, values before and after."""

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from data_model.metrics.actions_list import AuditFilter, AuditRow, audit_vocabulary, list_audit
from data_model.metrics.audit_labels import entity_name, event_name, field_name, value_text
from pages.widgets.action_form import date_field
from pages.widgets.data import read
from pages.widgets.formats import fmt_count, fmt_stored
from pages.widgets.guard import page_user
from pages.widgets.texts import lang, tr

LIMIT = 200

user = page_user("audit")
st.title(tr("page.audit"))
st.write(tr("audit.intro"))
vocabulary = read(audit_vocabulary, user)


def choose(label: str, values: tuple[str, ...], key: str, name: Callable[[str], str] = str) -> str:
    options = ["", *values]
    return (
        st.selectbox(
            label,
            options,
            format_func=lambda v: name(v) if v else tr("audit.all"),
            key=key,
            placeholder=tr("app.choose_one"),
        )
        or ""
    )


def event_of(code: str) -> str:
    return event_name(code, lang())


def entity_of(code: str) -> str:
    return entity_name(code, lang())


def changed_fields(entry: AuditRow) -> str:
    return ", ".join(field_name(entry.entity, name, lang()) for name in entry.changed)


first, second, third = st.columns(3)
with first:
    username = choose(tr("audit.filter_user"), vocabulary.usernames, "audit.user")
    event = choose(tr("audit.filter_event"), vocabulary.events, "audit.event", event_of)
with second:
    entity = choose(tr("audit.filter_entity"), vocabulary.entities, "audit.entity", entity_of)
    # A text field: a number field answered a minus or a letter only in Streamlit's English.
    typed_id = st.text_input(tr("audit.filter_entity_id"), key="audit.entity_id").strip()
    entity_id = int(typed_id) if typed_id.isdecimal() else None
    if typed_id and entity_id is None:
        st.error(tr("audit.entity_id_invalid"))
with third:
    date_from = date_field(tr("audit.filter_from"), None, "audit.from")
    date_to = date_field(tr("audit.filter_to"), None, "audit.to")

entries = read(
    list_audit,
    user,
    AuditFilter(
        username=username,
        event=event,
        entity=entity,
        entity_id=entity_id,
        date_from=date_from if isinstance(date_from, date) else None,
        date_to=date_to if isinstance(date_to, date) else None,
        limit=LIMIT,
    ),
)
if not entries:
    st.info(tr("audit.none"))
    st.stop()

st.caption(tr("audit.count", count=fmt_count(len(entries), "entry"), limit=LIMIT))
st.dataframe(
    pd.DataFrame(
        {
            tr("audit.col.at"): [fmt_stored(entry.at) for entry in entries],
            tr("audit.col.user"): [entry.username for entry in entries],
            tr("audit.col.event"): [event_of(entry.event) for entry in entries],
            tr("audit.col.entity"): [entity_of(entry.entity) for entry in entries],
            tr("audit.col.entity_id"): [
                "–" if entry.entity_id is None else str(entry.entity_id) for entry in entries
            ],
            tr("audit.col.changed"): [changed_fields(entry) for entry in entries],
            tr("audit.col.note"): [entry.note or "" for entry in entries],
        }
    ),
    hide_index=True,
    width="stretch",
)

labels = {
    entry.id: " · ".join(
        (fmt_stored(entry.at), entry.username, event_of(entry.event), entity_of(entry.entity))
    )
    + (f" {entry.entity_id}" if entry.entity_id is not None else "")
    for entry in entries
}
shown = st.selectbox(
    tr("audit.details"),
    list(labels),
    index=None,
    format_func=labels.__getitem__,
    placeholder=tr("app.choose_one"),
    key="audit.shown",
)
if shown is not None:
    entry = next(e for e in entries if e.id == shown)
    names = sorted(set(entry.before or {}) | set(entry.after or {}))
    if not names:
        st.caption(tr("audit.empty_value"))
    else:
        yes, no = tr("council.yes"), tr("council.no")
        # A table of text: values typed by users are shown as they are, never as markdown.
        st.dataframe(
            pd.DataFrame(
                {
                    tr("audit.col.field"): [field_name(entry.entity, name, lang()) for name in names],
                    tr("audit.before"): [
                        value_text((entry.before or {}).get(name), yes, no, lang()) for name in names
                    ],
                    tr("audit.after"): [
                        value_text((entry.after or {}).get(name), yes, no, lang()) for name in names
                    ],
                }
            ),
            hide_index=True,
            width="stretch",
        )
