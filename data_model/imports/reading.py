"""An uploaded CSV or Excel file read into rows of cells, refused whole when it is too large,
has too many rows, would unpack to too much (a zip bomb), or cannot be read at all."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterable, Sequence

from openpyxl import load_workbook

from .problems import ImportRefused, refused

MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024
# A real template has about 40 columns; cells past this are ignored, not held.
MAX_COLUMNS = 200
# What the parts of an accepted workbook may unpack to: far above a 2,000-row sheet.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


def blank(value: object) -> bool:
    """Whether a cell holds nothing: empty, or only white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def _check_xlsx_archive(content: bytes) -> None:
    """Refuse a workbook whose unpacked parts would be huge (a zip bomb) before openpyxl
    unpacks anything: the sizes in the zip's directory are read, not the data."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise refused("import.error.xlsx_unreadable") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise refused("import.error.xlsx_too_large")


def _capped(rows: Iterable[Sequence[object]]) -> list[list[object]]:
    """The rows, read one at a time and stopped once the row limit is passed: a file of
    millions of rows is refused without holding them all. Blank rows do not count."""
    table: list[list[object]] = []
    filled = 0
    for number, row in enumerate(rows):
        cells = list(row[:MAX_COLUMNS])
        if number > 0 and all(blank(cell) for cell in cells):
            table.append([])
            if number > MAX_ROWS * 10:
                raise refused("import.error.too_many_rows", maximum=MAX_ROWS)
            continue
        filled += 1
        if filled > MAX_ROWS + 1:
            raise refused("import.error.too_many_rows", maximum=MAX_ROWS)
        table.append(cells)
    return table


def _csv_text(content: bytes) -> str:
    """The CSV's text: UTF-8 (with or without BOM), UTF-16 with its BOM, or Windows-1252."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            raise refused("import.error.encoding") from None
    if b"\x00" in content:
        raise refused("import.error.not_csv")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def read_table(filename: str, content: bytes) -> list[list[object]]:
    """The rows of the first sheet (Excel) or of the CSV file, header included."""
    if len(content) > MAX_BYTES:
        raise refused("import.error.file_too_large")
    if filename.lower().endswith(".xlsx"):
        _check_xlsx_archive(content)
        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            try:
                return _capped(book.worksheets[0].iter_rows(values_only=True))
            finally:
                book.close()
        except ImportRefused:
            raise
        except Exception:  # openpyxl raises many kinds for a broken file
            raise refused("import.error.xlsx_unreadable") from None
    if filename.lower().endswith(".csv"):
        text = _csv_text(content)
        if "\x00" in text:
            raise refused("import.error.not_csv")
        first_line = text.split("\n", 1)[0]
        delimiter = max(";,\t", key=first_line.count)
        try:
            return _capped(csv.reader(io.StringIO(text), delimiter=delimiter))
        except csv.Error:
            raise refused("import.error.csv_unreadable") from None
    raise refused("import.error.file_type")
