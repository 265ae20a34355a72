"""The council workbook: one sheet per table, typed cells, bold frozen headers, sized columns.

Dates are real dates, counts real numbers and shares real fractions shown as percentages,
so a council member can sort, sum and chart them; every text cell goes through `safe_cell`
and is stored as text, never as a formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .safe import Cell, safe_cell
from .tables import BOOL, DATE, DECIMAL, EUR, INT, RATIO, SHARE, YEAR, Table

NUMBER_FORMATS = {
    INT: "#,##0",
    DECIMAL: "#,##0.00",
    EUR: "#,##0.00 €",
    SHARE: "0 %",
    RATIO: "0.00",
    DATE: "d.m.yyyy",
    YEAR: "0",
}
# A summary line: (label, value) or (label, value, kind) with a kind of exports.tables.
NoteLine = tuple[str, Cell] | tuple[str, Cell, str]
MAX_WIDTH = 60
MIN_WIDTH = 8
SHEET_NAME_MAX = 31
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title: str) -> str:
    """A title shortened and cleaned to what Excel accepts as a sheet name."""
    return _SHEET_NAME_FORBIDDEN.sub(" ", title)[:SHEET_NAME_MAX].strip() or "Taulukko"


def _display_width(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime | date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _write_table(sheet: Worksheet, table: Table, yes: str, no: str) -> None:
    sheet.append([safe_cell(header) for header in table.headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in table.rows:
        values: list[Cell] = []
        for value, column in zip(row, table.columns, strict=True):
            # Yes/no reads better as words than as TRUE/FALSE in a Finnish workbook.
            if column.kind == BOOL and isinstance(value, bool):
                values.append(yes if value else no)
            else:
                values.append(safe_cell(value))
        sheet.append(values)
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        number_format = NUMBER_FORMATS.get(column.kind)
        cells = sheet[letter][1:]
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text even if it looks like a formula
            elif number_format and cell.value is not None:
                cell.number_format = number_format
        widest = max(
            [_display_width(column.header)] + [_display_width(value[index - 1]) for value in table.rows]
        )
        sheet.column_dimensions[letter].width = max(MIN_WIDTH, min(MAX_WIDTH, widest + 2))
    sheet.freeze_panes = "A2"
    if table.rows:
        sheet.auto_filter.ref = sheet.dimensions


def _write_notes(sheet: Worksheet, lines: Sequence[NoteLine]) -> None:
    """Label/value lines; a line may name its value's kind (SHARE, RATIO, …) so a share reads
    75 % and an index 0,07 in Excel, while the cell keeps the exact number."""
    kinds: list[str | None] = []
    for line in lines:
        sheet.append([safe_cell(line[0]), safe_cell(line[1])])
        kinds.append(line[2] if len(line) == 3 else None)
    for row, kind in zip(sheet.iter_rows(), kinds, strict=True):
        row[0].font = Font(bold=True)
        value: object = row[1].value
        if isinstance(value, datetime | date):
            row[1].number_format = "d.m.yyyy"
        elif isinstance(value, str):
            row[1].data_type = "s"
        elif isinstance(value, int | float) and not isinstance(value, bool):
            row[1].number_format = NUMBER_FORMATS.get(kind or "", NUMBER_FORMATS[INT])
            row[1].alignment = Alignment(horizontal="left")
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 80


def workbook_bytes(
    front_title: str,
    front_lines: Sequence[NoteLine],
    tables: Sequence[Table],
    yes: str,
    no: str,
) -> bytes:
    """An .xlsx file: a front sheet of label/value lines, then one sheet per table."""
    book = Workbook()
    book.remove(book.active)
    front = book.create_sheet()
    front.title = sheet_name(front_title)
    _write_notes(front, front_lines)
    used = {front.title}
    for table in tables:
        name = sheet_name(table.title)
        suffix = 2
        while name in used:
            name = f"{sheet_name(table.title)[: SHEET_NAME_MAX - 3]} {suffix}"
            suffix += 1
        used.add(name)
        _write_table(book.create_sheet(name), table, yes, no)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
