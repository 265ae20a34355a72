"""A realistic database of N actions, fast: the demo plan's actions repeated (with fresh
references and shifted dates) and written in large batches, not one service call per action."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import Engine

from data_model.bootstrap import prepare_database
from data_model.db import refresh_planner_statistics, transaction
from data_model.demo import _Rows, read_catalogue
from data_model.demo_generator import plan_demo
from data_model.models import User
from data_model.passwords import hash_password
from data_model.rollup_events import defer_to_rebuild
from data_model.rollups import rebuild_rollups
from data_model.services.audit import record

BATCH = 2000
BENCH_USER = "bench-koordinaattori"


def build(engine: Engine, actions: int, today: date | None = None) -> None:
    """Migrate, seed the programme, add `actions` demo-like actions and a coordinator."""
    prepare_database(engine, with_demo=False)
    with transaction(engine) as session:
        plan = plan_demo(read_catalogue(session), today)
        rows = _Rows(session)
        session.add(
            User(
                username=BENCH_USER,
                display_name="Bench",
                password_hash=hash_password("bench-salasana-123"),
                role="coordinator",
            )
        )
    templates = plan.actions
    made = 0
    while made < actions:
        with transaction(engine) as session:
            defer_to_rebuild(session)  # the sums are computed once, below
            rows = _Rows(session)
            batch = []
            for index in range(made, min(made + BATCH, actions)):
                planned = templates[index % len(templates)]
                # Each round of the plan moves a few days, so periods and quarters stay realistic.
                shift = timedelta(days=(index // len(templates)) % 30)
                batch.append(
                    rows.action(
                        replace(
                            planned,
                            ref=f"bench-{index}",
                            start_date=planned.start_date - shift,
                            end_date=planned.end_date - shift if planned.end_date else None,
                        )
                    )
                )
            session.add_all(batch)
            made += len(batch)
    with transaction(engine) as session:
        record(session, None, "bench_load", entity="action", note=f"{actions} actions")
    # A city's database grows a little each day and autovacuum keeps its statistics; measure
    # that steady state, not the minute after a bulk load.
    with engine.begin() as connection:
        refresh_planner_statistics(connection)  # first: the rebuild is planned by them
        rebuild_rollups(connection)
        refresh_planner_statistics(connection)
