"""The timings: AppTest renders cold and warm, the bare SQL floor, the naive pandas way, the
time from a save to the Overview showing it, SQL statements per render and peak memory."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import Engine, func, select, text
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.models import Action, ActionReach
from data_model.services.audit import record
from tests.sql_statements import sql_statements

from .build import BENCH_USER

APP_FILE = str(Path(__file__).resolve().parents[1] / "app.py")
PAGES = {
    "overview": "pages/reports/overview.py",
    "reach": "pages/reports/reach.py",
    "council": "pages/reports/council.py",
}


def _median(fn: Callable[[], float], runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))


def _timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def open_page(page: str) -> AppTest:
    """An AppTest logged in as the bench coordinator, on `page`."""
    at = AppTest.from_file(APP_FILE, default_timeout=300)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = BENCH_USER
    # A new user's session version (data_model.auth.login_accounts checks it on every run).
    at.session_state["session_version"] = 0
    at.run()
    at.switch_page(page).run()
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].message}")
    return at


def render_times(page: str, runs: int) -> dict[str, float | int]:
    """Cold (data caches empty) and warm (rerun) render of one page, median of `runs`."""
    at = open_page(page)

    def cold() -> float:
        st.cache_data.clear()
        return _timed(at.run)

    st.cache_data.clear()
    with sql_statements() as sent:
        at.run()
    statements = len(sent)
    cold_s = _median(cold, runs)
    at.run()
    warm_s = _median(lambda: _timed(at.run), runs)
    return {"cold_s": cold_s, "warm_s": warm_s, "statements": statements}


def floor_time(engine: Engine, runs: int) -> float:
    """The bare aggregates the report pages rest on, in SQL, timed alone."""

    def run() -> float:
        started = time.perf_counter()
        with engine.connect() as connection:
            live = Action.deleted_at.is_(None)
            connection.execute(
                select(func.count(Action.id), func.sum(Action.participants_total)).where(live)
            ).all()
            connection.execute(
                select(ActionReach.audience_group_id, func.sum(ActionReach.count))
                .join(Action, Action.id == ActionReach.action_id)
                .where(live)
                .group_by(ActionReach.audience_group_id)
            ).all()
            connection.execute(
                select(Action.department_id, func.count(Action.id)).where(live).group_by(Action.department_id)
            ).all()
        return time.perf_counter() - started

    return _median(run, runs)


def naive_time(engine: Engine, runs: int) -> float:
    """Every row into pandas, grouped there: what the pages must beat."""

    def run() -> float:
        started = time.perf_counter()
        with engine.connect() as connection:
            actions = pd.read_sql(text("SELECT * FROM action WHERE deleted_at IS NULL"), connection)
            reach = pd.read_sql(text("SELECT * FROM action_reach"), connection)
        merged = reach.merge(actions[["id", "department_id"]], left_on="action_id", right_on="id")
        merged.groupby("audience_group_id")["count"].sum()
        actions.groupby("department_id")["participants_total"].agg(["count", "sum"])
        return time.perf_counter() - started

    return _median(run, runs)


def log_to_dashboard(engine: Engine, runs: int) -> float:
    """From a saved action (one write, data version bumped) to the Overview rendered with it."""
    at = open_page(PAGES["overview"])

    def run() -> float:
        started = time.perf_counter()
        with transaction(engine) as session:
            template = session.scalars(select(Action).limit(1)).one()
            session.add(
                Action(
                    department_id=template.department_id,
                    title="Bench",
                    start_date=template.start_date,
                    format=template.format,
                )
            )
            record(session, None, "action_create", entity="action")
        at.run()
        return time.perf_counter() - started

    return _median(run, runs)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
