"""The town's reference data from seed_data/programme: audience groups, departments and
advocacy bodies, areas, the population figures and the default thresholds. Idempotent like
the rest of the seed, with file:line errors."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import (
    Area,
    AudienceGroup,
    Department,
    PopulationFigure,
    Setting,
)
from .models.choices import (
    DEPARTMENT_KINDS,
    GROUP_KINDS,
)
from .models.reference import DEFAULT_SETTINGS
from .seed_files import (
    Record,
    check_unique,
    parse_bool,
    parse_choice,
    parse_int,
    read_csv,
    read_yaml_list,
    rows_by_code,
)


def load_audience_groups(session: Session, folder: Path) -> None:
    """The audience groups a reach count or a channel's target names."""
    records = read_yaml_list(folder / "audience_groups.yaml")
    check_unique(records, "code")
    existing = rows_by_code(session, AudienceGroup)
    for order, record in enumerate(records):
        record.require("code", "name_fi", "kind")
        kind = parse_choice(record, "kind", GROUP_KINDS)
        if record.get("code") in existing:
            continue
        session.add(
            AudienceGroup(
                code=record.get("code"),
                name_fi=record.get("name_fi"),
                name_en=record.get("name_en", ""),
                kind=kind,
                age_min=record.get("age_min"),
                age_max=record.get("age_max"),
                sort_order=order,
            )
        )
    session.flush()


def load_departments(session: Session, folder: Path) -> None:
    """The departments and advocacy bodies that log actions and report."""
    records = read_yaml_list(folder / "departments.yaml")
    check_unique(records, "code")
    check_unique(records, "name_fi")
    existing = rows_by_code(session, Department)
    for order, record in enumerate(records):
        record.require("code", "name_fi", "kind")
        kind = parse_choice(record, "kind", DEPARTMENT_KINDS)
        if record.get("code") in existing:
            continue
        session.add(
            Department(
                code=record.get("code"),
                name_fi=record.get("name_fi"),
                name_en=record.get("name_en", ""),
                kind=kind,
                report_cadence_months=record.get("report_cadence_months"),
                active=bool(record.get("active", True)),
                sort_order=order,
            )
        )
    session.flush()


def load_areas(session: Session, folder: Path) -> None:
    """The areas of Heinola an action can be placed in."""
    records = read_csv(folder / "areas.csv", ["name"])
    check_unique(records, "name")
    existing = set(session.scalars(select(Area.name)))
    for order, record in enumerate(records):
        record.require("name")
        name = str(record.get("name")).strip()
        if name not in existing:
            session.add(Area(name=name, sort_order=order))
    session.flush()


def load_population(session: Session, folder: Path) -> None:
    """The population figures per year and group, with their source and method."""
    records = read_csv(
        folder / "population.csv", ["group_code", "year", "count", "estimate", "source", "method"]
    )
    groups = rows_by_code(session, AudienceGroup)
    existing = {(row.audience_group_id, row.year) for row in session.scalars(select(PopulationFigure))}
    seen: dict[tuple[int | None, int], Record] = {}
    for record in records:
        record.require("group_code", "year", "count", "source")
        code = str(record.get("group_code")).strip()
        if code != "total" and code not in groups:
            raise record.fail(f"tuntematon kohderyhmä '{code}' (unknown audience group)")
        group_id = None if code == "total" else groups[code].id
        year = parse_int(record, "year")
        count = parse_int(record, "count")
        if count < 0:
            raise record.fail("count: väkiluku ei voi olla negatiivinen")
        key = (group_id, year)
        if key in seen:
            raise record.fail(f"toistuva väestöluku {code} {year}, ensin rivillä {seen[key].line}")
        seen[key] = record
        if key in existing:
            continue
        session.add(
            PopulationFigure(
                audience_group_id=group_id,
                year=year,
                count=count,
                estimate=parse_bool(record, "estimate"),
                source=record.get("source", ""),
                method=record.get("method", ""),
            )
        )
    session.flush()


def load_settings(session: Session) -> None:
    """The default thresholds, added where a database has none yet (never overwritten)."""
    existing = set(session.scalars(select(Setting.key)))
    for key, value in DEFAULT_SETTINGS.items():
        if key not in existing:
            session.add(Setting(key=key, value=value))
    session.flush()
