"""The development measures are counted once (data_model.metrics.measures) and every place that
shows them agrees for one filter: the steps page, the overview, the council page and its PDF
and workbook. The steps page follows each report filter like the report pages do."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model import clock
from data_model.exports.council_summary import period_filters
from data_model.exports.documents import build_excel, build_pdf
from data_model.exports.periods import period_from_key
from data_model.formatting import fmt_count, fmt_date, fmt_int
from data_model.i18n import t
from data_model.metrics.filters import MetricFilters
from data_model.metrics.measures import development_steps, measure_counts
from data_model.permissions import CurrentUser
from tests.app.filter_checks import build_filtered_data, filter_choice, key_label, open_session, squash
from tests.app.metric_pages import metric_values, open_with_filters, page_text
from tests.factories import READER

STEPS, OVERVIEW, COUNCIL = "pages/programme/steps.py", "pages/reports/overview.py", "pages/reports/council.py"


@pytest.fixture
def filtered_data(app_engine: Engine, role_users: dict[str, CurrentUser]) -> dict[str, int]:
    return build_filtered_data(app_engine)


def _summary(total: int, idle: int) -> str:
    return t("steps.summary", total=fmt_int(total), idle=fmt_int(idle)).replace("**", "")


def _actions_column(at: AppTest) -> list[int]:
    return [int(value) for table in at.table for value in table.value[t("steps.col.actions")]]


@pytest.mark.parametrize("name", ("period", "department", "area"))
def test_steps_page_follows_each_filter(
    open_app: Callable[..., AppTest], app_engine: Engine, filtered_data: dict[str, int], name: str
) -> None:
    params, filters = filter_choice(name, filtered_data)
    with open_session(app_engine) as session:
        steps = [m for p in development_steps(session, READER, filters) for m in p.measures]
        unfiltered = [m for p in development_steps(session, READER, MetricFilters()) for m in p.measures]
        counts = measure_counts(session, READER, filters)
    # The fixture makes each filter change the answer, or this test could not fail.
    assert [m.actions for m in steps] != [m.actions for m in unfiltered]
    at = open_with_filters(open_app("koordinaattori"), STEPS, **params)
    assert not at.exception
    text = page_text(at).replace("**", "")
    assert _summary(counts.total, counts.without_actions) in text
    assert t("programme_common.scope", day=fmt_date(clock.today())) not in text  # no longer unfiltered
    assert _actions_column(at) == [m.actions for m in steps]


def test_one_period_gives_the_same_measure_counts_everywhere(
    open_app: Callable[..., AppTest], app_engine: Engine, filtered_data: dict[str, int]
) -> None:
    """Steps page, overview, council page, PDF and workbook for 2025: one answer."""
    today = clock.today()
    period = period_from_key("2025")
    filters = period_filters(period)
    with open_session(app_engine) as session:
        counts = measure_counts(session, READER, filters)
        steps = [m for p in development_steps(session, READER, filters) for m in p.measures]
        assert counts != measure_counts(session, READER, MetricFilters())  # the period matters
        book = load_workbook(io.BytesIO(build_excel(session, READER, period.key, today).data))
        pdf = squash(
            "".join(
                page.extract_text()
                for page in PdfReader(io.BytesIO(build_pdf(session, READER, period.key, today).data)).pages
            )
        )
    advanced = [m for m in steps if not m.nothing_logged]
    idle = [m for m in steps if m.nothing_logged]
    assert (len(advanced), len(idle)) == (counts.with_actions, counts.without_actions)

    at = open_with_filters(open_app("koordinaattori"), STEPS, period="2025")
    assert _summary(counts.total, counts.without_actions) in page_text(at).replace("**", "")

    at = open_with_filters(open_app("koordinaattori"), OVERVIEW, period="2025")
    assert metric_values(at)[t("term.metric.measures_advanced")] == t(
        "overview.measures_value", advanced=fmt_int(counts.with_actions), total=fmt_int(counts.total)
    )

    at = open_app("valtuutettu", page=COUNCIL)
    at.segmented_control[0].set_value("year").run()
    at.selectbox(key="council_period_year").select(period).run()
    assert not at.exception
    assert metric_values(at)[key_label("measures_progressed")] == fmt_int(counts.with_actions)
    bullets = [text.value for text in at.text]
    for measure in advanced:
        line = t(
            "council.measures.item", measure=measure.text_fi, actions=fmt_count(measure.actions, "action")
        )
        assert f"• {line}" in bullets
        assert squash(line) in pdf
    for measure in idle:
        assert f"• {measure.text_fi}" in bullets

    front = dict(book[t("council.doc.front")[:31]].iter_rows(values_only=True))
    assert front[key_label("measures_progressed")] == counts.with_actions
    sheet = list(book[t("council.sheet.measures")[:31]].iter_rows(values_only=True))
    assert [row[1] for row in sheet[1:]] == [m.actions for m in steps]
    assert sum(1 for row in sheet[1:] if row[1]) == counts.with_actions
