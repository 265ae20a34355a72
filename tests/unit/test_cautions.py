"""The estimate and small-count cautions: one rule, one text each, the same on the pages and in
the council documents."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from data_model.db import session_factory
from data_model.exports.council_summary import build_council_summary, period_filters
from data_model.exports.periods import period_from_key
from data_model.i18n import t
from data_model.metrics.cautions import representation_cautions
from data_model.metrics.filters import MetricFilters
from data_model.metrics.reach import group_share, representation
from tests.factories import READER
from tests.metrics_data import build_small_fixture

AUGUST_2025 = MetricFilters(start=date(2025, 8, 1), end=date(2025, 8, 31))


def test_a_group_with_a_few_participants_is_too_few_and_one_with_none_is_not(engine: Engine) -> None:
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        rows = representation(session, AUGUST_2025)
    youth, children = group_share(rows, "youth_15_29"), group_share(rows, "children_0_14")
    assert youth is not None and youth.participants == 3 and youth.too_few
    assert children is not None and children.participants == 0 and not children.too_few
    cautions = representation_cautions(rows, "fi")
    few = [row.group.name_fi for row in rows if row.too_few]
    assert cautions.too_few == t("metrics.caution.too_few", limit=5, groups=", ".join(few))
    estimated = [row.group.name_fi for row in rows if row.estimate]
    assert cautions.estimate == t("metrics.caution.estimate", groups=", ".join(estimated))


def test_no_caution_where_none_applies() -> None:
    assert representation_cautions([], "en").sentences() == ()


def test_the_council_summary_carries_the_pages_cautions(engine: Engine) -> None:
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        for lang in ("fi", "en"):
            rows = representation(session, period_filters(period_from_key("2025")))
            summary = build_council_summary(session, READER, "2025", date(2026, 1, 15), lang)
            assert summary.notices == representation_cautions(rows, lang).sentences()
            assert summary.notices
