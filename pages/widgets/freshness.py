"""The freshness line: when the data last changed, so every figure on a page is as fresh as it."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from data_model import clock
from data_model.metrics.freshness import last_change_at
from data_model.permissions import CurrentUser

from .data import read
from .formats import fmt_datetime
from .texts import tr


def freshness_note(user: CurrentUser) -> None:
    """When the data last changed, read for the page."""
    st.caption(freshness_text(clock.to_local(read(last_change_at, user))))


def freshness_text(helsinki_time: datetime | None) -> str:
    """The freshness line for a moment in Helsinki time (a page whose figures carry it, such
    as the council summary, says it without reading it again)."""
    return (
        tr("app.freshness", when=fmt_datetime(helsinki_time)) if helsinki_time else tr("app.freshness_never")
    )
