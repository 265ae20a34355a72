"""Survey results on the experience of participation imported from CSV or Excel, all rows or
none, with the actions' import machinery: the file read within its limits (`reading`), its
header and data rows (`parsing.header_and_rows`), cells as text (`cells.text`), a problem per
bad cell (`problems`) and the preview a page shows before saving (`preview.ImportPreview`).
Each row is checked by the form's own rules (validation.experience) and for repeats within the
file; the commit reads the file again (a preview is never trusted) and writes through the
service, so every row is audited as the form's would be."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import LANGUAGES, msg, t
from ..models import AudienceGroup
from ..models.choices import EXPERIENCE_SURVEYS
from ..permissions import CurrentUser, require
from ..services import audit
from ..services.experience import WRITE, create_experience
from ..validation.experience import ExperienceInput, check_experience
from .cells import Vocabulary, text
from .file_format import EVERYONE_WORD, EXPERIENCE_COLUMNS, EXPERIENCE_SHEET
from .parsing import header_and_rows
from .preview import ImportPreview
from .problems import ImportRefused, RowProblem
from .templates import table_csv, table_xlsx

REQUIRED = ("survey", "year", "respondents", "source_name")
# A validation field -> the column that holds it.
FIELD_COLUMNS = {"audience_group_id": "group", "area_id": "area"}


@dataclass(frozen=True)
class ExperiencePreviewRow:
    """One data row as it would be imported, in the file's own words."""

    row: int
    survey: str
    year: str
    group: str
    respondents: str
    value: str
    ok: bool


@dataclass
class _Row:
    number: int
    data: ExperienceInput
    cells: dict[str, str]
    problems: list[RowProblem] = field(default_factory=list)


def _surveys() -> dict[str, str]:
    """Every word a file may name a survey with: its code and its names in each language."""
    words = {code: code for code in EXPERIENCE_SURVEYS}
    for lang in LANGUAGES:
        words |= {t(f"experience.survey.{code}", lang).lower(): code for code in EXPERIENCE_SURVEYS}
    return words


def _header(name: str) -> str:
    """The column header a validation field's message belongs to."""
    return EXPERIENCE_COLUMNS.get(FIELD_COLUMNS.get(name, name), name)


def _check_headers(headers: list[str]) -> None:
    known = set(EXPERIENCE_COLUMNS.values())
    problems = [
        RowProblem(
            1, EXPERIENCE_COLUMNS[name], msg("import.error.missing_column", column=EXPERIENCE_COLUMNS[name])
        )
        for name in REQUIRED
        if EXPERIENCE_COLUMNS[name] not in headers
    ]
    problems = problems or [
        RowProblem(1, header, msg("import.error.unknown_column", column=header))
        for header in headers
        if header and header not in known
    ]
    if problems:
        raise ImportRefused(problems)


def _lookup(row: _Row, column: str, known: dict[str, str]) -> str | None:
    word = row.cells[column]
    if not word or (column == "group" and word.lower() == EVERYONE_WORD):
        return None
    found = known.get(word.lower())
    if found is None:
        row.problems.append(
            RowProblem(row.number, EXPERIENCE_COLUMNS[column], msg("import.error.unknown_value", value=word))
        )
    return found


def _parse(session: Session, filename: str, content: bytes) -> list[_Row]:
    headers, data_rows = header_and_rows(filename, content)
    _check_headers(headers)
    words = Vocabulary(session)
    group_ids = {
        code: number for code, number in session.execute(select(AudienceGroup.code, AudienceGroup.id))
    }
    surveys = _surveys()
    rows: list[_Row] = []
    seen: dict[tuple[object, ...], int] = {}
    for number, values in data_rows:
        by_header = dict(zip(headers, values, strict=False))
        cells = {name: text(by_header.get(header)) for name, header in EXPERIENCE_COLUMNS.items()}
        row = _Row(number, ExperienceInput(), cells)
        survey = _lookup(row, "survey", surveys) or cells["survey"]
        group = _lookup(row, "group", words.groups)
        area = _lookup(row, "area", words.areas)
        row.data = ExperienceInput(
            survey=survey,
            year=cells["year"] or None,
            audience_group_id=group_ids.get(group) if group else None,
            area_id=int(area) if area else None,
            respondents=cells["respondents"] or None,
            score=cells["score"] or None,
            agree_pct=cells["agree_pct"] or None,
            neutral_pct=cells["neutral_pct"] or None,
            disagree_pct=cells["disagree_pct"] or None,
            source_name=cells["source_name"],
            source_url=cells["source_url"],
        )
        unreadable = {problem.field for problem in row.problems}
        _, errors = check_experience(session, row.data)
        row.problems += [
            RowProblem(number, _header(name), message)
            for name, message in errors.items()
            if _header(name) not in unreadable
        ]
        key = (survey, cells["year"], group, area)
        if key in seen:
            row.problems.append(
                RowProblem(
                    number,
                    EXPERIENCE_COLUMNS["year"],
                    msg("import.error.result_repeated", row=str(seen[key])),
                )
            )
        seen.setdefault(key, number)
        rows.append(row)
    return rows


def preview_experience_import(
    session: Session, user: CurrentUser, filename: str, content: bytes
) -> ImportPreview[ExperiencePreviewRow]:
    """Read `content` and check every row; nothing is written."""
    require(user, WRITE)
    try:
        rows = _parse(session, filename, content)
    except ImportRefused as refused:
        return ImportPreview(rows=(), problems=tuple(refused.problems))
    if not rows:
        return ImportPreview(rows=(), problems=(RowProblem(0, "", msg("import.error.no_rows")),))
    preview = tuple(
        ExperiencePreviewRow(
            row=row.number,
            survey=row.cells["survey"],
            year=row.cells["year"],
            group=row.cells["group"] or row.cells["area"],
            respondents=row.cells["respondents"],
            value=row.cells["score"] or row.cells["agree_pct"],
            ok=not row.problems,
        )
        for row in rows
    )
    return ImportPreview(rows=preview, problems=tuple(p for row in rows for p in row.problems))


def import_experience(session: Session, user: CurrentUser, filename: str, content: bytes) -> list[int]:
    """Write every row of the file as a survey result, or raise ImportRefused and write nothing.
    Each result gets its own audited "create"; one "import" entry records the file."""
    require(user, WRITE)
    rows = _parse(session, filename, content)
    problems = [problem for row in rows for problem in row.problems]
    if not rows:
        problems.append(RowProblem(0, "", msg("import.error.no_rows")))
    if problems:
        raise ImportRefused(problems)
    created = [create_experience(session, user, row.data, source="import").id for row in rows]
    audit.record(
        session,
        user,
        "import",
        "experience_result",
        None,
        after={"file": filename, "rows": len(created), "result_ids": created},
        note=filename,
    )
    return created


def experience_template_csv(user: CurrentUser | None) -> bytes:
    """The empty survey results' template as CSV."""
    require(user, WRITE)
    return table_csv(list(EXPERIENCE_COLUMNS.values()))


def experience_template_xlsx(user: CurrentUser | None) -> bytes:
    """The empty survey results' template as Excel."""
    require(user, WRITE)
    return table_xlsx(list(EXPERIENCE_COLUMNS.values()), sheet_title=EXPERIENCE_SHEET)
