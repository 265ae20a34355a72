"""The import template, and any table in the import's format, written as CSV or Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..exports.safe import Cell, safe_cell
from ..i18n import DEFAULT_LANGUAGE, t
from ..models import (
    Area,
    AudienceGroup,
    Channel,
    Department,
    DevelopmentMeasure,
    Opportunity,
    ParticipationForm,
)
from ..permissions import CurrentUser, require_read
from .file_format import COLUMNS, LIST_SEPARATOR, NO_WORD, YES_WORD, template_headers


def cell_text(value: object) -> Cell:
    """`value` as the import file writes it: Finnish dates, decimal commas, lists joined."""
    if isinstance(value, bool):
        return YES_WORD if value else NO_WORD
    if isinstance(value, date):
        return f"{value.day}.{value.month}.{value.year}"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    if value is None:
        return ""
    # Text and numbers pass as they are; anything else is written as its text.
    return value if isinstance(value, str | int | float) else str(value)


def table_csv(headers: list[str], rows: Iterable[list[object]] = ()) -> bytes:
    """A CSV file as Finnish Excel opens it: UTF-8 with BOM, semicolons."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([safe_cell(cell_text(value)) for value in row])
    return out.getvalue().encode("utf-8-sig")


def table_xlsx(
    headers: list[str],
    rows: Iterable[list[object]] = (),
    guide: list[list[str]] | None = None,
    guide_title: str = "",
    sheet_title: str = "Toimenpiteet",
) -> bytes:
    """An Excel workbook with the table on its first sheet and an optional guide sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(cell_text(value)) for value in row])
    if guide:
        help_sheet = book.create_sheet(guide_title or None)
        for line in guide:
            help_sheet.append([safe_cell(text) for text in line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _guide(session: Session, lang: str) -> list[list[str]]:
    """The guide sheet in the reader's language; the columns and the values it lists stay
    the file's own (Finnish headers, codes and names), as the import reads them."""
    lines = [
        [t("import.guide.rows", lang)],
        [t("import.guide.dates", lang)],
        [t("import.guide.unknown", lang)],
        [t("import.guide.format", lang)],
        [],
        [t("import.guide.column", lang), t("import.guide.code", lang), t("import.guide.name", lang)],
    ]
    sources: list[tuple[str, Any, Any]] = [
        (COLUMNS["department"], Department.code, Department.name_fi),
        (COLUMNS["forms"], ParticipationForm.code, ParticipationForm.name_fi),
        (COLUMNS["opportunity"], Opportunity.code, Opportunity.name_fi),
        (COLUMNS["measures"], DevelopmentMeasure.code, DevelopmentMeasure.text_fi),
        (COLUMNS["channels"], Channel.code, Channel.name_fi),
        (COLUMNS["intended_groups"], AudienceGroup.code, AudienceGroup.name_fi),
        (COLUMNS["area"], Area.name, Area.name),
    ]
    for header, code, name in sources:
        for key, text in session.execute(select(code, name).order_by(code)):
            lines.append([header, str(key), str(text)])
    return lines


def template_csv(session: Session, user: CurrentUser | None) -> bytes:
    """The empty import template as CSV (its reach columns name the audience groups)."""
    require_read(user, "summary.read")
    return table_csv(template_headers(session))


def template_xlsx(session: Session, user: CurrentUser | None, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """The empty import template as Excel, with a guide sheet listing every valid value (the
    reference data every signed-in reader sees)."""
    require_read(user, "summary.read")
    return table_xlsx(
        template_headers(session), guide=_guide(session, lang), guide_title=t("import.guide.sheet", lang)
    )
