"""The actions list and the department reports page against the report filters (the rest of the
class is tests/app/test_filters_everywhere.py). Neither page's figures depend on the report
pages' period, department or area filter, and each says so: the actions list has filters of its
own (chosen alike, its count is the Overview's), and reporting is judged for every department as
of today, since a report covers all of a department's work."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model import clock
from data_model.formatting import fmt_count, fmt_date, fmt_int
from data_model.i18n import t
from data_model.metrics.actions_list import ActionFilter, list_actions
from data_model.metrics.filters import MetricFilters
from data_model.metrics.reach import reach_figures
from data_model.metrics.reporting import reporting_status
from data_model.permissions import CurrentUser
from tests.app.filter_checks import build_filtered_data, filter_choice, open_session, page_frame
from tests.app.metric_pages import open_with_filters, page_text
from tests.factories import READER

ACTIONS, REPORTS, HOME = "pages/manage/actions.py", "pages/manage/reports.py", "pages/public/home.py"
FILTERS = ("period", "department", "area")


@pytest.fixture
def filtered_data(app_engine: Engine, role_users: dict[str, CurrentUser]) -> dict[str, int]:
    return build_filtered_data(app_engine)


def _count_line(coordinator: CurrentUser, engine: Engine, filters: ActionFilter) -> str:
    with open_session(engine) as session:
        found = list_actions(session, coordinator, filters)
    return t("actions.count", shown=fmt_int(len(found.rows)), total=fmt_count(found.total, "action"))


@pytest.mark.parametrize("name", FILTERS)
def test_actions_list_says_the_report_filters_do_not_apply(
    open_app: Callable[..., AppTest],
    app_engine: Engine,
    filtered_data: dict[str, int],
    role_users: dict[str, CurrentUser],
    name: str,
) -> None:
    params, filters = filter_choice(name, filtered_data)
    with open_session(app_engine) as session:  # the filter changes the report pages' count
        assert (
            reach_figures(session, filters).totals.actions
            != reach_figures(session, MetricFilters()).totals.actions
        )
    at = open_with_filters(open_app("koordinaattori"), ACTIONS, **params)
    assert not at.exception
    text = page_text(at)
    assert t("actions.scope") in text
    assert _count_line(role_users["coordinator"], app_engine, ActionFilter()) in text


def test_actions_list_with_the_same_period_and_department_counts_as_the_overview(
    open_app: Callable[..., AppTest],
    app_engine: Engine,
    filtered_data: dict[str, int],
    role_users: dict[str, CurrentUser],
) -> None:
    _params, period = filter_choice("period", filtered_data)
    _params, department = filter_choice("department", filtered_data)
    at = open_app("koordinaattori", page=ACTIONS)
    at.date_input(key="actions.f.from").set_value(date(2025, 1, 1))
    at.date_input(key="actions.f.to").set_value(date(2025, 12, 31))
    at.selectbox(key="actions.f.department").set_value(str(filtered_data["department"])).run()
    assert not at.exception
    both = MetricFilters(start=period.start, end=period.end, department_ids=department.department_ids)
    with open_session(app_engine) as session:
        expected = reach_figures(session, both).totals.actions
    own = ActionFilter(
        department_id=filtered_data["department"], start_from=date(2025, 1, 1), start_to=date(2025, 12, 31)
    )
    line = _count_line(role_users["coordinator"], app_engine, own)
    assert line in page_text(at)
    assert t("actions.count", shown=fmt_int(expected), total=fmt_count(expected, "action")) == line


@pytest.mark.parametrize("name", FILTERS)
def test_reports_page_says_the_report_filters_do_not_apply(
    open_app: Callable[..., AppTest], app_engine: Engine, filtered_data: dict[str, int], name: str
) -> None:
    params, _filters = filter_choice(name, filtered_data)
    at = open_with_filters(open_app("koordinaattori"), REPORTS, **params)
    assert not at.exception
    today = clock.today()
    assert t("reports.scope", day=fmt_date(today)) in page_text(at)
    with open_session(app_engine) as session:
        statuses = reporting_status(session, READER, today)
    table = page_frame(at, t("reports.col.next_due"))
    assert list(table[t("reports.col.department")]) == [row.department.name_fi for row in statuses]
    assert len(statuses) > 1  # every department, not the filtered one


@pytest.mark.parametrize("name", FILTERS)
def test_home_page_says_its_figures_are_all_time(
    open_app: Callable[..., AppTest], app_engine: Engine, filtered_data: dict[str, int], name: str
) -> None:
    # The home page's action count is every logged action whatever the report filters in the
    # address say; it must say so rather than pass for the chosen period's figure.
    params, filters = filter_choice(name, filtered_data)
    at = open_with_filters(open_app("koordinaattori"), HOME, **params)
    assert not at.exception
    text = page_text(at)
    assert t("home.scope") in text
    with open_session(app_engine) as session:
        every = reach_figures(session, MetricFilters()).totals.actions
        assert reach_figures(session, filters).totals.actions != every
    assert fmt_int(every) in [metric.value for metric in at.metric]
