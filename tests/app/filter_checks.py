"""Checks shared by the filters-everywhere tests: the filters a link sets and the metric
filters they stand for, and the comparisons of a page's tables and lines with the metrics."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from data_model.db import session_factory, transaction
from data_model.exports.council_summary import KEY_LABELS
from data_model.formatting import fmt_decimal, fmt_int
from data_model.i18n import t
from data_model.metrics.filters import MetricFilters
from data_model.metrics.gaps import Gap
from data_model.metrics.reach import reach_figures, representation
from data_model.metrics.trends import quarterly_trends
from data_model.models import Area, Department
from tests.app.metric_pages import page_text
from tests.factories import READER
from tests.metrics_data import add_action, build_small_fixture, gaps_of

FUTURE = date(2100, 1, 1)  # no action starts after it


def build_filtered_data(app_engine: Engine) -> dict[str, int]:
    """The seed's 2023 baseline, the metrics tests' 2025 actions, a 2025 advocacy-body action
    and a 2024 planning evening: each filter below gives a different answer from no filter."""
    build_small_fixture(app_engine)
    with transaction(app_engine) as session:
        add_action(
            session,
            "nuorisovaltuusto",
            "Nuorisovaltuuston kokous",
            date(2025, 9, 1),
            total=9,
            reach={"youth_15_29": 9},
            forms=["paatos"],
            channels=["instagram"],
            area="Keskusta",
            measures=["vuorovaikutus_jalkautuminen"],
        )
        # Outside 2025, the youth welfare department and Vierumäki: a measure only it advanced.
        add_action(
            session,
            "kaupunkiymparisto",
            "Kaavaluonnoksen esittely",
            date(2024, 4, 1),
            total=25,
            reach={"older_65_74": 6, "older_75_plus": 4},
            forms=["tieto"],
            channels=["facebook"],
            measures=["vuoropuhelu"],
        )
        ids = {
            "department": session.scalars(
                select(Department.id).where(Department.code == "hyvinvointi")
            ).one(),
            "area": session.scalars(select(Area.id).where(Area.name == "Vierumäki")).one(),
        }
    return ids


def filter_choice(name: str, ids: dict[str, int]) -> tuple[dict[str, str], MetricFilters]:
    """The address parameters of a filter and the metric filters they stand for."""
    if name == "period":
        return {"period": "2025"}, MetricFilters(start=date(2025, 1, 1), end=date(2025, 12, 31))
    if name == "department":
        return {"dept": str(ids["department"])}, MetricFilters(department_ids=(ids["department"],))
    return {"area": str(ids["area"])}, MetricFilters(area_ids=(ids["area"],))


def open_session(engine: Engine) -> Session:
    return session_factory(engine)()


def page_frame(at: AppTest, column: str) -> pd.DataFrame:
    """The first table on the page that has `column`."""
    return next(frame.value for frame in at.dataframe if column in frame.value.columns)


def suggestion_names(items: object) -> str:
    return ", ".join(f"{item.item.name_fi} ({fmt_int(item.reached)})" for item in items)  # type: ignore[attr-defined]


def assert_differs_from_unfiltered(engine: Engine, filters: MetricFilters) -> None:
    """The fixture must make the filter matter, or the checks below could not fail."""
    with open_session(engine) as session:
        assert reach_figures(session, filters).totals != reach_figures(session, MetricFilters()).totals
        youth = {gap.group.code: gap for gap in gaps_of(session, MetricFilters(), threshold=3.0)}
        youth_filtered = {gap.group.code: gap for gap in gaps_of(session, filters, threshold=3.0)}
        assert youth.get("youth_15_29") != youth_filtered.get("youth_15_29")


def lines(text: str, key: str) -> list[str]:
    """The lines of the page written from the catalogue text `key` (whatever its names)."""
    prefix = t(key, names="\0").split("\0")[0]
    return [line for line in text.splitlines() if line.startswith(prefix)]


def assert_gap_text(text: str, found: list[Gap], with_suggestions: bool) -> None:
    for gap in found:
        assert gap.sentence in text
    if not with_suggestions:
        return
    # Every card's lines, in order: a count from outside the filter would show here.
    assert lines(text, "reach.gaps.best_channels") == [
        t("reach.gaps.best_channels", names=suggestion_names(gap.best_channels))
        for gap in found
        if gap.best_channels
    ]
    assert lines(text, "reach.gaps.best_opportunities") == [
        t("reach.gaps.best_opportunities", names=suggestion_names(gap.best_opportunities))
        for gap in found
        if gap.best_opportunities
    ]
    none = sum(1 for gap in found if not gap.best_channels and not gap.best_opportunities)
    assert text.count(t("reach.gaps.best_none")) == none


def assert_representation(at: AppTest, session: Session, filters: MetricFilters) -> None:
    table = page_frame(at, t("reach.table.index"))
    rows = representation(session, filters)
    assert list(table[t("reach.table.group")]) == [row.group.name_fi for row in rows]
    assert list(table[t("reach.table.participants")]) == [fmt_int(row.participants) for row in rows]
    assert list(table[t("reach.table.index")]) == [fmt_decimal(row.index, 2) for row in rows]


def assert_trends(at: AppTest, session: Session, filters: MetricFilters) -> None:
    rows = quarterly_trends(session, READER, filters)
    if not rows:
        assert t("reach.trends.none") in page_text(at)
        return
    table = page_frame(at, t("reach.trends.quarter"))
    assert list(table[t("reach.trends.quarter")]) == [row.label for row in rows]
    assert list(table[t("reach.trends.actions")]) == [fmt_int(row.actions) for row in rows]
    assert list(table[t("reach.trends.youth")]) == [fmt_int(row.youth) for row in rows]


def key_label(key: str) -> str:
    return t(KEY_LABELS.get(key, f"council.key.{key}"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
