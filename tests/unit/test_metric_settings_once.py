"""The metric settings are read once per transaction however many metrics ask, and a change
to them in that transaction is seen at once."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event, update

from data_model.db import session_factory
from data_model.metrics.settings import load_metric_settings
from data_model.models import Setting


def test_settings_are_read_once_and_a_change_is_seen(engine: Engine) -> None:
    statements: list[str] = []

    def seen(*args: Any) -> None:
        statements.append(args[2])

    with session_factory(engine)() as session:
        event.listen(engine, "before_cursor_execute", seen)
        try:
            first = load_metric_settings(session)
            assert load_metric_settings(session) == first
            assert len(statements) == 1
            session.execute(update(Setting).where(Setting.key == "small_count").values(value="9"))
            assert load_metric_settings(session).small_count == 9
            session.get(Setting, "small_count").value = "4"  # type: ignore[union-attr]
            session.flush()
            assert load_metric_settings(session).small_count == 4
        finally:
            event.remove(engine, "before_cursor_execute", seen)
