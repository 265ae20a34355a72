"""The evaluation's PDF and workbook read back (pypdf, openpyxl): their numbers and words are
the metrics' for the edition's period, with the honesty flags, in Finnish and English."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader
from sqlalchemy import Engine

from data_model.db import session_factory
from data_model.exports.evaluation_documents import build_evaluation_excel, build_evaluation_pdf
from data_model.exports.excel_export import sheet_name
from data_model.formatting import fmt_date
from data_model.i18n import t
from data_model.metrics.editions import EditionInfo
from data_model.metrics.evaluation import EditionEvaluation, edition_evaluation
from data_model.permissions import PermissionDenied
from tests.factories import READER
from tests.unit.evaluation_fixture import MEASURE, edition_info, log_evaluation_actions

TODAY = date(2026, 12, 7)


def _squash(text: str) -> str:
    """Text without any whitespace: PDF extraction breaks lines and spaces freely."""
    return re.sub(r"\s+", "", text)


def _pdf_text(data: bytes) -> str:
    return _squash("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def _records(data: bytes, title: str) -> list[dict[str, object]]:
    sheet = load_workbook(io.BytesIO(data))[sheet_name(title)]
    assert isinstance(sheet, Worksheet)
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _front(data: bytes, lang: str = "fi") -> list[tuple[object, object]]:
    sheet = load_workbook(io.BytesIO(data))[sheet_name(t("evaluation.doc.front", lang))]
    assert isinstance(sheet, Worksheet)
    return [(row[0], row[1]) for row in sheet.iter_rows(values_only=True)]


def _found(engine: Engine) -> tuple[EditionInfo, EditionEvaluation]:
    log_evaluation_actions(engine)
    edition = edition_info(engine)
    with session_factory(engine)() as session:
        return edition, edition_evaluation(session, READER, edition, TODAY)


def test_the_workbook_holds_the_metrics_numbers(engine: Engine) -> None:
    edition, found = _found(engine)
    with session_factory(engine)() as session:
        export = build_evaluation_excel(session, READER, edition, TODAY)
    assert export.name == "ohjelmakauden_arviointi_osallistuva_heinola_2023_2025_2026-12-07.xlsx"
    measures = _records(export.data, t("evaluation.table.measures"))
    assert [
        (row[t("evaluation.col.actions")], row[t("evaluation.col.participants")]) for row in measures
    ] == [(row.activity.actions, row.reach.participants) for row in found.measures]
    by_code = {row.activity.code: row for row in found.measures}
    assert by_code[MEASURE].reach.participants == 40
    swot = _records(export.data, t("evaluation.table.swot"))
    assert len(swot) == 16
    for sheet_row, item in zip(swot, found.swot, strict=True):
        start = item.at_start.text.text("fi") if item.at_start else None
        end = item.at_end.text.text("fi") if item.at_end else None
        assert (sheet_row[t("evaluation.col.at_start")], sheet_row[t("evaluation.col.at_end")]) == (
            start,
            end,
        )
    statutory = _records(export.data, t("evaluation.table.statutory"))
    assert [row[t("evaluation.col.used")] for row in statutory] == [
        t("council.yes") if row.used else t("council.no") for row in found.statutory
    ]
    start_rows = _records(export.data, t("evaluation.table.representation_start"))
    assert [row[t("council.col.participants")] for row in start_rows] == [
        row.participants for row in found.start.representation
    ]
    front = dict(_front(export.data))
    assert front[t("evaluation.doc.approval")] == "Hyväksynyt: Kaupunginhallitus, 16.10.2023, § 214"
    assert front[t("evaluation.doc.end")].date() == date(2025, 12, 31)  # type: ignore[union-attr]
    lines = [str(value) for _label, value in _front(export.data)]
    assert any("Nuoret (15–29 v)" in line and "Väestöluku on arvio" in line for line in lines)


def test_the_pdf_states_the_metrics_numbers_with_their_cautions(engine: Engine) -> None:
    edition, found = _found(engine)
    with session_factory(engine)() as session:
        export = build_evaluation_pdf(session, READER, edition, TODAY)
    assert export.data.startswith(b"%PDF") and export.name.endswith("_2026-12-07.pdf")
    text = _pdf_text(export.data)
    totals = found.figures.totals
    assert _squash(f"Kaudella kirjattiin {totals.actions} toimenpidettä") in text
    assert _squash("Hyväksynyt: Kaupunginhallitus, 16.10.2023, § 214") in text
    assert _squash("osallistujia 40 (osallistujamäärä puuttuu toimista: 1)") in text
    # the 2023 survey's youth gap at the start, with its cautions
    youth = next(gap for gap in found.start.gaps if gap.group.code == "youth_15_29")
    assert _squash(youth.sentence) in text
    assert _squash("Väestöluku on arvio") in text
    for item in found.swot:
        for value in (item.at_start, item.at_end):
            if value is not None:
                assert _squash(value.text.text("fi")) in text
    rate = found.feedback
    assert _squash(f"{rate.with_feedback} / {rate.actions}") in text
    used = sum(1 for row in found.statutory if row.used)
    assert _squash(f"käytettiin kaudella {used}/{len(found.statutory)}") in text
    assert _squash("Tietojen lähde ja ajantasaisuus") in text


def test_the_english_documents_say_it_in_english(engine: Engine) -> None:
    edition, found = _found(engine)
    with session_factory(engine)() as session:
        pdf = build_evaluation_pdf(session, READER, edition, TODAY, "en")
        excel = build_evaluation_excel(session, READER, edition, TODAY, "en")
    approval = t(
        "evaluation.approval.text",
        "en",
        body=t("term.approver.city_board", "en"),
        date=fmt_date(date(2023, 10, 16), lang="en"),
        section=214,
    )
    text = _pdf_text(pdf.data)
    assert approval.startswith("Approved by: ") and _squash(approval) in text
    assert _squash("Participatory Heinola 2023–2025") in text
    measures = _records(excel.data, t("evaluation.table.measures", "en"))
    assert [row[t("evaluation.col.actions", "en")] for row in measures] == [
        row.activity.actions for row in found.measures
    ]


def test_without_an_account_no_document_is_built(engine: Engine) -> None:
    edition = edition_info(engine)
    with session_factory(engine)() as session:
        for builder in (build_evaluation_pdf, build_evaluation_excel):
            with pytest.raises(PermissionDenied):
                builder(session, None, edition, TODAY)
