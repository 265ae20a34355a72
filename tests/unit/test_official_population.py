"""Statistics Finland's table 11re in each PxWeb format: parsed, summed into the age groups,
previewed with row-level errors, saved by the coordinator only, audited, and the estimate
notice gone for the groups the file covers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from data_model.db import session_factory, transaction
from data_model.metrics.filters import MetricFilters
from data_model.metrics.reach import representation
from data_model.models import AudienceGroup, AuditEntry, PopulationFigure
from data_model.official_population_files import parse_11re
from data_model.official_preview import OfficialPreview, build_preview
from data_model.permissions import CurrentUser, PermissionDenied
from data_model.services.errors import ValidationError
from data_model.services.official_population import save_official_population
from tests.factories import create_role_users
from tests.px_files import FILENAMES, MAKERS, ages_2024, group_sum

FORMATS = list(MAKERS)
AGE_GROUPS = {
    "children_0_14": (0, 14),
    "youth_15_29": (15, 29),
    "working_age_30_64": (30, 64),
    "older_65_74": (65, 74),
    "older_75_plus": (75, None),
}
YEAR_2024 = MetricFilters(start=date(2024, 1, 1), end=date(2024, 12, 31))


def _preview(engine: Engine, content: bytes, area: str = "Heinola", year: int = 2024) -> OfficialPreview:
    with session_factory(engine)() as session:
        return build_preview(session, parse_11re(content), area, year)


def _save(engine: Engine, user: CurrentUser, content: bytes, fmt: str, area: str = "Heinola") -> None:
    with transaction(engine) as session:
        save_official_population(session, user, content, FILENAMES[fmt], area, 2024, date(2025, 4, 25))


def _estimated(engine: Engine) -> set[str]:
    with session_factory(engine)() as session:
        return {row.group.code for row in representation(session, YEAR_2024) if row.estimate}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_good_file_is_summed_into_the_age_groups(engine: Engine, fmt: str) -> None:
    ages = ages_2024()
    preview = _preview(engine, MAKERS[fmt](ages))
    assert preview.errors == ()
    assert preview.can_save
    counts = {group.code: group.count for group in preview.groups}
    assert counts == {code: group_sum(ages, low, high) for code, (low, high) in AGE_GROUPS.items()}
    assert preview.total == sum(ages.values())
    # The seeded split is an estimate: the preview says what is stored now.
    youth = next(group for group in preview.groups if group.code == "youth_15_29")
    assert (youth.current_count, youth.current_estimate) == (2883, True)


def test_the_table_date_comes_from_json_stat_and_the_xlsx_footnote() -> None:
    ages = ages_2024()
    assert parse_11re(MAKERS["json-stat"](ages)).updated == date(2025, 4, 25)
    assert parse_11re(MAKERS["xlsx"](ages)).updated == date(2025, 4, 25)
    assert parse_11re(MAKERS["csv"](ages)).updated is None  # the coordinator gives it


@pytest.mark.parametrize("fmt", FORMATS)
def test_saving_clears_the_estimate_for_the_groups_the_file_covers(engine: Engine, fmt: str) -> None:
    users = create_role_users(engine)
    assert set(AGE_GROUPS) <= _estimated(engine)
    ages = ages_2024()
    _save(engine, users["coordinator"], MAKERS[fmt](ages), fmt)
    estimated = _estimated(engine)
    assert not set(AGE_GROUPS) & estimated
    assert "foreign_language" in estimated  # not in table 11re: still an estimate
    with session_factory(engine)() as session:
        youth = session.scalars(
            select(PopulationFigure)
            .join(AudienceGroup)
            .where(AudienceGroup.code == "youth_15_29", PopulationFigure.year == 2024)
        ).one()
        assert youth.count == group_sum(ages, 15, 29) and not youth.estimate
        assert "11re" in youth.source and "25.4.2025" in youth.source and "Heinola" in youth.source
        assert "15–29" in youth.method
        total = session.scalars(
            select(PopulationFigure).where(
                PopulationFigure.audience_group_id.is_(None), PopulationFigure.year == 2024
            )
        ).one()
        assert total.count == sum(ages.values()) and not total.estimate
        audited = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "population_figure")
        )
        assert audited == 6  # five age groups and the total, each with before and after
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "population_figure")).all()
        entry = next(entry for entry in entries if entry.entity_id == youth.id)
        assert entry.before and entry.before["estimate"] is True and entry.before["count"] == 2883
        assert entry.after and entry.after["estimate"] is False and entry.note == "11re"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_for_another_municipality_is_refused(engine: Engine, fmt: str) -> None:
    users = create_role_users(engine)
    ages = ages_2024()
    content = (
        MAKERS[fmt](ages, area=("KU398", "Lahti")) if fmt == "json-stat" else MAKERS[fmt](ages, area="Lahti")
    )
    parsed = parse_11re(content)
    assert parsed.areas() == ["Lahti"]
    preview = _preview(engine, content, "Lahti")
    assert not preview.can_save
    assert "koskee kuntaa Lahti, ei kuntaa Heinola" in preview.errors[0].message()
    assert "no_municipality" in [error.code for error in _preview(engine, content, "Heinola").errors]
    with pytest.raises(ValidationError):
        _save(engine, users["coordinator"], content, fmt, area="Lahti")
    assert set(AGE_GROUPS) <= _estimated(engine)


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_ages_are_named_and_nothing_is_saved(engine: Engine, fmt: str) -> None:
    users = create_role_users(engine)
    content = MAKERS[fmt](ages_2024(skip=(17, 18, 19, 25)), total=False)
    preview = _preview(engine, content)
    messages = [error.message() for error in preview.errors]
    assert messages == [
        "Nuoret (15–29 v): ikävuodet 17–19, 25 puuttuvat tiedostosta, joten ryhmän summaa ei voi laskea."
    ]
    with pytest.raises(ValidationError):
        _save(engine, users["coordinator"], content, fmt)
    assert "youth_15_29" in _estimated(engine)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_with_only_some_groups_covers_only_those(engine: Engine, fmt: str) -> None:
    users = create_role_users(engine)
    ages = {age: count for age, count in ages_2024().items() if 15 <= age <= 29}
    _save(engine, users["coordinator"], MAKERS[fmt](ages, total=False), fmt)
    estimated = _estimated(engine)
    assert "youth_15_29" not in estimated
    assert {"children_0_14", "working_age_30_64", "older_75_plus"} <= estimated


@pytest.mark.parametrize("fmt", FORMATS)
def test_non_numeric_cells_are_shown_with_their_line(engine: Engine, fmt: str) -> None:
    users = create_role_users(engine)
    ages: dict[int, object] = dict(ages_2024())
    ages[16] = "12a" if fmt != "json-stat" else None
    ages[40] = ".."  # PxWeb's "not available"
    if fmt == "json-stat":
        ages[40] = None
    content = MAKERS[fmt](ages)  # type: ignore[arg-type]
    errors = _preview(engine, content).errors
    codes = [error.code for error in errors]
    assert codes.count("not_a_number") == 2
    first = errors[codes.index("not_a_number")].message()
    if fmt == "csv":
        # title, blank, header, Yhteensä, ages 0..15 -> age 16 is on line 21
        assert first == "Rivi 21: Ikä 16: '12a' ei ole väkiluku (kokonaisluku ≥ 0)."
    elif fmt == "xlsx":
        assert first.startswith("Rivi 21: Ikä 16:")
    else:
        assert first.startswith("Arvo 18: Ikä 16:")  # Yhteensä is value 1, age 0 value 2
    with pytest.raises(ValidationError) as refused:
        _save(engine, users["coordinator"], content, fmt)
    assert any("Ikä 16" in message.text() for message in refused.value.errors.values())
    assert "youth_15_29" in _estimated(engine)


def test_a_total_that_does_not_add_up_is_an_error(engine: Engine) -> None:
    ages = ages_2024()
    good = f'"Yhteensä";"Yhteensä";{sum(ages.values())}'
    content = MAKERS["csv"](ages).replace(good.encode(), '"Yhteensä";"Yhteensä";99999'.encode())
    assert [error.code for error in _preview(engine, content).errors] == ["total_mismatch"]


def test_something_that_is_not_table_11re_is_refused(engine: Engine) -> None:
    for content in (b"", b"nimi;osoite\nMatti;Katu 1\n", b"{not json", b"PK\x03\x04broken"):
        preview = _preview(engine, content)
        assert preview.errors and not preview.can_save


@pytest.mark.parametrize("role", ["department_head", "council"])
def test_only_the_coordinator_may_load_the_file(engine: Engine, role: str) -> None:
    users = create_role_users(engine)
    with pytest.raises(PermissionDenied):
        _save(engine, users[role], MAKERS["csv"](ages_2024()), "csv")
    assert set(AGE_GROUPS) <= _estimated(engine)


def test_a_csv_file_needs_the_table_date(engine: Engine) -> None:
    users = create_role_users(engine)
    save: Callable[..., object] = save_official_population
    with transaction(engine) as session, pytest.raises(ValidationError) as refused:
        save(session, users["coordinator"], MAKERS["csv"](ages_2024()), "a.csv", "Heinola", 2024, None)
    assert "table_date" in refused.value.errors


def test_comma_separated_latin_csv_with_a_year_column_and_both_sexes_is_read(engine: Engine) -> None:
    """PxWeb's other CSV choices: comma-separated, Windows encoding, Vuosi as a column, men
    and women without a total row for sex (summed)."""
    ages = ages_2024()
    lines = ['"Väestö 31.12."', "", '"Alue","Vuosi","Ikä","Sukupuoli","Väestö 31.12. (lkm)"']
    for age, count in ages.items():
        label = "100 -" if age == 100 else str(age)
        lines.append(f'"Heinola","2024","{label}","Miehet",{count // 2}')
        lines.append(f'"Heinola","2024","{label}","Naiset",{count - count // 2}')
    content = "\r\n".join(lines).encode("cp1252")
    preview = _preview(engine, content)
    assert preview.errors == ()
    assert {group.code: group.count for group in preview.groups}["youth_15_29"] == group_sum(ages, 15, 29)
    assert preview.total == sum(ages.values())
