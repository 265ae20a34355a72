"""Fixtures of the unit tests beyond tests/conftest.py."""

import pytest
from sqlalchemy import Engine

from data_model.permissions import CurrentUser
from tests.factories import create_role_users
from tests.unit.read_world import world  # noqa: F401 (a fixture, found by name)


@pytest.fixture
def users(engine: Engine) -> dict[str, CurrentUser]:
    """One user per role (and a second department head) in the test's database."""
    return create_role_users(engine)
