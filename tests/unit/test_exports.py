"""The council documents: their numbers are the metrics' numbers, free text cannot become a
spreadsheet formula, Finnish letters survive, and file names say the period and the day."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from data_model import clock
from data_model.db import session_factory, transaction
from data_model.exports.council_summary import build_council_summary, period_filters
from data_model.exports.documents import build_csv, build_excel, build_pdf, file_name
from data_model.exports.pdf_export import find_unicode_font, latin1
from data_model.exports.periods import period_from_key
from data_model.exports.safe import safe_cell
from data_model.formatting import fmt_count, fmt_decimal, fmt_int, fmt_pct
from data_model.i18n import t
from data_model.metrics.coverage import unused_opportunities
from data_model.metrics.feedback import feedback_loop
from data_model.metrics.reach import reach_figures, representation
from data_model.metrics.reporting import reporting_status
from tests.factories import READER
from tests.metrics_data import add_action, build_small_fixture, gaps_of

PERIOD = "2025"
TODAY = date(2026, 11, 28)
MALICIOUS = (
    '=HYPERLINK("http://evil","x")',
    "+SUM(1,2)",
    "-2+3",
    "@cmd",
    "\t=1+1",
)


@pytest.fixture
def report_engine(engine: Engine) -> Engine:
    """The seeded programme, the metrics tests' small 2025 fixture, and hostile titles."""
    build_small_fixture(engine)
    with transaction(engine) as session:
        for number, title in enumerate(MALICIOUS):
            add_action(
                session,
                "yhteiset_palvelut",
                title,
                date(2025, 10, 1 + number),
                total=number + 1,
                reach={"older_75_plus": number + 1},
                forms=["tieto"],
            )
    return engine


def _squash(text: str) -> str:
    """Text without any whitespace: PDF extraction breaks lines and spaces freely."""
    return re.sub(r"\s+", "", text)


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _sheet(data: bytes, title: str) -> Worksheet:
    book = load_workbook(io.BytesIO(data))
    sheet = book[title[:31]]
    assert isinstance(sheet, Worksheet)
    return sheet


def _records(sheet: Worksheet) -> list[dict[str, object]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_pdf_states_the_metrics_numbers(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        filters = period_filters(period_from_key(PERIOD))
        totals = reach_figures(session, filters).totals
        found = gaps_of(session, filters)
        rows = representation(session, filters)
        loop = feedback_loop(session, READER, filters, date(2025, 12, 31))
        text = _squash(_pdf_text(build_pdf(session, READER, PERIOD, TODAY).data))
    sentence = t(
        "council.overview.actions",
        period="2025",
        start="1.1.2025",
        end="31.12.2025",
        actions=fmt_count(totals.actions, "participation_action"),
        participants=fmt_count(totals.participants_total, "participation"),
    )
    assert totals.actions == 3 + len(MALICIOUS)  # the deleted action is not counted
    assert _squash(sentence) in text
    assert found, "the fixture leaves gaps"
    for gap in found:
        assert _squash(gap.sentence) in text
    assert loop.actions == 2  # the hearing evening (decision) and the youth council survey (planning)
    feedback = t(
        "council.feedback.rate",
        given=fmt_int(loop.with_feedback),
        actions=fmt_int(loop.actions),
        rate=fmt_pct(loop.rate),
    )
    assert _squash(feedback) in text
    for row in rows:
        if row.index is not None:
            assert _squash(f"{row.group.name_fi} {fmt_decimal(row.index, 2)}") in text


def test_workbook_holds_the_metrics_numbers_as_numbers(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        filters = period_filters(period_from_key(PERIOD))
        totals = reach_figures(session, filters).totals
        rows = representation(session, filters)
        found = gaps_of(session, filters)
        loop = feedback_loop(session, READER, filters, date(2025, 12, 31))
        unused = unused_opportunities(session, READER, filters, date(2025, 12, 31))
        statuses = reporting_status(session, READER, date(2025, 12, 31))
        data = build_excel(session, READER, PERIOD, TODAY).data
    actions = _records(_sheet(data, t("council.sheet.actions")))
    assert len(actions) == totals.actions
    participants = [row[t("council.col.participants")] for row in actions]
    assert sum(value for value in participants if isinstance(value, int)) == totals.participants_total
    assert all(isinstance(row[t("council.col.start")], datetime) for row in actions)
    reach = _records(_sheet(data, t("council.sheet.representation")))
    assert [row[t("council.col.group")] for row in reach] == [row.group.name_fi for row in rows]
    for sheet_row, metric_row in zip(reach, rows, strict=True):
        assert sheet_row[t("council.col.participants")] == metric_row.participants
        assert sheet_row[t("council.col.index")] == pytest.approx(metric_row.index)
    gap_rows = _records(_sheet(data, t("council.sheet.gaps")))
    assert [row[t("council.col.gap")] for row in gap_rows] == [gap.sentence for gap in found]
    front = dict(_sheet(data, t("council.doc.front")).iter_rows(values_only=True))
    assert front[t("council.key.actions")] == totals.actions
    assert front[t("council.key.gaps")] == len(found)
    assert front[t("council.key.feedback_rate")] == pytest.approx(loop.rate)
    assert front[t("council.key.open_loops")] == loop.open_loop_count
    assert front[t("council.key.unused_opportunities")] == len(unused)
    reporting = _records(_sheet(data, t("council.sheet.reporting")))
    assert [(row[t("council.col.department")], row[t("council.col.next_due")]) for row in reporting] == [
        (row.department.name_fi, datetime.combine(row.next_due, datetime.min.time())) for row in statuses
    ]


def test_summary_compares_with_the_previous_period_of_the_same_kind(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        summary = build_council_summary(session, READER, "2025-Q4", TODAY)
        previous = reach_figures(session, period_filters(period_from_key("2025-Q3"))).totals
    actions = summary.number("actions")
    assert summary.previous is not None and summary.previous.key == "2025-Q3"
    assert (actions.value, actions.previous) == (len(MALICIOUS), previous.actions)
    assert actions.delta() == f"+{len(MALICIOUS) - previous.actions}"
    assert any("Q3/2025" in sentence for sentence in summary.changes)


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_malicious_titles_are_text_in_csv(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        rows = _csv_rows(build_csv(session, READER, PERIOD, TODAY).data)
    title = rows[0].index(t("council.col.title"))
    titles = [row[title] for row in rows[1:]]
    for hostile in MALICIOUS:
        assert "'" + hostile in titles
    assert not any(value.startswith(("=", "+", "-", "@", "\t")) for row in rows for value in row)


def test_the_english_csv_writes_yes_and_no_in_english(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        finnish = {
            value for row in _csv_rows(build_csv(session, READER, PERIOD, TODAY).data)[1:] for value in row
        }
        english = {
            value
            for row in _csv_rows(build_csv(session, READER, PERIOD, TODAY, "en").data)[1:]
            for value in row
        }
    assert {"kyllä", "ei"} <= finnish
    assert {"yes", "no"} <= english and not {"kyllä", "ei"} & english


def test_malicious_titles_are_text_in_excel(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        data = build_excel(session, READER, PERIOD, TODAY).data
    book = load_workbook(io.BytesIO(data))
    formulas = [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []
    titles = [row[t("council.col.title")] for row in _records(_sheet(data, t("council.sheet.actions")))]
    for hostile in MALICIOUS:
        assert "'" + hostile in titles


def test_numbers_are_never_neutralised() -> None:
    assert safe_cell(-5) == -5
    assert safe_cell(-0.5) == -0.5
    assert safe_cell(date(2025, 1, 1)) == date(2025, 1, 1)
    assert safe_cell("-5 astetta") == "'-5 astetta"
    assert safe_cell("Kaavailta") == "Kaavailta"


def test_finnish_characters_survive_in_the_pdf(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        text = _pdf_text(build_pdf(session, READER, PERIOD, TODAY).data)
    for word in ("Työikäiset", "väestöstä", "Ikääntyneet", "Myöhässä", "Kaupunkiympäristötoimiala"):
        assert word in text
    if find_unicode_font() is not None:
        assert "2023–2025" in text  # the en dash needs the Unicode font


def test_pdf_falls_back_to_latin1_without_the_font() -> None:
    assert latin1("Työikäiset 30–64 v, 5 €") == "Työikäiset 30-64 v, 5 EUR"


def test_file_names_carry_the_period_and_the_day(session: Session) -> None:
    assert file_name("osallisuusraportti", "2025-Q3", date(2026, 11, 28), "pdf") == (
        "osallisuusraportti_2025-Q3_2026-11-28.pdf"
    )
    for build, extension in ((build_pdf, "pdf"), (build_excel, "xlsx"), (build_csv, "csv")):
        made = build(session, READER, "valtuustokausi-2025-2029", TODAY)
        assert made.name.endswith(f"_valtuustokausi-2025-2029_2026-11-28.{extension}")
        assert made.data


def test_the_report_reads_in_english_too(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        text = _pdf_text(build_pdf(session, READER, PERIOD, TODAY, lang="en").data)
    assert t("council.doc.title", "en") in text
    assert t("council.key.actions", "en") in text


def test_a_running_period_says_its_figures_are_as_of_today(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        summary = build_council_summary(session, READER, "2026-Q4", TODAY)
    assert summary.in_progress
    assert t("council.overview.in_progress", today="28.11.2026") in summary.overview


def test_data_change_times_are_shown_in_finnish_time() -> None:
    assert clock.to_local(datetime(2026, 1, 15, 10, 0)) == datetime(2026, 1, 15, 12, 0)
    assert clock.to_local(datetime(2026, 7, 15, 10, 0)) == datetime(2026, 7, 15, 13, 0)
    assert clock.to_local(None) is None


def test_estimated_population_is_flagged_in_the_pdf(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        rows = representation(session, period_filters(period_from_key(PERIOD)))
        summary = build_council_summary(session, READER, PERIOD, TODAY)
        text = _squash(_pdf_text(build_pdf(session, READER, PERIOD, TODAY).data))
    estimated = [row.group.name_fi for row in rows if row.estimate]
    assert estimated, "the seeded age split is an estimate (facts.md)"
    notice = t("metrics.caution.estimate", groups=", ".join(estimated))
    assert notice in summary.notices
    assert _squash(notice) in text


def test_workbook_sheets_have_bold_frozen_headers_and_sized_columns(report_engine: Engine) -> None:
    with session_factory(report_engine)() as session:
        data = build_excel(session, READER, PERIOD, TODAY).data
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames[:2] == [t("council.doc.front"), t("council.sheet.actions")]
    for title in ("actions", "representation", "gaps", "catalogue", "channels", "reporting"):
        sheet = _sheet(data, t(f"council.sheet.{title}"))
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.column_dimensions["B"].width >= 8
    actions = _sheet(data, t("council.sheet.actions"))
    assert actions["E2"].number_format == "d.m.yyyy"


def test_participants_are_defined_as_participations_in_pdf_and_workbook(report_engine: Engine) -> None:
    """A figure counts participations (one person at three events is three), and the council
    documents said 'henkeä' (people)."""
    note = t("term.participations_note")
    with session_factory(report_engine)() as session:
        pdf = _squash(_pdf_text(build_pdf(session, READER, PERIOD, TODAY).data))
        workbook = load_workbook(io.BytesIO(build_excel(session, READER, PERIOD, TODAY).data))
    assert _squash(note) in pdf and "henkeä" not in pdf
    cells = [
        str(cell)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    ]
    assert note in cells
