"""Statistics Finland's table 11re (population by one-year age, municipality and year) as
the dashboard holds it once read: its cells, and the problems found in the file.
official_population_files.py reads the CSV, XLSX or JSON-stat export into these;
official_preview.py sums the cells into the dashboard's age groups for one municipality and year.

Problems are kept as row-level errors (line in the file, or position in JSON-stat's value list)
instead of raising, so the coordinator sees all of them at once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .i18n import DEFAULT_LANGUAGE, Message, msg

TABLE = "11re"
# The dashboard is Heinola's: a file for another municipality must not become its denominator.
HOME_MUNICIPALITY = "Heinola"
HOME_MUNICIPALITY_CODE = "111"


@dataclass(frozen=True)
class Age:
    """One-year age, or the open top band ("100 -"); None years means the total row."""

    years: int | None
    open_ended: bool = False


@dataclass(frozen=True)
class Cell:
    """One figure of the file: area, year, age; value None when the cell was not a number."""

    place: int  # line in CSV/XLSX, position (1-based) in JSON-stat's value list
    area: str
    year: int
    age: Age
    value: int | None


@dataclass(frozen=True)
class RowError:
    """A problem found in the file, with where it is; `area`/`year` say which choice it
    concerns (None: the whole file)."""

    code: str
    place: int | None = None
    area: str | None = None
    year: int | None = None
    params: tuple[tuple[str, str], ...] = ()
    in_values: bool = False  # JSON-stat: place is a value position, not a line

    def as_message(self) -> Message:
        """The error as a message, with its line (or value position) first."""
        text = msg(f"official.error.{self.code}", **dict(self.params))
        if self.place is None:
            return text
        where = "official.where.value" if self.in_values else "official.where.line"
        return msg("official.error_at", where=msg(where, n=str(self.place)), error=text)

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The error in words in `lang`, with its line (or value position) first."""
        return self.as_message().text(lang)


@dataclass
class ParsedTable:
    """What the file holds, before any municipality or year is chosen."""

    format: str  # csv | xlsx | json-stat
    title: str = ""
    updated: date | None = None
    cells: list[Cell] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    def areas(self) -> list[str]:
        """The municipalities in the file, home first."""
        found = list(dict.fromkeys(cell.area for cell in self.cells))
        return sorted(found, key=lambda area: (not is_home(area), found.index(area)))

    def years(self) -> list[int]:
        """The years in the file, latest first."""
        return sorted({cell.year for cell in self.cells}, reverse=True)


def is_home(area: str) -> bool:
    """True when an area label or code names the dashboard's own municipality."""
    text = area.strip().lower()
    code = re.sub(r"^(ku|k)", "", text.split()[0]) if text else ""
    return HOME_MUNICIPALITY.lower() in text or code == HOME_MUNICIPALITY_CODE
