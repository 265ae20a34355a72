"""Importing survey results from CSV and Excel: good rows are saved through the service,
audited; a file with bad rows shows every bad cell with its row number and saves nothing; only
the coordinator may preview or import."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine, func, select

from data_model.db import session_factory, transaction
from data_model.imports.experience import import_experience, preview_experience_import
from data_model.imports.file_format import EXPERIENCE_COLUMNS
from data_model.imports.problems import ImportRefused
from data_model.models import AuditEntry, ExperienceResult
from data_model.permissions import CurrentUser, PermissionDenied
from tests.factories import create_role_users

HEADER = list(EXPERIENCE_COLUMNS.values())
GOOD = [
    [
        "thl_school_health",
        "2023",
        "Nuoret (15–29 v)",
        "",
        "412",
        "61",
        "",
        "",
        "",
        "THL 2023",
        "https://thl.fi/x",
    ],
    ["Kaupungin asukaskysely", "2025", "kaikki", "", "137", "", "38", "31", "31", "Kysely 2025", ""],
    ["thl_wellbeing_region", "2025", "", "Asemantaus", "22", "58,5", "", "", "", "Alue 2025", ""],
]
BAD = [
    ["gallup", "2023", "", "", "10", "61", "", "", "", "x", ""],  # row 2: unknown survey
    ["thl_school_health", "1990", "Marsilaiset", "", "0", "140", "", "", "", "", ""],  # row 3
    ["thl_school_health", "2023", "Nuoret (15–29 v)", "", "412", "61", "", "", "", "THL", ""],  # row 4 ok
    ["thl_school_health", "2023", "youth_15_29", "", "400", "60", "", "", "", "THL", ""],  # row 5 repeats 4
]


def _csv(rows: list[list[str]]) -> bytes:
    return "\n".join(";".join(row) for row in [HEADER, *rows]).encode("utf-8")


def _xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADER, *rows]:
        sheet.append([int(cell) if cell.isdigit() else cell for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def users(engine: Engine) -> dict[str, CurrentUser]:
    return create_role_users(engine)


@pytest.mark.parametrize(("name", "build"), [("tulokset.csv", _csv), ("tulokset.xlsx", _xlsx)])
def test_good_rows_are_previewed_then_saved_and_audited(
    engine: Engine, users: dict[str, CurrentUser], name, build
) -> None:  # type: ignore[no-untyped-def]
    coordinator = users["coordinator"]
    with session_factory(engine)() as session:
        preview = preview_experience_import(session, coordinator, name, build(GOOD))
        assert preview.importable and [row.row for row in preview.rows] == [2, 3, 4]
        assert session.scalar(select(func.count(ExperienceResult.id))) == 0
    with transaction(engine) as session:
        ids = import_experience(session, coordinator, name, build(GOOD))
    with session_factory(engine)() as session:
        stored = [session.get_one(ExperienceResult, number) for number in ids]
        assert [(r.survey, r.year, r.respondents, r.score, r.agree_pct, r.source) for r in stored] == [
            ("thl_school_health", 2023, 412, 61, None, "import"),
            ("city_survey", 2025, 137, None, 38, "import"),
            ("thl_wellbeing_region", 2025, 22, 58.5, None, "import"),
        ]
        assert stored[0].audience_group_id is not None and stored[1].audience_group_id is None
        assert stored[2].area_id is not None
        events = session.scalars(
            select(AuditEntry.event).where(AuditEntry.entity == "experience_result")
        ).all()
        assert sorted(events) == ["create", "create", "create", "import"]


@pytest.mark.parametrize(("name", "build"), [("tulokset.csv", _csv), ("tulokset.xlsx", _xlsx)])
def test_bad_rows_are_named_by_row_and_column_and_nothing_is_saved(
    engine: Engine, users: dict[str, CurrentUser], name, build
) -> None:  # type: ignore[no-untyped-def]
    coordinator = users["coordinator"]
    with session_factory(engine)() as session:
        preview = preview_experience_import(session, coordinator, name, build(BAD))
    assert not preview.importable
    assert [row.ok for row in preview.rows] == [False, False, True, False]
    found = {(p.row, p.field, p.message.key) for p in preview.problems}
    assert found == {
        (2, "Kysely", "import.error.unknown_value"),
        (3, "Vuosi", "experience.error.year"),
        (3, "Ryhmä", "import.error.unknown_value"),
        (3, "Vastaajia", "experience.error.respondents"),
        (3, "Pistemäärä (0–100)", "validation.number_between"),
        (3, "Lähde", "experience.error.source_missing"),
        (5, "Vuosi", "import.error.result_repeated"),
    }
    with session_factory(engine)() as session:
        with pytest.raises(ImportRefused) as refused:
            import_experience(session, coordinator, name, build(BAD))
        assert len(refused.value.problems) == len(found)
        session.rollback()
        assert session.scalar(select(func.count(ExperienceResult.id))) == 0


def test_a_missing_column_refuses_the_file(engine: Engine, users: dict[str, CurrentUser]) -> None:
    content = b"Kysely;Vuosi\nthl_school_health;2023\n"
    with session_factory(engine)() as session:
        preview = preview_experience_import(session, users["coordinator"], "x.csv", content)
    assert {p.field for p in preview.problems} == {"Vastaajia", "Lähde"} and preview.rows == ()


@pytest.mark.parametrize("role", ["department_head", "council"])
def test_only_the_coordinator_previews_or_imports(
    engine: Engine, users: dict[str, CurrentUser], role: str
) -> None:
    with session_factory(engine)() as session:
        with pytest.raises(PermissionDenied):
            preview_experience_import(session, users[role], "x.csv", _csv(GOOD))
        with pytest.raises(PermissionDenied):
            import_experience(session, users[role], "x.csv", _csv(GOOD))
        session.rollback()
        assert session.scalar(select(func.count(ExperienceResult.id))) == 0
