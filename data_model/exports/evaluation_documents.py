"""The evaluation of an edition as a PDF and a workbook, built from one `EvaluationReport`
with the council report's writers (pdf_export, excel_export), so a number in the PDF is the
very number in the workbook and on the page.

Names carry the edition's code and the day the file was made:
`ohjelmakauden_arviointi_osallistuva_heinola_2023_2025_2026-12-07.pdf`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ..formatting import fmt_date
from ..i18n import t
from ..metrics.editions import EditionInfo
from ..permissions import CurrentUser, require_read
from .documents import PDF_TYPE, XLSX_TYPE, ExportFile, file_name
from .evaluation_report import EvaluationReport, build_evaluation_report
from .excel_export import NoteLine, workbook_bytes
from .pdf_export import PdfDocument, Section, pdf_bytes

FILE_STEM = "ohjelmakauden_arviointi"


def _front_lines(report: EvaluationReport) -> list[NoteLine]:
    lang = report.lang
    found = report.evaluation
    lines: list[NoteLine] = [
        (t("evaluation.doc.edition", lang), report.title),
        (t("evaluation.doc.approval", lang), report.approval),
        (t("evaluation.doc.start", lang), found.edition.period_start),
        (t("evaluation.doc.end", lang), found.edition.period_end),
        (t("evaluation.doc.evaluated_on", lang), found.evaluated_on),
        (t("evaluation.doc.created", lang), found.today),
    ]
    lines += [(t("evaluation.section.overview", lang), line) for line in report.overview]
    lines += [(report.start.label, line) for line in (*report.start.gaps, *report.start.notices)]
    lines += [(report.end.label, line) for line in (*report.end.gaps, *report.end.notices)]
    lines += [(t("evaluation.section.feedback", lang), line) for line in report.feedback]
    lines += [(t("evaluation.section.statutory", lang), line) for line in report.statutory]
    lines += [(t("evaluation.section.duties", lang), line) for line in report.duties]
    lines += [(t("evaluation.section.targets", lang), line) for line in report.targets]
    lines += [(t("council.doc.source", lang), line) for line in report.sources]
    return lines


def evaluation_pdf_document(report: EvaluationReport) -> PdfDocument:
    """The PDF's content: the evaluation in words first, then its tables and sources."""
    lang = report.lang
    edition = report.evaluation.edition
    sections = (
        Section(
            t("evaluation.section.overview", lang), paragraphs=(report.approval,), bullets=report.overview
        ),
        Section(t("evaluation.section.measures", lang), bullets=report.measures),
        Section(
            t("evaluation.section.gaps", lang),
            paragraphs=(report.start.label,),
            bullets=report.start.gaps,
            notes=report.start.notices,
        ),
        Section(report.end.label, bullets=report.end.gaps, notes=report.end.notices),
        Section(t("evaluation.section.feedback", lang), bullets=report.feedback),
        Section(t("evaluation.section.statutory", lang), bullets=report.statutory),
        Section(t("evaluation.section.duties", lang), bullets=report.duties),
        Section(t("evaluation.section.targets", lang), bullets=report.targets),
        Section(t("evaluation.section.tables", lang), tables=report.pdf_tables, new_page=True),
        Section(t("evaluation.section.sources", lang), bullets=report.sources),
    )
    return PdfDocument(
        title=t("evaluation.doc.title", lang),
        subtitle=t(
            "evaluation.doc.subtitle",
            lang,
            edition=report.title,
            start=fmt_date(edition.period_start, lang=lang),
            end=fmt_date(edition.period_end, lang=lang),
            approval=report.approval,
        ),
        footer=t(
            "evaluation.doc.footer",
            lang,
            edition=report.title,
            created=fmt_date(report.evaluation.today, lang=lang),
        ),
        sections=sections,
        page_label=t("council.doc.page", lang),
        yes=t("council.yes", lang),
        no=t("council.no", lang),
        lang=lang,
        created=report.created_at,
    )


def build_evaluation_pdf(
    session: Session, user: CurrentUser | None, edition: EditionInfo, today: date, lang: str = "fi"
) -> ExportFile:
    """The evaluation of `edition` as a PDF of a few pages."""
    require_read(user, "summary.read")
    report = build_evaluation_report(session, user, edition, today, lang)
    data = pdf_bytes(evaluation_pdf_document(report))
    return ExportFile(file_name(FILE_STEM, report.evaluation.edition.code, today, "pdf"), data, PDF_TYPE)


def build_evaluation_excel(
    session: Session, user: CurrentUser | None, edition: EditionInfo, today: date, lang: str = "fi"
) -> ExportFile:
    """The evaluation of `edition` as a workbook: the words on the front sheet, then one sheet
    per table with typed values."""
    require_read(user, "summary.read")
    report = build_evaluation_report(session, user, edition, today, lang)
    data = workbook_bytes(
        t("evaluation.doc.front", lang),
        _front_lines(report),
        report.tables,
        yes=t("council.yes", lang),
        no=t("council.no", lang),
    )
    return ExportFile(file_name(FILE_STEM, report.evaluation.edition.code, today, "xlsx"), data, XLSX_TYPE)
