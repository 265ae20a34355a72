"""The few style rules Streamlit has no setting for (see styles.css for why each exists)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

STYLES = Path(__file__).with_name("styles.css")


def page_styles() -> None:
    """Add the app's style rules to the page (a style-only st.html takes no room)."""
    st.html(STYLES)
