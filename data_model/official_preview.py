"""The preview of a table 11re file: one municipality and year, summed into the dashboard's
age groups beside the figures stored now.

Nothing here writes: the preview is what the coordinator sees before confirming, and the save
(services/official_population.py) builds the very same preview again from the same bytes, so
what is stored is what was shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from .i18n import in_language
from .models import AudienceGroup, PopulationFigure
from .official_population import HOME_MUNICIPALITY, ParsedTable, RowError, is_home


@dataclass(frozen=True)
class GroupFigure:
    """One age group: what the file gives it, and what is stored now."""

    code: str
    name_fi: str
    name_en: str
    age_min: int
    age_max: int | None
    count: int | None  # None: the file does not cover the group (fully)
    missing_ages: tuple[int, ...]
    current_count: int | None
    current_estimate: bool | None

    @property
    def covered(self) -> bool:
        """The file gives every one-year age of the group."""
        return self.count is not None

    def name(self, lang: str) -> str:
        """The group's name in `lang`."""
        return in_language(lang, self.name_fi, self.name_en)


@dataclass(frozen=True)
class OfficialPreview:
    """What a save would store, and every reason it must not."""

    format: str
    title: str
    updated: date | None
    municipality: str
    year: int
    total: int | None
    current_total: int | None
    groups: tuple[GroupFigure, ...]
    errors: tuple[RowError, ...]

    @property
    def covered(self) -> list[GroupFigure]:
        """The groups whose estimate the file replaces."""
        return [group for group in self.groups if group.covered]

    @property
    def can_save(self) -> bool:
        """No errors, and something to store."""
        return not self.errors and (bool(self.covered) or self.total is not None)


def _ranges(ages: list[int]) -> str:
    """17, 18, 19, 25 -> '17–19, 25' for a readable list of missing ages."""
    parts: list[str] = []
    for age in ages:
        if parts and parts[-1].split("–")[-1] == str(age - 1):
            parts[-1] = f"{parts[-1].split('–')[0]}–{age}"
        else:
            parts.append(str(age))
    return ", ".join(parts)


def _current(session: Session, year: int) -> dict[int | None, PopulationFigure]:
    rows = session.scalars(select(PopulationFigure).where(PopulationFigure.year == year))
    return {row.audience_group_id: row for row in rows}


def build_preview(session: Session, table: ParsedTable, municipality: str, year: int) -> OfficialPreview:
    """Sum the chosen municipality's one-year ages for `year` into each active age group;
    a group counts as covered only when every one of its ages is in the file."""
    errors = [
        error for error in table.errors if error.area in (None, municipality) and error.year in (None, year)
    ]
    if table.cells and municipality not in table.areas():
        errors.append(RowError("no_municipality", params=(("area", municipality),)))
    elif table.cells and not is_home(municipality):
        errors.append(
            RowError("wrong_municipality", params=(("area", municipality), ("home", HOME_MUNICIPALITY)))
        )
    if table.cells and year not in table.years():
        errors.append(RowError("no_year", params=(("year", str(year)),)))
    cells = [cell for cell in table.cells if cell.area == municipality and cell.year == year]
    by_age = {cell.age.years: cell for cell in cells if cell.age.years is not None}
    top = next((cell.age.years for cell in cells if cell.age.open_ended), None)
    total_cell = next((cell for cell in cells if cell.age.years is None), None)
    current = _current(session, year)
    groups = session.scalars(
        select(AudienceGroup)
        .where(
            AudienceGroup.kind == "age", AudienceGroup.active.is_(True), AudienceGroup.age_min.is_not(None)
        )
        .order_by(AudienceGroup.sort_order, AudienceGroup.id)
    ).all()
    figures: list[GroupFigure] = []
    for group in groups:
        low = int(group.age_min or 0)
        high = group.age_max if group.age_max is not None else top
        wanted = list(range(low, (high if high is not None else max([low, *by_age])) + 1))
        missing = [age for age in wanted if age not in by_age]
        if group.age_max is None and top is None:
            missing.append(max([low, *by_age]) + 1)  # no open top band: the oldest are not in the file
        present = [by_age[age] for age in wanted if age in by_age]
        count: int | None = None
        if present and missing:
            errors.append(
                RowError(
                    "missing_ages",
                    params=(("group", group.name_fi), ("ages", _ranges(missing))),
                )
            )
        elif present and all(cell.value is not None for cell in present):
            count = sum(cell.value or 0 for cell in present)
        stored = current.get(group.id)
        figures.append(
            GroupFigure(
                group.code,
                group.name_fi,
                group.name_en,
                low,
                group.age_max,
                count,
                tuple(missing) if present else (),
                stored.count if stored else None,
                stored.estimate if stored else None,
            )
        )
    total = total_cell.value if total_cell else None
    every_age = top is not None and all(age in by_age for age in range(0, top + 1))
    summed = sum(cell.value or 0 for cell in by_age.values()) if every_age else None
    values_known = all(cell.value is not None for cell in by_age.values())
    if total is not None and summed is not None and values_known and total != summed:
        errors.append(RowError("total_mismatch", params=(("total", str(total)), ("sum", str(summed)))))
    if total is None and summed is not None:
        total = summed
    stored_total = current.get(None)
    if cells and not any(group.covered for group in figures) and total is None and not errors:
        errors.append(RowError("no_figures"))
    return OfficialPreview(
        table.format,
        table.title,
        table.updated,
        municipality,
        year,
        total,
        stored_total.count if stored_total else None,
        tuple(figures),
        tuple(errors),
    )
