"""What the council files look like once opened: the development measures written out whole
in the workbook and the CSV, the summary sheet's shares and indices in number formats, and
PDF tables that never cut a word or a date in two."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader
from sqlalchemy import Engine, select

from data_model.db import session_factory, transaction
from data_model.exports.council_summary import build_council_summary
from data_model.exports.documents import build_csv, build_excel, build_pdf
from data_model.exports.tables import DATE, TEXT, as_text
from data_model.i18n import t
from data_model.models import DevelopmentMeasure
from tests.factories import READER
from tests.metrics_data import add_action, build_small_fixture

PERIOD = "2025"
TODAY = date(2026, 11, 28)
LONG_MEASURES = ("mahdollisuuksista_viestiminen", "paatoksenteon_lapinakyvyys")


@pytest.fixture
def report_engine(engine: Engine) -> Engine:
    """The metrics' small 2025 fixture and an action advancing two long measures."""
    build_small_fixture(engine)
    with transaction(engine) as session:
        add_action(
            session,
            "yhteiset_palvelut",
            "Avoin päätöksenteko -ilta",
            date(2025, 11, 4),
            total=12,
            forms=["tieto"],
            measures=list(LONG_MEASURES),
        )
    return engine


def _measure_texts(engine: Engine) -> list[str]:
    with session_factory(engine)() as session:
        rows = session.scalars(select(DevelopmentMeasure).where(DevelopmentMeasure.code.in_(LONG_MEASURES)))
        texts = {row.code: row.text_fi for row in rows}
    return [texts[code] for code in LONG_MEASURES]


def _actions_sheet(data: bytes) -> Worksheet:
    sheet = load_workbook(io.BytesIO(data))[t("council.sheet.actions")[:31]]
    assert isinstance(sheet, Worksheet)
    return sheet


def test_the_workbook_and_csv_write_the_measures_out_whole(report_engine: Engine) -> None:
    measures = _measure_texts(report_engine)
    assert all(len(text) > 60 for text in measures)  # longer than the old cut
    header = t("council.col.measures")
    with session_factory(report_engine)() as session:
        workbook = build_excel(session, READER, PERIOD, TODAY).data
        csv_data = build_csv(session, READER, PERIOD, TODAY).data
    rows = list(_actions_sheet(workbook).iter_rows(values_only=True))
    column = rows[0].index(header)
    cells = [str(row[column]) for row in rows[1:] if row[column]]
    assert "; ".join(measures) in cells
    assert not any("…" in cell for cell in cells)
    records = list(csv.DictReader(io.StringIO(csv_data.decode("utf-8-sig")), delimiter=";"))
    written = [record[header] for record in records if record[header]]
    assert "; ".join(measures) in written
    assert not any("…" in cell for cell in written)


def test_the_summary_sheet_shows_shares_and_indices_in_number_formats(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        summary = build_council_summary(session, READER, PERIOD, TODAY)
        data = build_excel(session, READER, PERIOD, TODAY).data
    sheet = load_workbook(io.BytesIO(data))[t("council.doc.front")[:31]]
    cells = {row[0].value: row[1] for row in sheet.iter_rows()}
    expected = {number.key: number for number in summary.key_numbers}
    score = cells[t("term.metric.score")]
    rate = cells[t("council.key.feedback_rate")]
    assert expected["score"].value is not None and expected["feedback_rate"].value is not None
    assert score.value == pytest.approx(expected["score"].value)
    assert score.number_format == "0.00"  # 0,07 in a Finnish Excel, not 0.0712752…
    assert rate.value == pytest.approx(expected["feedback_rate"].value)
    assert rate.number_format == "0 %"  # 75 %, not 0.75
    assert cells[t("council.key.actions")].number_format == "#,##0"


def _pdf_words(data: bytes) -> set[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return set(re.split(r"\s+", text))


def test_pdf_tables_break_lines_between_words_never_inside_them(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        summary = build_council_summary(session, READER, PERIOD, TODAY)
        data = build_pdf(session, READER, PERIOD, TODAY).data
    words = _pdf_words(data)
    yes, no = t("council.yes"), t("council.no")
    tokens: set[str] = set()
    for table in summary.pdf_tables:
        for column_index, column in enumerate(table.columns):
            tokens.update(column.header.split())
            for row in table.rows:
                text = as_text(row[column_index], column.kind, yes, no)
                if column.kind == DATE or column.kind == TEXT:
                    tokens.update(text.split())
    assert "Edustavuus" in tokens and any(re.fullmatch(r"\d+\.\d+\.20\d\d", token) for token in tokens)
    broken = sorted(token for token in tokens if token not in words)
    assert broken == []
