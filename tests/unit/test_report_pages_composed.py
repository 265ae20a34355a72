"""The report pages read their figures in one session each (report_figures.overview_figures,
reach_page.reach_page_figures): every figure equals what its own reader answers alone, after
creates, edits, soft deletes and restores, with and without filters, and the composed read runs
a fixed handful of statements whatever the data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

import pytest
from sqlalchemy import Engine, select, update

from data_model.db import session_factory, transaction
from data_model.demo import load_demo
from data_model.metrics.coverage import (
    channel_by_group,
    department_by_form,
    department_by_group,
    unused_opportunities,
)
from data_model.metrics.feedback import feedback_loop
from data_model.metrics.filters import MetricFilters
from data_model.metrics.measures import measure_counts, measures_without_actions
from data_model.metrics.reach import special_group_reach
from data_model.metrics.reach_page import reach_page_figures
from data_model.metrics.report_figures import overview_figures, report_figures
from data_model.metrics.reporting import reporting_status
from data_model.metrics.settings import metric_settings
from data_model.metrics.targets import target_progress
from data_model.metrics.trends import quarterly_trends
from data_model.models import Action, Department, Setting
from data_model.permissions import CurrentUser
from data_model.services.actions import restore_action, soft_delete_action
from tests.app.metric_pages import log_youth_evening
from tests.factories import create_role_users
from tests.sql_statements import sql_statements, statements_of

TODAY = date(2025, 11, 28)


def _filters(engine: Engine) -> list[MetricFilters]:
    with session_factory(engine)() as session:
        department = session.scalars(select(Department.id).order_by(Department.sort_order)).first()
    year = MetricFilters(start=date(2025, 1, 1), end=date(2025, 12, 31))
    return [
        MetricFilters(),
        year,
        replace(year, department_ids=(department or 0,)),
        MetricFilters(form_codes=("suunnittelu",)),
        MetricFilters(channel_codes=("facebook",), start=date(2024, 1, 1)),
    ]


@pytest.fixture
def demo_users(engine: Engine) -> dict[str, CurrentUser]:
    with transaction(engine) as session:
        load_demo(session)
    return create_role_users(engine)


def _mixed_writes(engine: Engine, users: dict[str, CurrentUser]) -> None:
    """A create, a soft delete, a restore and a delete that stays: what the cached figures
    must follow."""
    head = users["department_head"]
    log_youth_evening(engine, head, total=40, youth=30, form_codes=["suunnittelu"])
    log_youth_evening(engine, head, total=12, youth=2, form_codes=["tieto"])
    with transaction(engine) as session:
        own = session.scalars(
            select(Action.id).where(Action.department_id == head.department_id).order_by(Action.id)
        ).all()
    with transaction(engine) as session:
        soft_delete_action(session, head, own[0])
        soft_delete_action(session, head, own[-1])
    with transaction(engine) as session:
        restore_action(session, head, own[-1])


def test_the_composed_figures_equal_each_reader_alone(
    engine: Engine, demo_users: dict[str, CurrentUser]
) -> None:
    user = demo_users["council"]
    _mixed_writes(engine, demo_users)
    for filters in _filters(engine):
        as_of = min(filters.end, TODAY) if filters.end else TODAY
        with session_factory(engine)() as session:
            overview = overview_figures(session, user, filters, as_of, "fi")
        with session_factory(engine)() as session:
            page = reach_page_figures(session, user, filters, as_of, "fi")
        with session_factory(engine)() as session:
            alone = report_figures(session, user, filters, "fi")
            assert page.report == alone, filters
            assert overview.report.totals == alone.totals
            assert overview.report.representation == alone.representation
            assert overview.report.score == alone.score
            # The Overview names the gaps and does not list what could close them.
            assert [gap.row for gap in overview.report.gaps] == [gap.row for gap in alone.gaps]
            assert [gap.sentence for gap in overview.report.gaps] == [gap.sentence for gap in alone.gaps]
            assert overview.loop == feedback_loop(session, user, filters, as_of)
            assert overview.reporting == reporting_status(session, user, as_of, filters.department_ids)
            assert overview.measures == measure_counts(session, user, filters)
            assert overview.trends == quarterly_trends(session, user, filters)
            assert overview.targets == target_progress(session, user, as_of)
            assert page.settings == metric_settings(session, user)
            assert page.special == special_group_reach(session, user, filters)
            assert page.department_form == department_by_form(session, user, filters)
            assert page.channel_group == channel_by_group(session, user, filters)
            assert page.department_group == department_by_group(session, user, filters)
            assert page.unused == unused_opportunities(session, user, filters, as_of)
            assert page.idle_measures == measures_without_actions(session, user, filters)
            assert page.trends == overview.trends


def test_some_gap_has_suggestions_so_the_comparison_means_something(
    engine: Engine, demo_users: dict[str, CurrentUser]
) -> None:
    with session_factory(engine)() as session:
        page = reach_page_figures(session, demo_users["council"], MetricFilters(), TODAY, "fi")
    assert any(gap.best_channels or gap.target_channels for gap in page.report.gaps)
    assert page.channel_group.total and page.department_form.total and page.special


def test_each_page_reads_its_figures_in_a_fixed_number_of_statements(
    engine: Engine, demo_users: dict[str, CurrentUser]
) -> None:
    user = demo_users["coordinator"]
    counts = []
    for extra in (0, 3):
        for _ in range(extra):
            log_youth_evening(engine, demo_users["department_head"], total=20, youth=5, form_codes=["tieto"])
        with session_factory(engine)() as session, sql_statements(engine) as overview:
            overview_figures(session, user, MetricFilters(), TODAY)
        with session_factory(engine)() as session, sql_statements(engine) as reach:
            reach_page_figures(session, user, MetricFilters(), TODAY)
        counts.append((len(overview), len(reach)))
    # Overview: thresholds, totals, the groups with their population, feedback (2), reporting,
    # measures, trends, targets (their figures read with the page's own). Reach: the labels,
    # pair sums and thresholds together, totals, the groups with their population, unused,
    # measures, trends.
    assert counts == [(9, 6), (9, 6)]


def test_a_pages_session_has_the_thresholds_and_the_reach_page_reads_them_not_again(
    engine: Engine, demo_users: dict[str, CurrentUser]
) -> None:
    """On a page the script run's first statement read the thresholds (data_model.run_reads):
    the Reach page's read takes them from its session and fetches them no more, in as many
    statements as a session that fetches them, with the same figures."""
    user = demo_users["coordinator"]
    with transaction(engine) as session:  # not the defaults, so figures by the defaults differ
        session.execute(update(Setting).where(Setting.key == "gap_threshold").values(value="0,8"))
    for filters in _filters(engine):
        with session_factory(engine)() as session:
            fetched = reach_page_figures(session, user, filters, TODAY)
        handed, sent = statements_of(
            engine, partial(reach_page_figures, user=user, filters=filters, as_of=TODAY)
        )
        assert handed == fetched, filters
        assert len(sent) == 6
        assert not [statement for statement in sent if "setting" in statement.lower()], filters
    assert fetched.settings.gap_threshold == 0.8
