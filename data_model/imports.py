"""Bulk import of actions from CSV or Excel, all rows or none.

The template has one column per field of an action, with Finnish headers, and one reach
column per audience group ("Osallistujia: Nuoret (15–29 v)"). `preview_import` reads a file
and checks every row with the same rules as the form, listing every bad row with its row
number; `import_actions` reads the file again (a preview is never trusted) and writes every
row in the caller's transaction, or raises and writes nothing.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.orm import Session

from .exports.safe import Cell, safe_cell
from .i18n import DEFAULT_LANGUAGE, Message, msg, t
from .models import (
    FORMATS,
    Action,
    Area,
    AudienceGroup,
    Channel,
    Department,
    DevelopmentMeasure,
    Opportunity,
    ParticipationForm,
)
from .permissions import CurrentUser, can, require
from .services import audit
from .services.actions import create_action
from .text_safety import clean_text
from .validation import ActionInput, check_action, parse_date

MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024
# A real template has about 40 columns; cells past this are ignored, not held.
MAX_COLUMNS = 200
# What the parts of an accepted workbook may unpack to: far above a 2,000-row sheet.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
REACH_PREFIX = "Osallistujia: "
LIST_SEPARATOR = ";"

# field -> Finnish header, in template order
COLUMNS: dict[str, str] = {
    "external_ref": "Tunniste",
    "department": "Toimiala",
    "title": "Otsikko",
    "description": "Kuvaus",
    "start_date": "Alkamispäivä",
    "end_date": "Päättymispäivä",
    "forms": "Osallisuuden muodot",
    "opportunity": "Osallisuuden mahdollisuus",
    "measures": "Kehittämistoimet",
    "channels": "Viestintäkanavat",
    "intended_groups": "Kohderyhmät",
    "format": "Toteutustapa",
    "area": "Alue",
    "participants_total": "Osallistujia yhteensä",
    "reach_estimate": "Luvut ovat arvioita",
    "officials_took_part": "Päättäjiä mukana",
    "feedback_given": "Palaute annettu",
    "feedback_date": "Palautteen päivä",
    "feedback_method": "Palautteen tapa",
    "feedback_url": "Palautteen linkki",
    "decision_change": "Muutos päätöksessä",
    "staff_experience": "Henkilöstön kokemus (1–5)",
    "cost_eur": "Kustannus (€)",
    "source_note": "Lähde",
}
FORMAT_NAMES = {"paikan päällä": "in_person", "verkossa": "online", "hybridi": "hybrid"}
TRUE_WORDS = {"kyllä", "k", "x", "1", "true", "yes", "on"}
FALSE_WORDS = {"", "ei", "e", "0", "false", "no"}


class ImportRefused(ValueError):
    """The file cannot be imported as it is; `problems` lists every reason with its row."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(f"{len(problems)} problems in the file")
        self.problems = problems


@dataclass(frozen=True)
class RowProblem:
    """Why one row (its number as the spreadsheet shows it; 0 = the file) cannot be imported."""

    row: int
    field: str
    message: Message


@dataclass(frozen=True)
class PreviewRow:
    """One data row as it would be imported."""

    row: int
    department: str
    title: str
    start_date: str
    participants_total: str
    ok: bool


@dataclass(frozen=True)
class ImportPreview:
    """What a file holds: its rows, and every problem; importable only when there is none."""

    rows: tuple[PreviewRow, ...]
    problems: tuple[RowProblem, ...]

    @property
    def importable(self) -> bool:
        return bool(self.rows) and not self.problems


@dataclass
class _Row:
    number: int
    external_ref: str | None
    data: ActionInput
    problems: list[RowProblem] = field(default_factory=list)


# --- the template ----------------------------------------------------------------------------


def reach_headers(session: Session) -> dict[str, str]:
    """Audience-group code -> its reach column header."""
    return {
        code: f"{REACH_PREFIX}{name}"
        for code, name in session.execute(
            select(AudienceGroup.code, AudienceGroup.name_fi)
            .where(AudienceGroup.active)
            .order_by(AudienceGroup.sort_order, AudienceGroup.id)
        )
    }


def template_headers(session: Session) -> list[str]:
    """Every column of the import template, in order."""
    return list(COLUMNS.values()) + list(reach_headers(session).values())


def _cell_text(value: object) -> Cell:
    if isinstance(value, bool):
        return "kyllä" if value else "ei"
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
        writer.writerow([safe_cell(_cell_text(value)) for value in row])
    return out.getvalue().encode("utf-8-sig")


def table_xlsx(
    headers: list[str],
    rows: Iterable[list[object]] = (),
    guide: list[list[str]] | None = None,
    guide_title: str = "",
) -> bytes:
    """An Excel workbook with the table on its first sheet and an optional guide sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Toimenpiteet"
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(_cell_text(value)) for value in row])
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


def template_csv(session: Session) -> bytes:
    """The empty import template as CSV."""
    return table_csv(template_headers(session))


def template_xlsx(session: Session, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """The empty import template as Excel, with a guide sheet listing every valid value."""
    return table_xlsx(
        template_headers(session), guide=_guide(session, lang), guide_title=t("import.guide.sheet", lang)
    )


# --- reading a file --------------------------------------------------------------------------


def _refused(key: str, **params: object) -> ImportRefused:
    return ImportRefused([RowProblem(0, "", msg(key, **params))])


def _check_xlsx_archive(content: bytes) -> None:
    """Refuse a workbook whose unpacked parts would be huge (a zip bomb) before openpyxl
    unpacks anything: the sizes in the zip's directory are read, not the data."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refused("import.error.xlsx_unreadable") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise _refused("import.error.xlsx_too_large")


def _capped(rows: Iterable[Sequence[object]]) -> list[list[object]]:
    """The rows, read one at a time and stopped once the row limit is passed: a file of
    millions of rows is refused without holding them all. Blank rows do not count."""
    table: list[list[object]] = []
    filled = 0
    for number, row in enumerate(rows):
        cells = list(row[:MAX_COLUMNS])
        if number > 0 and all(_blank(cell) for cell in cells):
            table.append([])
            if number > MAX_ROWS * 10:
                raise _refused("import.error.too_many_rows", maximum=MAX_ROWS)
            continue
        filled += 1
        if filled > MAX_ROWS + 1:
            raise _refused("import.error.too_many_rows", maximum=MAX_ROWS)
        table.append(cells)
    return table


def _csv_text(content: bytes) -> str:
    """The CSV's text: UTF-8 (with or without BOM), UTF-16 with its BOM, or Windows-1252."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            raise _refused("import.error.encoding") from None
    if b"\x00" in content:
        raise _refused("import.error.not_csv")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _read_table(filename: str, content: bytes) -> list[list[object]]:
    """The rows of the first sheet (Excel) or of the CSV file, header included."""
    if len(content) > MAX_BYTES:
        raise _refused("import.error.file_too_large")
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
            raise _refused("import.error.xlsx_unreadable") from None
    if filename.lower().endswith(".csv"):
        text = _csv_text(content)
        if "\x00" in text:
            raise _refused("import.error.not_csv")
        first_line = text.split("\n", 1)[0]
        delimiter = max(";,\t", key=first_line.count)
        try:
            return _capped(csv.reader(io.StringIO(text), delimiter=delimiter))
        except csv.Error:
            raise _refused("import.error.csv_unreadable") from None
    raise _refused("import.error.file_type")


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object) -> str:
    if _blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_text(str(value)).strip()


class _Vocabulary:
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


def _one(row: _Row, column: str, value: object, known: dict[str, str]) -> str | None:
    text = _text(value)
    if not text:
        return None
    found = known.get(text.lower())
    if found is None:
        row.problems.append(
            RowProblem(row.number, COLUMNS[column], msg("import.error.unknown_value", value=text))
        )
    return found


def _many(row: _Row, column: str, value: object, known: dict[str, str]) -> list[str]:
    parts = [part.strip() for part in _text(value).replace("\n", LIST_SEPARATOR).split(LIST_SEPARATOR)]
    codes = [_one(row, column, part, known) for part in parts if part]
    return [code for code in codes if code is not None]


def _flag(row: _Row, column: str, value: object) -> bool:
    text = _text(value).lower()
    if text in TRUE_WORDS:
        return True
    if text not in FALSE_WORDS:
        row.problems.append(RowProblem(row.number, COLUMNS[column], msg("import.error.yes_or_no")))
    return False


def _raw(value: object) -> Any:
    """A number or date cell as the validation reads it; text is passed on as text."""
    if isinstance(value, datetime):
        return value.date()
    if _blank(value):
        return None
    return value


def _parse_row(
    number: int, cells: dict[str, object], reach_columns: dict[str, str], words: _Vocabulary
) -> _Row:
    row = _Row(number, _text(cells.get(COLUMNS["external_ref"])) or None, ActionInput())
    department = _one(row, "department", cells.get(COLUMNS["department"]), words.departments)
    fmt_text = _text(cells.get(COLUMNS["format"])).lower() or "in_person"
    fmt = FORMAT_NAMES.get(fmt_text, fmt_text)
    if fmt not in FORMATS:
        row.problems.append(RowProblem(number, COLUMNS["format"], msg("import.error.format")))
        fmt = "in_person"
    area = _one(row, "area", cells.get(COLUMNS["area"]), words.areas)
    row.data = ActionInput(
        department_id=int(department) if department else None,
        title=_text(cells.get(COLUMNS["title"])),
        description=_text(cells.get(COLUMNS["description"])),
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
            if not _blank(cells.get(header))
        },
        reach_estimate=_flag(row, "reach_estimate", cells.get(COLUMNS["reach_estimate"])),
        officials_took_part=_flag(row, "officials_took_part", cells.get(COLUMNS["officials_took_part"])),
        feedback_given=_flag(row, "feedback_given", cells.get(COLUMNS["feedback_given"])),
        feedback_date=_raw(cells.get(COLUMNS["feedback_date"])),
        feedback_method=_text(cells.get(COLUMNS["feedback_method"])),
        feedback_url=_text(cells.get(COLUMNS["feedback_url"])),
        decision_change=_text(cells.get(COLUMNS["decision_change"])),
        staff_experience=_raw(cells.get(COLUMNS["staff_experience"])),
        cost_eur=_raw(cells.get(COLUMNS["cost_eur"])),
        source_note=_text(cells.get(COLUMNS["source_note"])),
    )
    return row


def _reach_columns(headers: list[str], words: _Vocabulary) -> tuple[dict[str, str], list[str]]:
    """Group code -> header for every reach column; and headers that name no group."""
    found: dict[str, str] = {}
    unknown: list[str] = []
    for header in headers:
        if header.startswith(REACH_PREFIX):
            code = words.groups.get(header.removeprefix(REACH_PREFIX).strip().lower())
            if code is None:
                unknown.append(header)
            else:
                found[code] = header
    return found, unknown


def _parse(session: Session, user: CurrentUser, filename: str, content: bytes) -> list[_Row]:
    table = _read_table(filename, content)
    if not table or all(_blank(cell) for cell in table[0]):
        raise ImportRefused([RowProblem(0, "", msg("import.error.no_header"))])
    headers = [_text(cell) for cell in table[0]]
    words = _Vocabulary(session)
    reach_columns, unknown_reach = _reach_columns(headers, words)
    known = set(COLUMNS.values())
    file_problems = [
        RowProblem(1, header, msg("import.error.unknown_column", column=header))
        for header in headers
        if header and header not in known and header not in reach_columns.values()
    ]
    file_problems += [
        RowProblem(1, h, msg("import.error.unknown_group_column", column=h)) for h in unknown_reach
    ]
    missing = [
        COLUMNS[name]
        for name in ("department", "title", "start_date", "forms")
        if COLUMNS[name] not in headers
    ]
    file_problems += [
        RowProblem(1, header, msg("import.error.missing_column", column=header)) for header in missing
    ]
    if file_problems:
        raise ImportRefused(
            [p for p in file_problems if p.message.key == "import.error.missing_column"] or file_problems
        )

    data_rows = [
        (number, cells)
        for number, cells in enumerate(table[1:], start=2)
        if not all(_blank(c) for c in cells)
    ]
    if len(data_rows) > MAX_ROWS:
        raise ImportRefused([RowProblem(0, "", msg("import.error.too_many_rows", maximum=MAX_ROWS))])
    existing_refs = set(session.scalars(select(Action.external_ref).where(Action.external_ref.is_not(None))))
    seen_refs: dict[str, int] = {}
    seen_actions: dict[tuple[object, ...], int] = {}
    logged = _logged_actions(session)
    rows: list[_Row] = []
    for number, cells in data_rows:
        row = _parse_row(number, dict(zip(headers, cells, strict=False)), reach_columns, words)
        _, errors = check_action(session, row.data)
        # A cell that could not be read already has its message; the rule's would repeat it.
        unreadable = {problem.field for problem in row.problems}
        row.problems += [
            RowProblem(number, _header_of(name, reach_columns), message)
            for name, message in errors.items()
            if _header_of(name, reach_columns) not in unreadable
        ]
        department_id = row.data.department_id
        if department_id is not None and not can(user, "action.write", department_id):
            row.problems.append(
                RowProblem(number, COLUMNS["department"], msg("import.error.other_department"))
            )
        if row.external_ref:
            if row.external_ref in existing_refs:
                row.problems.append(
                    RowProblem(number, COLUMNS["external_ref"], msg("import.error.ref_imported"))
                )
            elif row.external_ref in seen_refs:
                row.problems.append(
                    RowProblem(
                        number,
                        COLUMNS["external_ref"],
                        msg("import.error.ref_repeated", row=str(seen_refs[row.external_ref])),
                    )
                )
            seen_refs.setdefault(row.external_ref, number)
            if len(row.external_ref) > 80:
                row.problems.append(
                    RowProblem(number, COLUMNS["external_ref"], msg("import.error.ref_too_long"))
                )
        else:
            _flag_repeat(row, logged, seen_actions)
        rows.append(row)
    return rows


def _identity(department_id: object, title: object, start: object) -> tuple[object, ...]:
    return department_id, str(title).strip().lower(), start


def _logged_actions(session: Session) -> set[tuple[object, ...]]:
    """Department, title and start of every action not deleted: a row without an identifier
    that matches one is the same action imported again."""
    return {
        _identity(*row)
        for row in session.execute(
            select(Action.department_id, Action.title, Action.start_date).where(Action.deleted_at.is_(None))
        )
    }


def _flag_repeat(row: _Row, logged: set[tuple[object, ...]], seen: dict[tuple[object, ...], int]) -> None:
    """Refuse a row without an identifier that repeats a logged action or an earlier row:
    importing the same file twice must not double every action."""
    try:
        start = parse_date(row.data.start_date)
    except Exception:
        return  # the date's own message is already on the row
    if start is None or row.data.department_id is None or not row.data.title:
        return
    key = _identity(row.data.department_id, row.data.title, start)
    if key in logged:
        row.problems.append(
            RowProblem(
                row.number,
                COLUMNS["title"],
                msg("import.error.already_logged"),
            )
        )
    elif key in seen:
        row.problems.append(
            RowProblem(
                row.number,
                COLUMNS["title"],
                msg("import.error.row_repeated", row=str(seen[key])),
            )
        )
    seen.setdefault(key, row.number)


def _header_of(name: str, reach_columns: dict[str, str]) -> str:
    base = name.split(".")[0]
    aliases = {"department_id": "department", "area_id": "area", "opportunity_code": "opportunity"}
    aliases |= {"form_codes": "forms", "measure_codes": "measures", "channel_codes": "channels"}
    aliases |= {"intended_group_codes": "intended_groups"}
    if base == "reach":
        code = name.split(".", 1)[1] if "." in name else ""
        return reach_columns.get(code, COLUMNS["participants_total"])
    return COLUMNS.get(aliases.get(base, base), name)


def preview_import(session: Session, user: CurrentUser, filename: str, content: bytes) -> ImportPreview:
    """Read `content` and check every row; nothing is written."""
    require(user, "action.write", user.department_id)
    try:
        rows = _parse(session, user, filename, content)
    except ImportRefused as refused:
        return ImportPreview(rows=(), problems=tuple(refused.problems))
    if not rows:
        return ImportPreview(rows=(), problems=(RowProblem(0, "", msg("import.error.no_rows")),))
    words_names = _Vocabulary(session).department_names
    preview = tuple(
        PreviewRow(
            row=row.number,
            department=words_names.get(row.data.department_id or -1, ""),
            title=row.data.title,
            start_date=_text(_cell_text(row.data.start_date)),
            participants_total=_text(row.data.participants_total),
            ok=not row.problems,
        )
        for row in rows
    )
    return ImportPreview(rows=preview, problems=tuple(p for row in rows for p in row.problems))


def import_actions(session: Session, user: CurrentUser, filename: str, content: bytes) -> list[int]:
    """Write every row of the file as a new action, or raise ImportRefused and write nothing.

    Each action gets its own audited "create" entry; one "import" entry records the file.
    """
    require(user, "action.write", user.department_id)
    rows = _parse(session, user, filename, content)
    problems = [problem for row in rows for problem in row.problems]
    if not rows:
        problems.append(RowProblem(0, "", msg("import.error.no_rows")))
    if problems:
        raise ImportRefused(problems)
    created: list[int] = []
    for row in rows:
        action = create_action(session, user, row.data, source="import", external_ref=row.external_ref)
        created.append(action.id)
    audit.record(
        session,
        user,
        "import",
        "action",
        None,
        after={"file": filename, "rows": len(created), "action_ids": created},
        note=filename,  # the count is in `after`; a note in words would be in one language only
    )
    return created
