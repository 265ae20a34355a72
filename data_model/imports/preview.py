"""What an import file would write, shown before anything is: its rows and every problem."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from ..i18n import msg
from ..permissions import CurrentUser, require
from .cells import Vocabulary, text
from .parsing import parse_file
from .problems import ImportRefused, RowProblem
from .templates import cell_text


@dataclass(frozen=True)
class PreviewRow:
    """One data row as it would be imported."""

    row: int
    department: str
    title: str
    start_date: str
    participants_total: str
    ok: bool


RowT = TypeVar("RowT")


@dataclass(frozen=True)
class ImportPreview(Generic[RowT]):
    """What a file holds: its rows (of any import: actions, survey results), and every
    problem; importable only when there is none."""

    rows: tuple[RowT, ...]
    problems: tuple[RowProblem, ...]

    @property
    def importable(self) -> bool:
        return bool(self.rows) and not self.problems


def preview_import(
    session: Session, user: CurrentUser, filename: str, content: bytes
) -> ImportPreview[PreviewRow]:
    """Read `content` and check every row; nothing is written."""
    require(user, "action.write", user.department_id)
    try:
        rows = parse_file(session, user, filename, content)
    except ImportRefused as refused:
        return ImportPreview(rows=(), problems=tuple(refused.problems))
    if not rows:
        return ImportPreview(rows=(), problems=(RowProblem(0, "", msg("import.error.no_rows")),))
    words_names = Vocabulary(session).department_names
    preview = tuple(
        PreviewRow(
            row=row.number,
            department=words_names.get(row.data.department_id or -1, ""),
            title=row.data.title,
            start_date=text(cell_text(row.data.start_date)),
            participants_total=text(row.data.participants_total),
            ok=not row.problems,
        )
        for row in rows
    )
    return ImportPreview(rows=preview, problems=tuple(p for row in rows for p in row.problems))
