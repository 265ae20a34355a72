"""The audit log for the coordinator: who changed what and when, values before and after."""

import json
from datetime import date

import pandas as pd
import streamlit as st

from data_model.metrics.actions_list import AuditFilter, audit_vocabulary, list_audit
from pages.widgets.action_form import date_field
from pages.widgets.data import read
from pages.widgets.formats import fmt_stored
from pages.widgets.guard import page_user
from pages.widgets.texts import tr

LIMIT = 200

user = page_user("audit")
st.title(tr("page.audit"))
st.write(tr("audit.intro"))
vocabulary = read(audit_vocabulary, user)


def choose(label: str, values: tuple[str, ...], key: str) -> str:
    options = ["", *values]
    return st.selectbox(label, options, format_func=lambda v: v or tr("audit.all"), key=key) or ""


first, second, third = st.columns(3)
with first:
    username = choose(tr("audit.filter_user"), vocabulary.usernames, "audit.user")
    event = choose(tr("audit.filter_event"), vocabulary.events, "audit.event")
with second:
    entity = choose(tr("audit.filter_entity"), vocabulary.entities, "audit.entity")
    entity_id = st.number_input(
        tr("audit.filter_entity_id"), value=None, min_value=1, step=1, key="audit.entity_id"
    )
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
        entity_id=int(entity_id) if entity_id is not None else None,
        date_from=date_from if isinstance(date_from, date) else None,
        date_to=date_to if isinstance(date_to, date) else None,
        limit=LIMIT,
    ),
)
if not entries:
    st.info(tr("audit.none"))
    st.stop()

st.caption(tr("audit.count", count=len(entries), limit=LIMIT))
st.dataframe(
    pd.DataFrame(
        {
            tr("audit.col.at"): [fmt_stored(entry.at) for entry in entries],
            tr("audit.col.user"): [entry.username for entry in entries],
            tr("audit.col.event"): [entry.event for entry in entries],
            tr("audit.col.entity"): [entry.entity for entry in entries],
            tr("audit.col.entity_id"): pd.array([entry.entity_id for entry in entries], dtype="Int64"),
            tr("audit.col.changed"): [", ".join(entry.changed) for entry in entries],
            tr("audit.col.note"): [entry.note for entry in entries],
        }
    ),
    hide_index=True,
    width="stretch",
)

labels = {
    entry.id: f"{fmt_stored(entry.at)} · {entry.username} · {entry.event} {entry.entity} {entry.entity_id or ''}"
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
    before_column, after_column = st.columns(2)
    for column, heading, values in (
        (before_column, "audit.before", entry.before),
        (after_column, "audit.after", entry.after),
    ):
        with column:
            st.markdown(f"**{tr(heading)}**")
            # Shown as code text: values typed by users are never rendered as markdown or HTML.
            st.code(
                json.dumps(values, ensure_ascii=False, indent=2, sort_keys=True)
                if values
                else tr("audit.empty_value"),
                language="json",
            )
