"""Texts in the user's language, and the page chrome every page shares."""

from __future__ import annotations

import streamlit as st

from data_model.config import load_settings
from data_model.i18n import DEFAULT_LANGUAGE, LANGUAGES, Message, t

LANGUAGE_KEY = "lang"


def lang() -> str:
    value = st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def tr(key: str, **values: object) -> str:
    """The UI text for `key` in the user's language."""
    return t(key, lang(), **values)


def say(message: Message) -> str:
    """A message from data_model (a refusal, a missing right, a conflict) in the user's language."""
    return message.text(lang())


def language_switch() -> None:
    """The language choice, kept in the address (?lang=en) so a reload or a bookmark keeps it."""
    if LANGUAGE_KEY not in st.session_state and st.query_params.get(LANGUAGE_KEY) in LANGUAGES:
        st.session_state[LANGUAGE_KEY] = st.query_params[LANGUAGE_KEY]
    st.sidebar.selectbox(
        tr("app.language"),
        LANGUAGES,
        format_func=lambda code: {"fi": "Suomi", "en": "English"}[code],
        key=LANGUAGE_KEY,
        placeholder=tr("app.choose_one"),
    )
    if st.query_params.get(LANGUAGE_KEY) != lang():
        st.query_params[LANGUAGE_KEY] = lang()


def demo_banner() -> None:
    if load_settings().demo_mode:
        st.warning(tr("app.demo_banner"), icon=":material/science:")
