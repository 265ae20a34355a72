"""The one door from pages to data_model: the engine, cached reads and writes.

Cached reads are keyed by the versions of the data domains they read (see
data_model.data_versions and data_model.reader_domains): a write bumps its own domain's, so a
change made in any app process shows on the next rerun, and reads of other domains stay warm.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from data_model.bootstrap import prepare_database
from data_model.config import load_settings
from data_model.db import make_engine, require_existing_database, session_factory, transaction
from data_model.reader_domains import versions_for
from data_model.run_reads import RunReads, hand_to, run_reads

T = TypeVar("T")

_READERS: dict[str, Callable[..., Any]] = {}
# The data versions and thresholds this script run read (see start_script_run); a write
# forgets them.
_RUN_VERSION_KEY = "_data_versions_this_run"
# The engines this process opened, so a reset can close their pooled connections.
_OPENED: list[Engine] = []


def engine() -> Engine:
    """The process-wide engine; the first use in a process says that the database is being
    prepared (a cache decorator's spinner text is fixed at import, before any language)."""
    if _OPENED:
        return _engine()
    from .texts import tr  # texts reads through this module

    with st.spinner(tr("app.preparing_database")):
        return _engine()


@st.cache_resource(show_spinner=False)
def _engine() -> Engine:
    """The engine itself, made once per process: the database is migrated and seeded."""
    settings = load_settings()
    if not settings.demo_mode:
        require_existing_database(settings.database_url)
    created = make_engine(settings.database_url)
    prepare_database(created, with_demo=settings.demo_mode)
    _OPENED.append(created)
    return created


def reset_engine() -> None:
    """Drop the engine and its pooled connections; the next run connects afresh.

    Called when the database could not be used, so a database that comes back (a restarted
    server, a file made writable or restored) works again without restarting the app."""
    _engine.clear()  # type: ignore[attr-defined]
    while _OPENED:
        _OPENED.pop().dispose()


def start_script_run() -> None:
    """Called first on every run (app.py): this run's first read asks for the data versions."""
    st.session_state.pop(_RUN_VERSION_KEY, None)


def _this_run() -> RunReads:
    """Every domain's data version and the metric thresholds, read once per script run in one
    statement (every cached read of the run is keyed by some of the versions, and one
    statement per read was most of a warm render; most figures apply the thresholds)."""
    this_run = st.session_state.get(_RUN_VERSION_KEY)
    if not isinstance(this_run, RunReads):
        with session_factory(engine())() as session:
            this_run = run_reads(session)
        st.session_state[_RUN_VERSION_KEY] = this_run
    return this_run


def current_data_versions() -> dict[str, int]:
    """Every domain's data version, as this script run read them."""
    return _this_run().versions


def versions_of(fn: Callable[..., Any]) -> tuple[int, ...]:
    """The versions of the domains reader `fn` reads: what a result of `fn` kept by a page
    (in session_state) is as fresh as."""
    return versions_for(fn, current_data_versions())


@st.cache_data(show_spinner=False, max_entries=500)
def _cached(
    name: str,
    versions: tuple[int, ...],
    args: tuple[Any, ...],
    kwargs: tuple[tuple[str, Any], ...],
    _this_run: RunReads,
) -> Any:
    # Not part of the key (the leading underscore): a reader that applies the thresholds or
    # shows the last change is keyed by the versions read in the same statement as they were.
    with session_factory(engine())() as session:
        hand_to(session, _this_run)
        return _READERS[name](session, *args, **dict(kwargs))


def read(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call a data_model reader `fn(session, *args, **kwargs)`, cached until a write to a
    domain it reads."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    _READERS[name] = fn
    this_run = _this_run()
    versions = versions_for(fn, this_run.versions)
    return _cached(name, versions, args, tuple(sorted(kwargs.items())), this_run)  # type: ignore[no-any-return]


def read_uncached(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """For reads that must see this very moment (forms about to be edited)."""
    with session_factory(engine())() as session:
        return fn(session, *args, **kwargs)


@contextmanager
def write() -> Iterator[Session]:
    """A transaction for a data_model service; reads after it, in this run too, see it."""
    with transaction(engine()) as session:
        yield session
    st.session_state.pop(_RUN_VERSION_KEY, None)
