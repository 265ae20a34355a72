"""A whole import file checked: its header row, then every data row by the form's rules, the
writer's department, and for repeats (an identifier or an action already logged, or a row
given twice), so that every problem of the file is listed at once."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import msg
from ..models import Action
from ..permissions import CurrentUser, can
from ..validation import check_action, parse_date
from .cells import ParsedRow, Vocabulary, parse_row, text
from .file_format import COLUMNS, REACH_PREFIX, header_of
from .problems import ImportRefused, RowProblem
from .reading import MAX_ROWS, blank, read_table

# Columns without which no row could be an action.
REQUIRED_COLUMNS = ("department", "title", "start_date", "forms")
MAX_REF_LENGTH = 80


def _reach_columns(headers: list[str], words: Vocabulary) -> tuple[dict[str, str], list[str]]:
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


def _check_headers(headers: list[str], reach_columns: dict[str, str], unknown_reach: list[str]) -> None:
    """Refuse a header row with a column missing (said alone), or one the format does not know."""
    known = set(COLUMNS.values())
    file_problems = [
        RowProblem(1, header, msg("import.error.unknown_column", column=header))
        for header in headers
        if header and header not in known and header not in reach_columns.values()
    ]
    file_problems += [
        RowProblem(1, h, msg("import.error.unknown_group_column", column=h)) for h in unknown_reach
    ]
    missing = [COLUMNS[name] for name in REQUIRED_COLUMNS if COLUMNS[name] not in headers]
    file_problems += [
        RowProblem(1, header, msg("import.error.missing_column", column=header)) for header in missing
    ]
    if file_problems:
        raise ImportRefused(
            [p for p in file_problems if p.message.key == "import.error.missing_column"] or file_problems
        )


def _check_ref(row: ParsedRow, existing_refs: set[str | None], seen_refs: dict[str, int]) -> None:
    """An identifier must be new to the database and to the file, and short enough to store."""
    ref = row.external_ref
    if not ref:
        return
    if ref in existing_refs:
        row.problems.append(RowProblem(row.number, COLUMNS["external_ref"], msg("import.error.ref_imported")))
    elif ref in seen_refs:
        row.problems.append(
            RowProblem(
                row.number,
                COLUMNS["external_ref"],
                msg("import.error.ref_repeated", row=str(seen_refs[ref])),
            )
        )
    seen_refs.setdefault(ref, row.number)
    if len(ref) > MAX_REF_LENGTH:
        row.problems.append(RowProblem(row.number, COLUMNS["external_ref"], msg("import.error.ref_too_long")))


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


def _flag_repeat(
    row: ParsedRow, logged: set[tuple[object, ...]], seen: dict[tuple[object, ...], int]
) -> None:
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
        row.problems.append(RowProblem(row.number, COLUMNS["title"], msg("import.error.already_logged")))
    elif key in seen:
        row.problems.append(
            RowProblem(row.number, COLUMNS["title"], msg("import.error.row_repeated", row=str(seen[key])))
        )
    seen.setdefault(key, row.number)


def header_and_rows(filename: str, content: bytes) -> tuple[list[str], list[tuple[int, list[object]]]]:
    """The file's header row as text, and its data rows that are not blank, each with its row
    number as the spreadsheet shows it; raises ImportRefused for a file without a header or
    with too many rows (and whatever read_table refuses). Shared by every import."""
    table = read_table(filename, content)
    if not table or all(blank(cell) for cell in table[0]):
        raise ImportRefused([RowProblem(0, "", msg("import.error.no_header"))])
    headers = [text(cell) for cell in table[0]]
    data_rows = [
        (number, cells) for number, cells in enumerate(table[1:], start=2) if not all(blank(c) for c in cells)
    ]
    if len(data_rows) > MAX_ROWS:
        raise ImportRefused([RowProblem(0, "", msg("import.error.too_many_rows", maximum=MAX_ROWS))])
    return headers, data_rows


def parse_file(session: Session, user: CurrentUser, filename: str, content: bytes) -> list[ParsedRow]:
    """Every data row of the file, each with its problems; raises ImportRefused when the file
    as a whole cannot be read (unreadable, too large, a bad header row)."""
    headers, data_rows = header_and_rows(filename, content)
    words = Vocabulary(session)
    reach_columns, unknown_reach = _reach_columns(headers, words)
    _check_headers(headers, reach_columns, unknown_reach)
    existing_refs = set(session.scalars(select(Action.external_ref).where(Action.external_ref.is_not(None))))
    seen_refs: dict[str, int] = {}
    seen_actions: dict[tuple[object, ...], int] = {}
    logged = _logged_actions(session)
    rows: list[ParsedRow] = []
    for number, cells in data_rows:
        row = parse_row(number, dict(zip(headers, cells, strict=False)), reach_columns, words)
        _, errors = check_action(session, row.data)
        # A cell that could not be read already has its message; the rule's would repeat it.
        unreadable = {problem.field for problem in row.problems}
        row.problems += [
            RowProblem(number, header_of(name, reach_columns), message)
            for name, message in errors.items()
            if header_of(name, reach_columns) not in unreadable
        ]
        department_id = row.data.department_id
        if department_id is not None and not can(user, "action.write", department_id):
            row.problems.append(
                RowProblem(number, COLUMNS["department"], msg("import.error.other_department"))
            )
        if row.external_ref:
            _check_ref(row, existing_refs, seen_refs)
        else:
            _flag_repeat(row, logged, seen_actions)
        rows.append(row)
    return rows
