"""The council summary reads a period and the one before it together: each figure of the two
periods equals the same figure read for that period alone, in the statements of one period."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.demo import load_demo
from data_model.exports.council_summary import period_figures
from data_model.exports.periods import period_from_key, previous_period
from tests.factories import READER
from tests.sql_statements import sql_statements

TODAY = date(2026, 11, 28)


def test_two_periods_read_together_equal_each_read_alone_in_the_statements_of_one(engine: Engine) -> None:
    with transaction(engine) as session:
        load_demo(session)
    for key in ("2025-Q3", "2025", "2026-Q4"):
        period = period_from_key(key)
        previous = previous_period(period)
        assert previous is not None
        with session_factory(engine)() as session, sql_statements(engine) as alone_sent:
            alone = period_figures(session, READER, (period,), TODAY, "fi")[0]
        with session_factory(engine)() as session:
            earlier = period_figures(session, READER, (previous,), TODAY, "fi")[0]
        with session_factory(engine)() as session, sql_statements(engine) as together_sent:
            current, before = period_figures(session, READER, (period, previous), TODAY, "fi")
        assert current == alone
        # The previous period's figures but its oldest open loops and its gaps' suggestions,
        # which are only compared.
        assert before.totals == earlier.totals
        assert before.representation == earlier.representation
        assert before.score == earlier.score
        assert [gap.row for gap in before.gaps] == [gap.row for gap in earlier.gaps]
        assert [gap.sentence for gap in before.gaps] == [gap.sentence for gap in earlier.gaps]
        assert before.feedback.rate == earlier.feedback.rate
        assert before.feedback.open_loop_count == earlier.feedback.open_loop_count
        assert before.unused == earlier.unused
        assert before.measures == earlier.measures
        assert len(together_sent) == len(alone_sent)
