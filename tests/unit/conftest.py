"""Fixtures of the unit tests beyond tests/conftest.py."""

from tests.unit.read_world import world  # noqa: F401 (a fixture, found by name)
