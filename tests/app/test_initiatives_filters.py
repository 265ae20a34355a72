"""The initiatives page offers the period and the department: each of its figures equals the
metric for the same choice (the rest of the class is in test_filters_everywhere.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from data_model import clock
from data_model.db import transaction
from data_model.demo_initiatives import load_demo_initiatives
from data_model.formatting import fmt_date, fmt_int, fmt_pct
from data_model.i18n import t
from data_model.metrics.filters import MetricFilters, year_range
from data_model.metrics.initiatives import InitiativeFigures, initiative_figures
from data_model.models import Initiative
from tests.app.filter_checks import open_session
from tests.app.metric_pages import metric_values, open_with_filters, page_text
from tests.factories import READER

PAGE = "pages/manage/initiatives.py"


@pytest.fixture
def department(app_engine: Engine) -> int:
    """The demo register, and the department with the most initiatives in it."""
    with transaction(app_engine) as session:
        load_demo_initiatives(session, clock.today())
        ids = list(session.scalars(select(Initiative.department_id)))
    return max(set(ids), key=ids.count)


def _figures(engine: Engine, filters: MetricFilters) -> InitiativeFigures:
    with open_session(engine) as session:
        return initiative_figures(session, READER, filters, clock.today())


@pytest.mark.parametrize("name", ["period", "department"])
def test_initiative_figures_follow_each_filter(
    open_app: Callable[..., AppTest], app_engine: Engine, department: int, name: str
) -> None:
    year = clock.today().year - 1  # the demo register spans it and this year
    if name == "period":
        start, end = year_range(year)
        params, filters = {"period": str(year)}, MetricFilters(start=start, end=end)
    else:
        params, filters = {"dept": str(department)}, MetricFilters(department_ids=(department,))
    figures = _figures(app_engine, filters)
    assert figures != _figures(app_engine, MetricFilters())  # or the check below could not fail
    at = open_with_filters(open_app("koordinaattori"), PAGE, **params)
    assert not at.exception
    assert metric_values(at) == {
        t("initiatives.metric.open"): fmt_int(figures.open),
        t("initiatives.metric.past_limit"): fmt_int(figures.past_limit),
        t("initiatives.metric.led_to_action"): fmt_pct(figures.action_share),
        t("initiatives.metric.not_told"): fmt_int(figures.not_told),
    }
    note = t(
        "initiatives.figures_note",
        day=fmt_date(figures.day),
        received=fmt_int(figures.received),
        decided=fmt_int(figures.decided),
        known=fmt_int(figures.outcome_known),
    )
    assert note in page_text(at)
