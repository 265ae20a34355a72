"""Reading a PxWeb export of Statistics Finland's table 11re — CSV, XLSX or JSON-stat 2 — into
a ParsedTable (official_population.py); the format comes from the bytes, not the file name.

Problems are kept as row-level errors (line in the file, or position in JSON-stat's value list)
instead of raising, so the coordinator sees all of them at once."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict
from typing import Any

from .official_population import Age, Cell, ParsedTable, RowError
from .official_population_values import (
    DIMENSIONS,
    TOTAL_LABELS,
    YEAR_PATTERN,
    cell_text,
    dimension_of,
    find_date,
    parse_age,
    parse_count,
    updated_from,
)

MAX_FILE_BYTES = 20 * 1024 * 1024


class _Cells:
    """Collects cells; sums men and women where the file has no total for sex."""

    def __init__(self, table: ParsedTable) -> None:
        self.table = table
        self.total_sex: dict[tuple[str, int, Age], Cell] = {}
        self.by_sex: dict[tuple[str, int, Age], list[Cell]] = defaultdict(list)

    def add(self, place: int, area: str, year: int, age: Age, value: int | None, total_sex: bool) -> None:
        cell = Cell(place, area, year, age, value)
        key = (area, year, age)
        if not total_sex:
            self.by_sex[key].append(cell)
            return
        if key in self.total_sex:
            first = self.total_sex[key].place
            self.table.errors.append(
                RowError(
                    "duplicate", place, area, year, (("first", str(first)),), self.table.format == "json-stat"
                )
            )
            return
        self.total_sex[key] = cell

    def finish(self) -> None:
        cells = dict(self.total_sex)
        for key, parts in self.by_sex.items():
            if key in cells:
                continue
            values = [part.value for part in parts]
            total = (
                None if any(value is None for value in values) else sum(v for v in values if v is not None)
            )
            cells[key] = Cell(parts[0].place, key[0], key[1], key[2], total)
        self.table.cells = sorted(cells.values(), key=lambda cell: cell.place)


def _read_rows(rows: list[tuple[int, list[Any]]], table: ParsedTable) -> None:
    """A PxWeb table laid out as rows: dimension columns (Alue, Ikä, Sukupuoli, maybe Vuosi),
    then value columns whose heading starts with the year ("2024 Väestö 31.12. (lkm)") or one
    value column when Vuosi is a column. XLSX leaves repeated dimension values blank."""
    header_at = next(
        (
            index
            for index, (_, cells) in enumerate(rows)
            if {"area", "age"} <= {dimension_of(cell_text(cell)) for cell in cells}
        ),
        None,
    )
    if header_at is None:
        table.errors.append(RowError("no_header"))
        return
    before = [cell_text(cell) for _, cells in rows[:header_at] for cell in cells if cell_text(cell)]
    table.title = before[0] if before else ""
    header = [cell_text(cell) for cell in rows[header_at][1]]
    kinds = [dimension_of(name) for name in header]
    value_columns = [
        i for i, (name, kind) in enumerate(zip(header, kinds, strict=True)) if name and kind is None
    ]
    column_years = {i: YEAR_PATTERN.match(header[i]) for i in value_columns}
    has_year_column = "year" in kinds
    if not value_columns or (not has_year_column and not all(column_years.values())):
        table.errors.append(RowError("no_header", rows[header_at][0]))
        return
    position = {kind: kinds.index(kind) for kind in DIMENSIONS if kind in kinds}
    collected = _Cells(table)
    carried: dict[str, str] = {}
    footnotes: list[str] = list(before)
    for line, cells in rows[header_at + 1 :]:
        values = [*cells, *([None] * (len(header) - len(cells)))]
        texts = [cell_text(value) for value in values]
        if not any(texts):
            continue
        dims = {}
        for kind, index in position.items():
            dims[kind] = texts[index] or carried.get(kind, "")
        if not any(texts[i] for i in value_columns):
            footnotes.extend(text for text in texts if text)  # a note under the table
            continue
        carried.update(dims)
        age = parse_age(dims.get("age"))
        area = dims.get("area", "")
        if age is None:
            table.errors.append(RowError("bad_age", line, area, None, (("value", dims.get("age", "")),)))
            continue
        total_sex = "sex" not in dims or dims["sex"].lower() in TOTAL_LABELS
        for index in value_columns:
            year_match = column_years[index]
            year_text = year_match.group(1) if year_match else dims.get("year", "")
            if not year_text.isdigit():
                table.errors.append(RowError("bad_year", line, area, None, (("value", year_text),)))
                continue
            year = int(year_text)
            count, ok = parse_count(values[index])
            if not ok:
                table.errors.append(
                    RowError(
                        "not_a_number",
                        line,
                        area,
                        year,
                        (("value", texts[index] or "∅"), ("age", dims["age"])),
                    )
                )
            collected.add(line, area, year, age, count, total_sex)
    collected.finish()
    table.updated = updated_from(footnotes)


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return content.decode("latin-1")


def _parse_csv(content: bytes, table: ParsedTable) -> None:
    text = _decode(content)
    sample = "\n".join(text.splitlines()[:10])
    delimiter = max((";", ",", "\t"), key=sample.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    _read_rows([(number, row) for number, row in enumerate(reader, start=1)], table)


def _parse_xlsx(content: bytes, table: ParsedTable) -> None:
    from openpyxl import load_workbook  # only needed for this format

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        table.errors.append(RowError("unreadable"))
        return
    sheet = workbook.worksheets[0]
    rows = [(number, list(row)) for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    workbook.close()
    _read_rows(rows, table)


def _categories(dimension: dict[str, Any]) -> list[tuple[str, str]]:
    """(code, label) in the dimension's order; JSON-stat allows index as a list or a map."""
    category = dimension.get("category", {})
    index = category.get("index")
    labels = category.get("label", {})
    if isinstance(index, list):
        codes = [str(code) for code in index]
    elif isinstance(index, dict):
        codes = [str(code) for code, _ in sorted(index.items(), key=lambda item: item[1])]
    else:
        codes = [str(code) for code in labels]
    return [(code, str(labels.get(code, code))) for code in codes]


def _parse_json_stat(content: bytes, table: ParsedTable) -> None:
    try:
        data = json.loads(_decode(content))
    except json.JSONDecodeError:
        table.errors.append(RowError("unreadable"))
        return
    if isinstance(data, dict) and "dataset" in data and "dimension" not in data:
        data = data["dataset"]  # JSON-stat 1 wraps the dataset
    if not isinstance(data, dict) or not all(key in data for key in ("id", "size", "dimension", "value")):
        table.errors.append(RowError("no_header"))
        return
    table.title = str(data.get("label", ""))
    table.updated = find_date(str(data.get("updated", "")))
    ids = [str(name) for name in data["id"]]
    sizes = [int(size) for size in data["size"]]
    kinds = [
        dimension_of(name) or dimension_of(str(data["dimension"][name].get("label", ""))) for name in ids
    ]
    if not {"area", "age", "year"} <= set(kinds):
        table.errors.append(RowError("no_header"))
        return
    categories = [_categories(data["dimension"][name]) for name in ids]
    raw_values = data["value"]
    total = 1
    for size in sizes:
        total *= size
    if isinstance(raw_values, dict):
        values: list[Any] = [raw_values.get(str(position)) for position in range(total)]
    else:
        values = list(raw_values)
    if len(values) != total or any(len(found) != size for found, size in zip(categories, sizes, strict=True)):
        table.errors.append(RowError("no_header"))
        return
    collected = _Cells(table)
    for position, raw in enumerate(values):
        rest, chosen = position, []
        for size in reversed(sizes):  # row-major: the last dimension changes fastest
            chosen.append(rest % size)
            rest //= size
        chosen.reverse()
        picked = {kind: categories[i][chosen[i]] for i, kind in enumerate(kinds) if kind}
        area = picked["area"][1]
        age = parse_age(picked["age"][1]) or parse_age(picked["age"][0])
        year_text = picked["year"][1]
        if age is None or not year_text[:4].isdigit():
            code, value = ("bad_age", picked["age"][1]) if age is None else ("bad_year", year_text)
            table.errors.append(RowError(code, position + 1, area, None, (("value", value),), True))
            continue
        year = int(year_text[:4])
        count, ok = parse_count(raw)
        if not ok:
            shown = "∅" if raw is None else str(raw)
            table.errors.append(
                RowError(
                    "not_a_number",
                    position + 1,
                    area,
                    year,
                    (("value", shown), ("age", picked["age"][1])),
                    True,
                )
            )
        sex = picked.get("sex")
        collected.add(
            position + 1,
            area,
            year,
            age,
            count,
            sex is None or sex[1].lower() in TOTAL_LABELS or sex[0] == "SSS",
        )
    collected.finish()


def parse_11re(content: bytes, filename: str = "") -> ParsedTable:
    """Read a PxWeb export of table 11re; the format comes from the bytes, not the name."""
    stripped = content.lstrip()
    if content[:2] == b"PK":
        table = ParsedTable("xlsx")
        parser = _parse_xlsx
    elif stripped[:1] in (b"{", b"["):
        table = ParsedTable("json-stat")
        parser = _parse_json_stat
    else:
        table = ParsedTable("csv")
        parser = _parse_csv
    if not content.strip():
        table.errors.append(RowError("empty"))
        return table
    if len(content) > MAX_FILE_BYTES:
        table.errors.append(RowError("too_large"))
        return table
    parser(content, table)
    if not table.cells and not table.errors:
        table.errors.append(RowError("no_figures"))
    return table
