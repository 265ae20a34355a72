"""The three council downloads of a period, built from one `CouncilSummary`.

Each builder takes a session first so the page can cache it with `pages.widgets.data.read`
(keyed by the data version: a new action makes the next report fresh) and returns the file's
name, bytes and media type. Names carry the period and the day the file was made:
`osallisuusraportti_2025-Q3_2026-11-28.pdf`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ..formatting import fmt_date
from ..i18n import t
from ..permissions import CurrentUser, require_read
from .action_rows import actions_table
from .charts import chart_png
from .council_summary import CouncilSummary, build_council_summary, period_filters
from .csv_export import table_csv
from .excel_export import NoteLine, workbook_bytes
from .pdf_export import Chart, PdfDocument, Section, pdf_bytes
from .periods import period_from_key
from .summary_charts import summary_figures

FILE_STEM = "osallisuusraportti"
ACTIONS_STEM = "osallisuustoimet"
PDF_TYPE = "application/pdf"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv"


@dataclass(frozen=True)
class ExportFile:
    """A finished download: file name, content and media type."""

    name: str
    data: bytes
    mime: str


def file_name(stem: str, period_key: str, made_on: date, extension: str) -> str:
    """`<stem>_<period>_<yyyy-mm-dd>.<extension>`, safe on every file system."""
    return f"{stem}_{period_key}_{made_on.isoformat()}.{extension}"


def _front_lines(summary: CouncilSummary) -> list[NoteLine]:
    lang = summary.lang
    period = summary.period
    lines: list[NoteLine] = [
        (t("council.doc.period", lang), period.label(lang)),
        (t("council.doc.start", lang), period.start),
        (t("council.doc.end", lang), period.end),
        (t("council.doc.previous", lang), summary.previous.label(lang) if summary.previous else "–"),
        (t("council.doc.created", lang), summary.today),
    ]
    lines += [(number.label, number.value, number.kind) for number in summary.key_numbers]
    lines += [(t("council.doc.source", lang), line) for line in summary.sources]
    return lines


def build_excel(
    session: Session, user: CurrentUser | None, period_key: str, today: date, lang: str = "fi"
) -> ExportFile:
    """The workbook: summary sheet, then actions, reach, gaps, catalogue, channels, reporting."""
    require_read(user, "summary.read")
    summary = build_council_summary(session, user, period_key, today, lang)
    actions = actions_table(session, period_filters(summary.period), lang)
    data = workbook_bytes(
        t("council.doc.front", lang),
        _front_lines(summary),
        (actions, *summary.tables),
        yes=t("council.yes", lang),
        no=t("council.no", lang),
    )
    return ExportFile(file_name(FILE_STEM, period_key, today, "xlsx"), data, XLSX_TYPE)


def build_csv(
    session: Session, user: CurrentUser | None, period_key: str, today: date, lang: str = "fi"
) -> ExportFile:
    """The period's actions as CSV for Finnish Excel (see csv_export)."""
    require_read(user, "summary.read")
    period = period_from_key(period_key)
    data = table_csv(
        actions_table(session, period_filters(period), lang), t("council.yes", lang), t("council.no", lang)
    )
    return ExportFile(file_name(ACTIONS_STEM, period_key, today, "csv"), data, CSV_TYPE)


def summary_charts(summary: CouncilSummary) -> list[Chart]:
    """The charts of the report as images, each with its numbers in a sentence."""
    return [
        Chart(figure.title, chart_png(figure.chart), figure.caption) for figure in summary_figures(summary)
    ]


def pdf_document(summary: CouncilSummary, charts: list[Chart]) -> PdfDocument:
    """The PDF's content: the summary in words first, then charts, tables and sources."""
    lang = summary.lang
    period = summary.period
    key_lines = tuple(f"{number.label}: {number.text()}" for number in summary.key_numbers)
    sections = (
        Section(t("council.section.summary", lang), paragraphs=summary.overview, bullets=key_lines),
        Section(t("council.section.changes", lang), bullets=summary.changes),
        Section(t("council.section.gaps", lang), bullets=summary.gap_sentences, notes=summary.notices),
        Section(t("council.section.feedback", lang), bullets=summary.feedback_sentences),
        Section(t("council.section.duties", lang), bullets=summary.duty_sentences),
        Section(t("council.section.initiatives", lang), bullets=summary.initiative_sentences),
        Section(t("targets.section", lang), bullets=summary.target_sentences),
        Section(
            t("council.section.measures", lang),
            paragraphs=(t("council.measures.with", lang),),
            bullets=summary.measures_with_progress or (t("council.measures.none", lang),),
        ),
        Section(
            t("council.measures.without", lang),
            bullets=summary.measures_without_progress or (t("council.measures.none", lang),),
        ),
        Section(t("council.section.charts", lang), charts=tuple(charts), new_page=True),
        Section(t("council.section.tables", lang), tables=summary.pdf_tables, new_page=True),
        Section(t("council.section.sources", lang), bullets=summary.sources),
    )
    return PdfDocument(
        title=t("council.doc.title", lang),
        subtitle=t(
            "council.doc.subtitle",
            lang,
            period=period.label(lang),
            start=fmt_date(period.start, lang=lang),
            end=fmt_date(period.end, lang=lang),
        ),
        footer=t(
            "council.doc.footer",
            lang,
            period=period.label(lang),
            created=fmt_date(summary.today, lang=lang),
        ),
        sections=sections,
        page_label=t("council.doc.page", lang),
        yes=t("council.yes", lang),
        no=t("council.no", lang),
        lang=lang,
        created=summary.created_at,
    )


def build_pdf(
    session: Session, user: CurrentUser | None, period_key: str, today: date, lang: str = "fi"
) -> ExportFile:
    """The PDF report of a few pages (see pdf_document)."""
    require_read(user, "summary.read")
    summary = build_council_summary(session, user, period_key, today, lang)
    data = pdf_bytes(pdf_document(summary, summary_charts(summary)))
    return ExportFile(file_name(FILE_STEM, period_key, today, "pdf"), data, PDF_TYPE)
