"""Actions for the evaluation tests: two in the seeded edition advancing one measure (one of
them with an unknown total) and one after the edition, beside the seed's 2023 baseline."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, select

from data_model.db import session_factory, transaction
from data_model.metrics.editions import EditionInfo, programme_editions
from data_model.models import ProgrammeEdition
from tests.factories import READER
from tests.metrics_data import add_action

SEEDED = "osallistuva_heinola_2023_2025"
MEASURE = "vuorovaikutus_jalkautuminen"
YOUTH = "youth_15_29"


def edition_id(engine: Engine, code: str = SEEDED) -> int:
    with session_factory(engine)() as session:
        return session.scalars(select(ProgrammeEdition.id).where(ProgrammeEdition.code == code)).one()


def edition_info(engine: Engine, code: str = SEEDED) -> EditionInfo:
    """The edition as the evaluation page hands it to the evaluation (metrics.editions)."""
    chosen = edition_id(engine, code)
    with session_factory(engine)() as session:
        return programme_editions(session, READER, date(2026, 12, 7)).get(chosen)


def log_evaluation_actions(engine: Engine) -> None:
    """Two actions in the edition advancing one measure (one with an unknown total), one after it."""
    with transaction(engine) as session:
        add_action(
            session,
            "hyvinvointi",
            "Nuorten kuuleminen",
            date(2024, 3, 10),
            total=40,
            reach={YOUTH: 30},
            forms=["suunnittelu"],
            measures=[MEASURE],
            feedback_given=True,
        )
        add_action(
            session,
            "kaupunkiymparisto",
            "Kaavailta",
            date(2025, 5, 5),
            total=None,
            forms=["paatos"],
            measures=[MEASURE],
            opportunity="kaavoituksen_tilaisuudet",
        )
        add_action(
            session,
            "hyvinvointi",
            "Seuraavan kauden toimi",
            date(2026, 2, 1),
            total=500,
            reach={YOUTH: 400},
            measures=[MEASURE],
            opportunity="nuorisovaltuusto",
        )
