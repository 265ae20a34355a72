"""The one error boundary: any exception a page or the login check did not handle is logged
with a reference and shown as a short message in the user's language, never a traceback.

Streamlit's own st.stop() and st.rerun() are BaseExceptions and pass through untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from data_model.faults import DATABASE_KINDS, classify
from data_model.logs import log_failure

from .data import reset_engine
from .texts import tr


def _page_name() -> str:
    try:
        return str(st.context.url or "")
    except Exception:  # only for the log line; no context in some test runs
        return ""


def show_failure(error: Exception) -> None:
    """Log `error`, tell the person what happened and what to do, and stop this run."""
    kind = classify(error)
    reference = log_failure(error, kind, user=st.session_state.get("username"), page=_page_name())
    if kind in DATABASE_KINDS:
        # Pooled connections to a server that went away, or to a deleted file, would fail
        # again; the next run connects afresh and so recovers by itself once it is back.
        reset_engine()
    st.error(tr(f"errors.{kind}", reference=reference), icon=":material/error:")
    if kind in DATABASE_KINDS or kind == "db_busy":
        st.button(tr("errors.retry"), key="error_boundary_retry", icon=":material/refresh:")
    st.stop()


@contextmanager
def error_boundary() -> Iterator[None]:
    """Run the block; an unexpected exception becomes a message with its log reference."""
    try:
        yield
    except Exception as error:  # the one place that catches everything
        show_failure(error)
