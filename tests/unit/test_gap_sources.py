"""The council's channel × group matrix and its gaps' suggestions are read in one statement
(two were issue 12's: the same names and channel sums were read by each), and both equal what
each reads alone."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.demo import load_demo
from data_model.metrics.coverage import channel_by_group
from data_model.metrics.filters import MetricFilters
from data_model.metrics.gap_sources import channel_matrix_with_sources
from data_model.metrics.gaps import gap_rows, gaps_among
from data_model.metrics.reach import reach_figures
from tests.factories import READER
from tests.sql_statements import sql_statements


@pytest.mark.parametrize(
    "filters",
    [
        MetricFilters(start=date(2025, 7, 1), end=date(2025, 9, 30)),  # from the monthly sums
        MetricFilters(start=date(2025, 3, 15), end=date(2025, 11, 20)),  # from the actions
    ],
)
def test_the_matrix_and_the_suggestions_are_one_statement(engine: Engine, filters: MetricFilters) -> None:
    with transaction(engine) as session:
        load_demo(session)
    day = filters.end
    assert day is not None
    with session_factory(engine)() as session:
        compared = reach_figures(session, filters).representation
        rows = gap_rows(session, compared)
        with sql_statements(engine) as sent:
            matrix, sources = channel_matrix_with_sources(session, filters, rows, day)
        assert len(sent) == 1
        assert rows and matrix.total > 0
        assert matrix == channel_by_group(session, READER, filters, day)
        assert gaps_among(session, filters, compared, sources=sources) == gaps_among(
            session, filters, compared
        )
