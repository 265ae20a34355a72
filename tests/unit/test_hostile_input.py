"""Hostile and broken input gets a clear message, never a traceback or a frozen server:
huge exponents, 1e30 euros, 20-digit counts, UTF-16 or binary CSV, zip bombs, control and
bidi characters, and the same file imported twice."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.exports.documents import build_csv, build_excel, build_pdf
from data_model.imports import (
    COLUMNS,
    import_actions,
    preview_import,
    table_csv,
    table_xlsx,
    template_headers,
)
from data_model.permissions import CurrentUser
from data_model.text_safety import clean_text
from data_model.validation import ActionInput, validate_action
from tests.factories import READER
from tests.metrics_data import add_action, build_small_fixture

TODAY = date(2026, 11, 28)


def _action(**values: object) -> ActionInput:
    base: dict[str, object] = {
        "department_id": 1,
        "title": "Lukupiiri",
        "start_date": date(2025, 2, 3),
        "form_codes": ["toiminta"],
    }
    return ActionInput(**(base | values))  # type: ignore[arg-type]


@pytest.mark.parametrize("count", ["1e1000000", "1e10000000", "9" * 20, "inf", "1" + "0" * 100, 1e300])
def test_huge_counts_are_refused_at_once(engine: Engine, count: object) -> None:
    with session_factory(engine)() as session:
        errors = validate_action(session, _action(participants_total=count), TODAY)
    assert "participants_total" in errors


@pytest.mark.parametrize("cost", ["1e30", 1e30, "1e1000000", "Infinity", "-0.001"])
def test_absurd_costs_are_refused_with_a_message(engine: Engine, cost: object) -> None:
    with session_factory(engine)() as session:
        errors = validate_action(session, _action(cost_eur=cost), TODAY)
    assert "cost_eur" in errors


def test_control_nul_and_bidi_characters_are_taken_out_of_text() -> None:
    assert clean_text("a\x00b\x01c\u202eexe.txt\u2066d") == "abcexe.txtd"
    assert clean_text("rivi 1\r\nrivi 2\ttab") == "rivi 1\nrivi 2\ttab"


def _csv(session_engine: Engine, rows: list[dict[str, object]]) -> bytes:
    with session_factory(session_engine)() as session:
        headers = template_headers(session)
    return table_csv(headers, [[row.get(h, "") for h in headers] for row in rows])


def _row(**values: object) -> dict[str, object]:
    base = {"department": "hyvinvointi", "title": "Lukupiiri", "start_date": "3.2.2025", "forms": "toiminta"}
    return {COLUMNS[name]: value for name, value in (base | values).items()}


@pytest.mark.parametrize(
    ("values", "column"),
    [
        ({"participants_total": "1e1000000"}, "participants_total"),
        ({"participants_total": "9" * 20}, "participants_total"),
        ({"cost_eur": "1e30"}, "cost_eur"),
    ],
)
def test_import_refuses_absurd_numbers_as_row_errors(
    engine: Engine, users: dict[str, CurrentUser], values: dict[str, object], column: str
) -> None:
    content = _csv(engine, [_row(**values)])
    with session_factory(engine)() as session:
        preview = preview_import(session, users["coordinator"], "t.csv", content)
    assert [problem.field for problem in preview.problems] == [COLUMNS[column]]


@pytest.mark.parametrize(
    "content",
    [
        "Toimiala;Otsikko\nhyvinvointi;x\n".encode("utf-16"),
        bytes(range(256)) * 20,
        b"Toimiala;Otsikko\n" + b'"' + b"x" * 200_000 + b'"\n',
    ],
    ids=["utf-16", "binary", "huge-field"],
)
def test_broken_csv_files_are_refused_with_a_message(
    engine: Engine, users: dict[str, CurrentUser], content: bytes
) -> None:
    with session_factory(engine)() as session:
        preview = preview_import(session, users["coordinator"], "t.csv", content)
    assert preview.problems and not preview.importable


def test_utf16_csv_with_a_good_row_is_read(engine: Engine, users: dict[str, CurrentUser]) -> None:
    content = _csv(engine, [_row()]).decode("utf-8-sig").encode("utf-16")
    with session_factory(engine)() as session:
        preview = preview_import(session, users["coordinator"], "t.csv", content)
    assert preview.importable, preview.problems


def test_xlsx_zip_bomb_is_refused_before_unpacking(engine: Engine, users: dict[str, CurrentUser]) -> None:
    with session_factory(engine)() as session:
        workbook = table_xlsx(template_headers(session))
    bomb = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            out.writestr(info, source.read(info))
        out.writestr("xl/padding.bin", b"\0" * (60 * 1024 * 1024))
    assert len(bomb.getvalue()) < 1024 * 1024
    with session_factory(engine)() as session:
        preview = preview_import(session, users["coordinator"], "t.xlsx", bomb.getvalue())
    assert ["purettuna" in problem.message.text() for problem in preview.problems] == [True]


def test_importing_a_file_without_identifiers_twice_does_not_duplicate(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    content = _csv(engine, [_row(), _row(title="Pihasuunnittelu")])
    coordinator = users["coordinator"]
    with transaction(engine) as session:
        assert len(import_actions(session, coordinator, "t.csv", content)) == 2
    with session_factory(engine)() as session:
        again = preview_import(session, coordinator, "t.csv", content)
    assert len(again.problems) == 2 and not again.importable
    assert all("jo tuotu" in problem.message.text() for problem in again.problems)


def test_same_action_twice_in_one_file_is_flagged(engine: Engine, users: dict[str, CurrentUser]) -> None:
    content = _csv(engine, [_row(), _row()])
    with session_factory(engine)() as session:
        preview = preview_import(session, users["coordinator"], "t.csv", content)
    assert [problem.row for problem in preview.problems] == [3]


def test_a_control_character_in_stored_text_does_not_break_the_council_files(engine: Engine) -> None:
    build_small_fixture(engine)
    with transaction(engine) as session:
        # As text stored before input was cleaned.
        add_action(
            session, "yhteiset_palvelut", "Kysely\x01 \u202eosa", date(2025, 10, 1), total=3, forms=["tieto"]
        )
    with session_factory(engine)() as session:
        excel = build_excel(session, READER, "2025", TODAY).data
        pdf = build_pdf(session, READER, "2025", TODAY).data
        csv_text = build_csv(session, READER, "2025", TODAY).data.decode("utf-8-sig")
    assert excel and pdf.startswith(b"%PDF")
    assert "Kysely osa" in csv_text and "\x01" not in csv_text and "\u202e" not in csv_text
