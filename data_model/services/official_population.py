"""The coordinator replaces the estimated age split with Statistics Finland's table 11re.

The save parses the uploaded bytes again and rebuilds the preview the page showed, so nothing
the coordinator did not see is stored; any error in the preview refuses the whole file. Each
covered age group (and the total) gets its figure for the year as a statistic: estimate off,
the source and the table's date in `source`, how it was summed in `method`, and an audit entry
with the values before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import clock
from ..i18n import msg, t
from ..models import AudienceGroup, PopulationFigure
from ..official_population import TABLE
from ..official_population_files import parse_11re
from ..official_preview import OfficialPreview, build_preview
from ..permissions import CurrentUser, require
from . import audit
from .errors import ValidationError

# The population figures are reference data: the coordinator's alone (permissions.py).
PERMISSION = "reference.write"


@dataclass(frozen=True)
class SavedFigure:
    """One stored figure: which group (None = total), and whether it replaced another."""

    group_code: str | None
    count: int
    created: bool


def preview_official_population(
    session: Session, user: CurrentUser | None, content: bytes, filename: str, municipality: str, year: int
) -> OfficialPreview:
    """The preview of a file, permission-checked like the save (it reads stored figures)."""
    require(user, PERMISSION)
    return build_preview(session, parse_11re(content, filename), municipality, year)


def _source(preview: OfficialPreview, table_date: date) -> str:
    return t(
        "official.stored_source",
        "fi",
        table=TABLE,
        area=preview.municipality,
        year=preview.year,
        updated=f"{table_date.day}.{table_date.month}.{table_date.year}",
    )


AUDITED = ("year", "count", "estimate", "source", "method")


def _values(row: PopulationFigure) -> dict[str, Any]:
    return audit.values_of(row, AUDITED)


def _store(
    session: Session,
    user: CurrentUser | None,
    group: AudienceGroup | None,
    year: int,
    count: int,
    source: str,
    method: str,
) -> SavedFigure:
    group_id = group.id if group else None
    condition = (
        PopulationFigure.audience_group_id.is_(None)
        if group_id is None
        else PopulationFigure.audience_group_id == group_id
    )
    row = session.scalar(select(PopulationFigure).where(condition, PopulationFigure.year == year))
    before = _values(row) if row else None
    if row is None:
        row = PopulationFigure(audience_group_id=group_id, year=year, count=count)
        session.add(row)
    row.count, row.estimate, row.source, row.method = count, False, source, method
    session.flush()
    after = {"audience_group": group.code if group else None, **_values(row)}
    event = "update" if before else "create"
    audit.record(session, user, event, "population_figure", row.id, before=before, after=after, note=TABLE)
    return SavedFigure(group.code if group else None, count, before is None)


def save_official_population(
    session: Session,
    user: CurrentUser | None,
    content: bytes,
    filename: str,
    municipality: str,
    year: int,
    table_date: date | None = None,
) -> list[SavedFigure]:
    """Store what the file covers for `municipality` and `year`, all or nothing.

    `table_date` is the date Statistics Finland last updated the table; a JSON-stat file
    carries it (`updated`), for CSV and XLSX the coordinator gives it."""
    require(user, PERMISSION)
    preview = build_preview(session, parse_11re(content, filename), municipality, year)
    errors = {f"row_{number}": error.as_message() for number, error in enumerate(preview.errors, start=1)}
    table_date = table_date or preview.updated
    if table_date is None:
        errors["table_date"] = msg("official.error.table_date_missing")
    elif table_date > clock.today() or table_date.year < year:
        errors["table_date"] = msg("official.error.table_date_wrong", year=str(year))
    if not errors and not preview.can_save:
        errors["file"] = msg("official.error.no_figures")
    if errors or table_date is None:
        raise ValidationError(errors)
    source = _source(preview, table_date)
    groups = {group.code: group for group in session.scalars(select(AudienceGroup))}
    saved: list[SavedFigure] = []
    if preview.total is not None:
        method = t("official.stored_method_total", "fi", file=filename or preview.format)
        saved.append(_store(session, user, None, year, preview.total, source, method))
    for figure in preview.covered:
        if figure.count is None:  # covered means counted; this keeps mypy sure of it
            continue
        ages = f"{figure.age_min}–{figure.age_max}" if figure.age_max is not None else f"{figure.age_min}+"
        method = t("official.stored_method", "fi", ages=ages, file=filename or preview.format)
        saved.append(_store(session, user, groups[figure.code], year, figure.count, source, method))
    return saved
