"""What one app process does, run as a real separate process by the concurrency tests:
`python -m tests.processes.workers start URL AT` or `create URL AT COUNT USER_ID`.

Each waits until the wall-clock time AT, so all processes hit the database together."""

from __future__ import annotations

import sys
import time
from dataclasses import replace

from data_model.bootstrap import prepare_database
from data_model.db import make_engine, session_factory, transaction
from data_model.models import User
from data_model.permissions import CurrentUser
from data_model.services.actions import create_action
from tests.unit.action_inputs import valid_input


def _wait_until(at: float) -> None:
    time.sleep(max(0.0, at - time.time()))


def start(url: str, at: float) -> None:
    """An app process's first request: migrate and seed (the demo too)."""
    engine = make_engine(url)
    _wait_until(at)
    prepare_database(engine, with_demo=True)


def create(url: str, at: float, count: int, user_id: int) -> None:
    """`count` actions logged one by one through the service, each in its own transaction."""
    engine = make_engine(url)
    with session_factory(engine)() as session:
        user = session.get_one(User, user_id)
        acting = CurrentUser(user.id, user.username, user.role, user.department_id, user.display_name)
        data = valid_input(session)
    _wait_until(at)
    for number in range(count):
        with transaction(engine) as session:
            create_action(session, acting, replace(data, title=f"Rinnakkain {number}"))


if __name__ == "__main__":
    command, url, at, *rest = sys.argv[1:]
    if command == "start":
        start(url, float(at))
    else:
        create(url, float(at), int(rest[0]), int(rest[1]))
