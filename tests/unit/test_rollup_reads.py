"""The report sums read from the monthly sums equal the same sums read from the raw rows, for
every kind of filter (period, department, area and their mixes), and the monthly sums are used
exactly when the filters fall on whole months."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from data_model.db import session_factory
from data_model.metrics import rollup_reads
from data_model.metrics.coverage import channel_by_group, department_by_form, department_by_group
from data_model.metrics.feedback import OPEN_LOOPS_KEPT, feedback_loop
from data_model.metrics.filters import MetricFilters, quarter_range, year_range
from data_model.metrics.gaps import gaps_among
from data_model.metrics.reach import participants_by_group, reach_figures
from data_model.metrics.reach_page import reach_page_figures
from data_model.metrics.trends import quarterly_trends
from data_model.models import Action, Area, Department
from tests.demo_data import load_demo_with_deletions
from tests.factories import READER
from tests.sql_statements import sql_statements

TODAY = date(2026, 11, 28)


@pytest.fixture
def demo(engine: Engine) -> Engine:
    return load_demo_with_deletions(engine, TODAY)


def _figures(session: Session, filters: MetricFilters) -> tuple[Any, ...]:
    reach = reach_figures(session, filters)
    return (
        reach.totals,
        reach.representation,
        participants_by_group(session, filters),
        quarterly_trends(session, READER, filters),
        department_by_group(session, READER, filters),
        department_by_form(session, READER, filters),
        channel_by_group(session, READER, filters),
        # The gaps with suggestions read by themselves (the Overview's and the council's way).
        gaps_among(session, filters, reach.representation),
        feedback_loop(session, READER, filters, TODAY),
        # Every figure of the Reach & gaps page: matrices, special groups, gap suggestions.
        reach_page_figures(session, READER, filters, TODAY),
    )


def _filters(session: Session) -> list[MetricFilters]:
    departments = list(session.scalars(select(Department.id).order_by(Department.id)))
    areas = list(session.scalars(select(Area.id).order_by(Area.id)))
    periods: list[tuple[date | None, date | None]] = [
        (None, None),
        year_range(2025),
        year_range(TODAY.year),
        quarter_range(2025, 2),
        quarter_range(TODAY.year, 1),
        (date(2025, 9, 1), date(2025, 9, 30)),
        (date(2025, 2, 1), date(2025, 2, 28)),
        (date(2025, 1, 1), None),
        (None, date(2025, 6, 30)),
    ]
    found = []
    for start, end in periods:
        found.append(MetricFilters(start=start, end=end))
        found.append(MetricFilters(start=start, end=end, department_ids=(departments[0],)))
        found.append(MetricFilters(start=start, end=end, department_ids=tuple(departments[1:4])))
        found.append(MetricFilters(start=start, end=end, area_ids=(areas[0],)))
        found.append(
            MetricFilters(start=start, end=end, department_ids=(departments[1],), area_ids=tuple(areas[:3]))
        )
    return found


def test_the_monthly_sums_give_the_raw_figures_for_every_filter(
    demo: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with session_factory(demo)() as session:
        every = _filters(session)
        assert all(rollup_reads.covers(filters) for filters in every)
        from_sums = [_figures(session, filters) for filters in every]
        assert any(figures[0].actions for figures in from_sums), "the filters select some actions"
        # Both ways of finding the oldest open loops: more than are kept, and fewer.
        open_counts = {figures[-2].open_loop_count for figures in from_sums}
        assert max(open_counts) > OPEN_LOOPS_KEPT and min(open_counts) < OPEN_LOOPS_KEPT, open_counts
        monkeypatch.setattr(rollup_reads, "covers", lambda _filters: False)
        from_rows = [_figures(session, filters) for filters in every]
    for filters, summed, raw in zip(every, from_sums, from_rows, strict=True):
        assert summed == raw, filters


def test_the_readers_use_the_monthly_sums_when_they_cover_the_filters(
    demo: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []
    covers = rollup_reads.covers
    monkeypatch.setattr(
        rollup_reads, "totals_select", lambda *args: asked.append(True) or pytest.fail("used")
    )
    with session_factory(demo)() as session:
        # Not on month boundaries, or filtered by form: read from the rows.
        for filters in (
            MetricFilters(start=date(2025, 1, 15), end=date(2025, 3, 31)),
            MetricFilters(start=date(2025, 1, 1), end=date(2025, 3, 30)),
            MetricFilters(form_codes=("suunnittelu",)),
            MetricFilters(channel_codes=("instagram",)),
        ):
            assert not covers(filters)
            reach_figures(session, filters)
    assert asked == []
    with session_factory(demo)() as session, pytest.raises(pytest.fail.Exception):
        reach_figures(session, MetricFilters(start=date(2025, 1, 1), end=date(2025, 3, 31)))


def test_figures_off_month_boundaries_still_come_from_the_rows(demo: Engine) -> None:
    with session_factory(demo)() as session:
        part = reach_figures(session, MetricFilters(start=date(2025, 1, 2), end=date(2025, 12, 31))).totals
        whole = reach_figures(session, MetricFilters(start=date(2025, 1, 1), end=date(2025, 12, 31))).totals
        first_day = session.scalars(
            select(Action.id).where(Action.start_date == date(2025, 1, 1), Action.deleted_at.is_(None))
        ).all()
    assert whole.actions - part.actions == len(first_day)


def test_the_department_by_group_matrix_reads_no_raw_reach_rows_when_covered(demo: Engine) -> None:
    with session_factory(demo)() as session, sql_statements(demo) as sent:
        department_by_group(session, READER, MetricFilters(start=date(2025, 1, 1), end=date(2025, 12, 31)))
    assert sent and not any("action_reach" in statement for statement in sent), sent
