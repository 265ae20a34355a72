"""One data row's cells decoded into an action's input: codes and names matched to what the
database knows, yes/no words read, and every cell that cannot be read named as a problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import msg
from ..models import (
    FORMATS,
    Area,
    AudienceGroup,
    Channel,
    Department,
    DevelopmentMeasure,
    Opportunity,
    ParticipationForm,
)
from ..text_safety import clean_text
from ..validation import ActionInput
from .file_format import COLUMNS, FALSE_WORDS, FORMAT_NAMES, LIST_SEPARATOR, TRUE_WORDS
from .problems import RowProblem
from .reading import blank


@dataclass
class ParsedRow:
    """One data row: its number in the file, its identifier, its input and what is wrong."""

    number: int
    external_ref: str | None
    data: ActionInput
    problems: list[RowProblem] = field(default_factory=list)


class Vocabulary:
    """Codes and names of everything a cell may name, matched without regard to case."""

    def __init__(self, session: Session) -> None:
        def index(code: Any, *names: Any) -> dict[str, str]:
            found: dict[str, str] = {}
            for row in session.execute(select(code, *names)):
                key = str(row[0])
                for value in row:
                    if value:
                        found.setdefault(str(value).strip().lower(), key)
            return found

        self.departments = index(Department.id, Department.code, Department.name_fi, Department.name_en)
        self.forms = index(ParticipationForm.code, ParticipationForm.name_fi, ParticipationForm.name_en)
        self.opportunities = index(Opportunity.code, Opportunity.name_fi, Opportunity.name_en)
        self.measures = index(DevelopmentMeasure.code)
        self.channels = index(Channel.code, Channel.name_fi, Channel.name_en)
        self.groups = index(AudienceGroup.code, AudienceGroup.name_fi, AudienceGroup.name_en)
        self.areas = index(Area.id, Area.name)
        self.department_names = {
            int(key): str(name) for key, name in session.execute(select(Department.id, Department.name_fi))
        }


def text(value: object) -> str:
    """A cell as clean text; a whole number Excel stored as a float loses its ".0"."""
    if blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_text(str(value)).strip()


def _one(row: ParsedRow, column: str, value: object, known: dict[str, str]) -> str | None:
    found_text = text(value)
    if not found_text:
        return None
    found = known.get(found_text.lower())
    if found is None:
        row.problems.append(
            RowProblem(row.number, COLUMNS[column], msg("import.error.unknown_value", value=found_text))
        )
    return found


def _many(row: ParsedRow, column: str, value: object, known: dict[str, str]) -> list[str]:
    parts = [part.strip() for part in text(value).replace("\n", LIST_SEPARATOR).split(LIST_SEPARATOR)]
    codes = [_one(row, column, part, known) for part in parts if part]
    return [code for code in codes if code is not None]


def _flag(row: ParsedRow, column: str, value: object) -> bool:
    word = text(value).lower()
    if word in TRUE_WORDS:
        return True
    if word not in FALSE_WORDS:
        row.problems.append(RowProblem(row.number, COLUMNS[column], msg("import.error.yes_or_no")))
    return False


def _raw(value: object) -> Any:
    """A number or date cell as the validation reads it; text is passed on as text."""
    if isinstance(value, datetime):
        return value.date()
    if blank(value):
        return None
    return value


def parse_row(
    number: int, cells: dict[str, object], reach_columns: dict[str, str], words: Vocabulary
) -> ParsedRow:
    """Row `number`'s cells (header -> value) as an action's input; the rules are not yet run."""
    row = ParsedRow(number, text(cells.get(COLUMNS["external_ref"])) or None, ActionInput())
    department = _one(row, "department", cells.get(COLUMNS["department"]), words.departments)
    fmt_text = text(cells.get(COLUMNS["format"])).lower() or "in_person"
    fmt = FORMAT_NAMES.get(fmt_text, fmt_text)
    if fmt not in FORMATS:
        row.problems.append(RowProblem(number, COLUMNS["format"], msg("import.error.format")))
        fmt = "in_person"
    area = _one(row, "area", cells.get(COLUMNS["area"]), words.areas)
    row.data = ActionInput(
        department_id=int(department) if department else None,
        title=text(cells.get(COLUMNS["title"])),
        description=text(cells.get(COLUMNS["description"])),
        start_date=_raw(cells.get(COLUMNS["start_date"])),
        end_date=_raw(cells.get(COLUMNS["end_date"])),
        opportunity_code=_one(row, "opportunity", cells.get(COLUMNS["opportunity"]), words.opportunities),
        form_codes=_many(row, "forms", cells.get(COLUMNS["forms"]), words.forms),
        measure_codes=_many(row, "measures", cells.get(COLUMNS["measures"]), words.measures),
        channel_codes=_many(row, "channels", cells.get(COLUMNS["channels"]), words.channels),
        intended_group_codes=_many(
            row, "intended_groups", cells.get(COLUMNS["intended_groups"]), words.groups
        ),
        format=fmt,
        area_id=int(area) if area else None,
        participants_total=_raw(cells.get(COLUMNS["participants_total"])),
        reach={
            code: _raw(cells.get(header))
            for code, header in reach_columns.items()
            if not blank(cells.get(header))
        },
        reach_estimate=_flag(row, "reach_estimate", cells.get(COLUMNS["reach_estimate"])),
        officials_took_part=_flag(row, "officials_took_part", cells.get(COLUMNS["officials_took_part"])),
        feedback_given=_flag(row, "feedback_given", cells.get(COLUMNS["feedback_given"])),
        feedback_date=_raw(cells.get(COLUMNS["feedback_date"])),
        feedback_method=text(cells.get(COLUMNS["feedback_method"])),
        feedback_url=text(cells.get(COLUMNS["feedback_url"])),
        decision_change=text(cells.get(COLUMNS["decision_change"])),
        staff_experience=_raw(cells.get(COLUMNS["staff_experience"])),
        cost_eur=_raw(cells.get(COLUMNS["cost_eur"])),
        source_note=text(cells.get(COLUMNS["source_note"])),
    )
    return row
