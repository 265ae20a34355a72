"""The evaluation page per role: every role reads the seeded edition's evaluation (the ended
2023–2025 edition is chosen first), its measures table holds the reader's own figures, and the
2023 survey's youth gap shows at the start."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model import clock
from data_model.db import session_factory
from data_model.metrics.editions import programme_editions
from data_model.metrics.evaluation import edition_evaluation
from tests.app.metric_pages import USERNAMES, page_text
from tests.factories import READER

PAGE = "pages/reports/evaluation.py"


@pytest.mark.parametrize("username", USERNAMES)
def test_every_role_reads_the_seeded_editions_evaluation(
    open_app: Callable[..., AppTest], app_engine: Engine, username: str
) -> None:
    at = open_app(username, page=PAGE)
    assert not at.exception
    text = page_text(at)
    assert "Hyväksynyt: Kaupunginhallitus, 16.10.2023, § 214" in text
    assert "Kausi 1.1.2023–31.12.2025 on päättynyt." in text
    assert "Kauden alussa: 12 kk ennen ohjelman hyväksymistä (17.10.2022–16.10.2023)" in text
    assert "Nuoret (15–29 v): 1\u00a0% osallistujista, 16\u00a0% väestöstä" in text
    assert "Alle 5 osallistujaa" in text and "Väestöluku on arvio" in text
    with session_factory(app_engine)() as session:
        edition = programme_editions(session, READER, clock.today()).editions[0]
        found = edition_evaluation(session, READER, edition, clock.today())
    assert at.selectbox(key="evaluation_edition").value.id == edition.id
    measures = at.dataframe[0].value.to_dict("records")
    assert [row["Toimia kaudella"] for row in measures] == [
        str(row.activity.actions) for row in found.measures
    ]
    assert len(measures) == 9


def test_the_council_member_creates_the_pdf_and_the_workbook(open_app: Callable[..., AppTest]) -> None:
    at = open_app("valtuutettu", page=PAGE)
    assert not at.exception
    at = at.button[0].click().run()
    assert not at.exception
    labels = [element.proto.label for element in at.get("download_button")]
    assert labels == ["Lataa PDF", "Lataa Excel"]
