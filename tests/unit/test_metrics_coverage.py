"""Coverage matrices and unused opportunities, worked out by hand."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.metrics.coverage import (
    channel_by_group,
    department_by_form,
    department_by_group,
    unused_opportunities,
)
from data_model.metrics.filters import MetricFilters
from tests.factories import READER
from tests.metrics_data import YEAR_2025, add_action, build_small_fixture


def test_department_by_form(engine: Engine) -> None:
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        matrix = department_by_form(session, READER, YEAR_2025)
    assert [label.code for label in matrix.columns] == ["tieto", "suunnittelu", "paatos", "toiminta"]
    assert "tekniikka" not in [label.code for label in matrix.rows]  # inactive and unused
    assert matrix.value("hyvinvointi", "suunnittelu") == 1  # the deleted planning action is out
    assert matrix.value("hyvinvointi", "toiminta") == 1
    assert matrix.value("kaupunkiymparisto", "tieto") == 1
    assert matrix.value("kaupunkiymparisto", "paatos") == 1
    assert matrix.value("yhteiset_palvelut", "suunnittelu") == 0
    assert matrix.total == 4


def test_inactive_department_appears_when_it_has_actions(engine: Engine) -> None:
    with transaction(engine) as session:
        add_action(session, "tekniikka", "Katusuunnitelma", date(2024, 3, 1), forms=["suunnittelu"])
    with session_factory(engine)() as session:
        matrix = department_by_form(session, READER, MetricFilters())
    assert matrix.value("tekniikka", "suunnittelu") == 1
    assert matrix.value("yhteiset_palvelut", "suunnittelu") == 3  # the baseline


def test_channel_and_department_by_group(engine: Engine) -> None:
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        channels = channel_by_group(session, READER, YEAR_2025)
        departments = department_by_group(session, READER, YEAR_2025)
    columns = [label.code for label in channels.columns]
    assert "residents" not in columns and "youth_15_29" in columns
    for channel in ("instagram", "snapchat"):
        assert channels.value(channel, "youth_15_29") == 30
        assert channels.value(channel, "children_0_14") == 5
        assert channels.value(channel, "foreign_language") == 4
    assert channels.value("facebook", "working_age_30_64") == 20
    assert channels.value("facebook", "older_65_74") == 10
    assert channels.value("wilma", "youth_15_29") == 3
    assert channels.total == 2 * (30 + 5 + 4) + 20 + 10 + 3
    assert departments.value("hyvinvointi", "youth_15_29") == 33
    assert departments.value("hyvinvointi", "foreign_language") == 4
    assert departments.value("kaupunkiymparisto", "working_age_30_64") == 20
    assert departments.total == 33 + 5 + 4 + 20 + 10


def test_unused_opportunities_in_the_last_twelve_months(engine: Engine) -> None:
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        end_of_2025 = {
            item.opportunity.code: item.last_used
            for item in unused_opportunities(session, READER, MetricFilters(), date(2025, 12, 31))
        }
        spring_2024 = {
            item.opportunity.code: item.last_used
            for item in unused_opportunities(session, READER, MetricFilters(), date(2024, 5, 1))
        }
    assert len(end_of_2025) == 24 - 2
    assert "nuorisovaltuusto" not in end_of_2025 and "kaavoituksen_tilaisuudet" not in end_of_2025
    assert end_of_2025["asukaskyselyt"] == date(2023, 6, 1)
    assert end_of_2025["lapsi_nuorisoparlamentti"] is None  # only a deleted action used it
    # On 1.5.2024 the June 2023 survey is within 12 months; the 2025 actions are in the future.
    assert "asukaskyselyt" not in spring_2024
    assert spring_2024["osallistuva_budjetointi"] == date(2023, 1, 1)
    assert spring_2024["nuorisovaltuusto"] is None
