"""The demo data with some of it soft-deleted: what the tests of figures read from the monthly
sums compare against the raw rows (the deleted actions must count on neither side)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, func, select

from data_model.db import transaction
from data_model.demo import load_demo
from data_model.metrics.filters import quarter_of, quarter_range
from data_model.models import Action
from data_model.services.actions import soft_delete_action
from tests.factories import create_role_users


def load_demo_with_deletions(engine: Engine, today: date) -> Engine:
    """Load the demo as of `today`, then soft-delete five demo actions and every action of the
    earliest quarter, whose buckets so stay as rows of zeros that must count as nothing."""
    users = create_role_users(engine)
    with transaction(engine) as session:
        load_demo(session, today)
    with transaction(engine) as session:
        first = session.scalar(select(func.min(Action.start_date)))
        assert first is not None
        start, end = quarter_range(*quarter_of(first))
        earliest = select(Action.id).where(Action.start_date >= start, Action.start_date <= end)
        some = select(Action.id).where(Action.is_demo).order_by(Action.id).limit(5)
        for action_id in sorted({*session.scalars(earliest), *session.scalars(some)}):
            soft_delete_action(session, users["coordinator"], action_id)
    return engine
