"""Files of Statistics Finland's table 11re laid out as PxWeb exports them, made in the tests:
CSV (title line, blank line, quoted semicolon-separated header "Alue";"Ikä";"Sukupuoli";
"2024 Väestö 31.12. (lkm)", ages "0".."99" and "100 -", a "Yhteensä" row), XLSX (the same
with repeated dimension values left blank, a footnote with the update date) and JSON-stat 2
(`id`/`size`/`dimension`/`value`, codes KU111, SSS, 000…100-)."""

from __future__ import annotations

import io
import json
from typing import Any

from openpyxl import Workbook

TITLE = "Väestö 31.12. muuttujina Alue, Ikä, Sukupuoli, Vuosi ja Tiedot"
TOP = 100


def age_label(age: int) -> str:
    return "100 -" if age == TOP else str(age)


def age_code(age: int) -> str:
    return "100-" if age == TOP else f"{age:03d}"


def ages_2024(skip: tuple[int, ...] = ()) -> dict[int, int]:
    """A plausible one-year age profile (not Heinola's real figures); `skip` leaves ages out."""
    return {age: 120 + (age * 37) % 140 if age < TOP else 9 for age in range(TOP + 1) if age not in skip}


def group_sum(ages: dict[int, int], low: int, high: int | None) -> int:
    return sum(count for age, count in ages.items() if low <= age <= (high if high is not None else TOP))


def _cells(ages: dict[int, Any], total: bool) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    if total:
        rows.append(("Yhteensä", sum(v for v in ages.values() if isinstance(v, int))))
    rows.extend((age_label(age), count) for age, count in sorted(ages.items()))
    return rows


def csv_file(ages: dict[int, Any], area: str = "Heinola", year: int = 2024, total: bool = True) -> bytes:
    """PxWeb's "CSV (semicolon separated) with heading"."""
    lines = [f'"{TITLE}"', "", f'"Alue";"Ikä";"Sukupuoli";"{year} Väestö 31.12. (lkm)"']
    for age, count in _cells(ages, total):
        value = count if isinstance(count, int) else f'"{count}"'
        lines.append(f'"{area}";"{age}";"Yhteensä";{value}')
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def xlsx_file(ages: dict[int, Any], area: str = "Heinola", year: int = 2024, total: bool = True) -> bytes:
    """PxWeb's XLSX: title in A1, header on row 3, area and sex only on the first data row."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([TITLE])
    sheet.append([])
    sheet.append(["Alue", "Ikä", "Sukupuoli", f"{year} Väestö 31.12. (lkm)"])
    for index, (age, count) in enumerate(_cells(ages, total)):
        sheet.append([area if index == 0 else None, age, "Yhteensä" if index == 0 else None, count])
    sheet.append([])
    sheet.append(["Tilastokeskus, väestörakenne. Viimeksi päivitetty 25.4.2025"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def json_stat_file(
    ages: dict[int, Any],
    area: tuple[str, str] = ("KU111", "Heinola"),
    year: int = 2024,
    total: bool = True,
    updated: str = "2025-04-25T05:00:00Z",
) -> bytes:
    """PxWeb's JSON-stat 2: one value per combination of the dimensions, row-major."""
    age_codes = (["SSS"] if total else []) + [age_code(age) for age in sorted(ages)]
    age_labels = {"SSS": "Yhteensä", **{age_code(age): age_label(age) for age in ages}}
    values = [value for _, value in _cells(ages, total)]
    dataset = {
        "version": "2.0",
        "class": "dataset",
        "label": TITLE,
        "source": "Tilastokeskus",
        "updated": updated,
        "id": ["Alue", "Ikä", "Sukupuoli", "Vuosi", "Tiedot"],
        "size": [1, len(age_codes), 1, 1, 1],
        "dimension": {
            "Alue": {"label": "Alue", "category": {"index": {area[0]: 0}, "label": {area[0]: area[1]}}},
            "Ikä": {
                "label": "Ikä",
                "category": {"index": {code: i for i, code in enumerate(age_codes)}, "label": age_labels},
            },
            "Sukupuoli": {
                "label": "Sukupuoli",
                "category": {"index": {"SSS": 0}, "label": {"SSS": "Yhteensä"}},
            },
            "Vuosi": {
                "label": "Vuosi",
                "category": {"index": {str(year): 0}, "label": {str(year): str(year)}},
            },
            "Tiedot": {
                "label": "Tiedot",
                "category": {"index": {"vaesto": 0}, "label": {"vaesto": "Väestö 31.12. (lkm)"}},
            },
        },
        "value": [value if isinstance(value, int) else None for value in values],
        "status": {str(i): "." for i, value in enumerate(values) if not isinstance(value, int)},
        "role": {"time": ["Vuosi"], "geo": ["Alue"], "metric": ["Tiedot"]},
    }
    return json.dumps(dataset, ensure_ascii=False).encode("utf-8")


MAKERS = {"csv": csv_file, "xlsx": xlsx_file, "json-stat": json_stat_file}
FILENAMES = {"csv": "011re.csv", "xlsx": "011re.xlsx", "json-stat": "011re.json"}
