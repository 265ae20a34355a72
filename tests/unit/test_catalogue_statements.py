"""The catalogue's usage reads its forms, items and each item's use by department in one
statement (two were issue 12's: the use per item and department, then the forms' items); the
council summary reads its periods' unused opportunities in that statement too."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.demo import load_demo
from data_model.metrics.catalogue import catalogue_usage, catalogue_with_unused
from data_model.metrics.coverage import unused_opportunities_for
from data_model.metrics.filters import MetricFilters
from tests.factories import READER
from tests.sql_statements import statements_of

TODAY = date(2026, 11, 28)


def test_the_catalogue_and_its_use_are_one_statement(engine: Engine) -> None:
    with transaction(engine) as session:
        load_demo(session)
    usage, sent = statements_of(engine, lambda session: catalogue_usage(session, READER, TODAY))
    assert len(sent) == 1
    assert any(item.departments for form in usage.forms for item in form.opportunities)


def test_the_catalogue_and_the_periods_unused_opportunities_are_one_statement(engine: Engine) -> None:
    with transaction(engine) as session:
        load_demo(session)
    days = [TODAY, date(2025, 9, 30)]  # this period's (the catalogue's day) and the previous one's
    (usage, unused), sent = statements_of(
        engine, lambda session: catalogue_with_unused(session, READER, TODAY, days)
    )
    assert len(sent) == 1
    with session_factory(engine)() as session:
        assert usage == catalogue_usage(session, READER, TODAY)
        assert unused == unused_opportunities_for(session, [(MetricFilters(), day, None) for day in days])
    assert all(unused)
