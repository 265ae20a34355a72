"""The metric settings are read once per transaction however many metrics ask, and a change
to them in that transaction is seen at once."""

from __future__ import annotations

from sqlalchemy import Engine, update

from data_model.db import session_factory
from data_model.metrics.settings import load_metric_settings
from data_model.models import Setting
from tests.sql_statements import sql_statements


def test_settings_are_read_once_and_a_change_is_seen(engine: Engine) -> None:
    with session_factory(engine)() as session, sql_statements(engine) as statements:
        first = load_metric_settings(session)
        assert load_metric_settings(session) == first
        assert len(statements) == 1
        session.execute(update(Setting).where(Setting.key == "small_count").values(value="9"))
        assert load_metric_settings(session).small_count == 9
        session.get(Setting, "small_count").value = "4"  # type: ignore[union-attr]
        session.flush()
        assert load_metric_settings(session).small_count == 4
