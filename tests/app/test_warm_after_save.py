"""A save makes cold only the cached reads of the domain it changed (data_model.data_versions):
after a logged action the users list and the programme texts stay warm, while every figure
counted from actions, the Overview's first, shows the new action on the next rerun."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.data_versions import ACTIONS, INITIATIVES
from data_model.db import transaction
from data_model.metrics.freshness import last_change_at
from data_model.metrics.targets import target_progress
from data_model.permissions import CurrentUser
from data_model.reader_domains import domains_of
from data_model.services import users
from data_model.services.initiatives import create_initiative
from pages.widgets import data
from tests.app.metric_pages import log_youth_evening, metric_values
from tests.sql_statements import sql_statements
from tests.unit.initiative_inputs import initiative_input

USERS_PAGE = "pages/manage/users.py"
OVERVIEW = "pages/reports/overview.py"
PROGRAMME_PAGES = (
    "pages/programme/swot.py",
    "pages/programme/catalogue.py",
    "pages/programme/steps.py",
    "pages/programme/channels.py",
    "pages/programme/responsibilities.py",
)


class _Recording(dict[str, Callable[..., Any]]):
    """data._READERS, noting each reader looked up: a lookup is a cache miss (a hit never
    calls the reader)."""

    def __init__(self, readers: dict[str, Callable[..., Any]]) -> None:
        super().__init__(readers)
        self.ran: list[Callable[..., Any]] = []

    def __getitem__(self, name: str) -> Callable[..., Any]:
        reader = super().__getitem__(name)
        self.ran.append(reader)
        return reader


@contextmanager
def readers_run(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Callable[..., Any]]]:
    recording = _Recording(data._READERS)
    with monkeypatch.context() as patch:
        patch.setattr(data, "_READERS", recording)
        yield recording.ran


def test_a_logged_action_leaves_users_and_programme_texts_warm(
    open_app: Callable[..., AppTest],
    role_users: dict[str, CurrentUser],
    app_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    users_page = open_app("koordinaattori", USERS_PAGE)
    programme_pages = [open_app("valtuutettu", page) for page in PROGRAMME_PAGES]
    overview = open_app("toimialajohtaja", OVERVIEW)
    assert metric_values(overview)["Toimet"] == "3"
    with sql_statements() as warm:
        users_page.run()

    # Logged in another session (or process): only the actions' version moves.
    log_youth_evening(
        app_engine, role_users["department_head"], total=40, youth=30, form_codes=["suunnittelu"]
    )

    with readers_run(monkeypatch) as ran, sql_statements() as after_save:
        users_page.run()
    assert not users_page.exception
    assert ran == []
    assert len(after_save) == len(warm)  # the login check and the versions, nothing cached
    for at, page in zip(programme_pages, PROGRAMME_PAGES, strict=True):
        with readers_run(monkeypatch) as ran:
            at.run()
        assert not at.exception, page
        # Only what counts actions ran again; the programme's own texts and counts did not.
        assert all(ACTIONS in domains_of(reader) for reader in ran), (page, ran)
    with readers_run(monkeypatch) as ran:
        overview.run()
    assert metric_values(overview)["Toimet"] == "4"
    assert ran


def test_a_new_user_leaves_every_figure_warm(
    open_app: Callable[..., AppTest],
    role_users: dict[str, CurrentUser],
    app_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pages = [open_app("koordinaattori", page) for page in (OVERVIEW, *PROGRAMME_PAGES)]
    with transaction(app_engine) as session:
        users.create_user(
            session,
            role_users["coordinator"],
            "uusi.kayttaja",
            "council",
            "Uusi Käyttäjä",
            "Uusi-salasana-2026",
        )
    for at in pages:
        with readers_run(monkeypatch) as ran:
            at.run()
        assert not at.exception
        # A freshness line says when anything last changed; every figure stays cached.
        assert set(ran) <= {last_change_at}


def test_a_saved_initiative_leaves_the_overview_and_its_targets_warm(
    open_app: Callable[..., AppTest],
    role_users: dict[str, CurrentUser],
    app_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # No target measures an initiative: their progress reads actions, reports, the programme,
    # reference data, population, settings and the targets themselves, nothing else.
    overview = open_app("koordinaattori", OVERVIEW)
    with transaction(app_engine) as session:
        create_initiative(session, role_users["coordinator"], initiative_input(session))
    with readers_run(monkeypatch) as ran:
        overview.run()
    assert not overview.exception
    assert set(ran) <= {last_change_at}
    assert INITIATIVES not in domains_of(target_progress)
