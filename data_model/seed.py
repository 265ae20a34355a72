"""Load the programme (seed_data/programme) into the database.

The folder holds one edition of the programme (edition.yaml) and its items; every item is
loaded into that edition. Idempotent: the edition and an item whose code is already in that
edition are left as they are, so a second run changes nothing and the coordinator's edits made
in the app (and any later edition started there) are never touched.
Everything is checked before anything is written, and the caller's transaction rolls back
on the first error, which names the file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from .config import PROJECT_ROOT
from .indicators import INDICATORS
from .models import (
    Action,
    ActionReach,
    Actor,
    Area,
    AudienceGroup,
    Channel,
    Department,
    DevelopmentMeasure,
    DevelopmentPrinciple,
    Opportunity,
    ParticipationForm,
    ProgrammeEdition,
    Responsibility,
    SwotItem,
)
from .models.choices import (
    APPROVERS,
    CADENCES,
    EVIDENCE,
    FORMATS,
    QUADRANTS,
    STATUTORY,
)
from .seed_files import (
    Record,
    SeedError,
    check_unique,
    parse_choice,
    parse_date,
    parse_int,
    read_yaml_list,
    rows_by_code,
)
from .seed_reference import load_areas, load_audience_groups, load_departments, load_population, load_settings

PROGRAMME_DIR = PROJECT_ROOT / "seed_data" / "programme"


M = TypeVar("M")


def _edition_codes(session: Session, model: type[M], edition: ProgrammeEdition) -> dict[str, M]:
    """The items of one edition by code (a code is unique within its edition only)."""
    query = select(model).where(model.edition_id == edition.id)  # type: ignore[attr-defined]
    return {row.code: row for row in session.scalars(query)}  # type: ignore[attr-defined]


def _fill_blank_english(row: object, values: dict[str, str]) -> None:
    """English added to the seed after a database was made: written where the row's English is
    still empty, never over text the coordinator has written since."""
    for name, value in values.items():
        if value and not getattr(row, name):
            setattr(row, name, value)


def _lookup(record: Record, key: str, known: dict[str, M], what: str) -> list[M]:
    found = []
    for code in record.get(key, []) or []:
        if code not in known:
            raise record.fail(f"tuntematon {what} '{code}' (unknown {what})")
        found.append(known[code])
    return found


def _load_edition(session: Session, folder: Path) -> ProgrammeEdition:
    records = read_yaml_list(folder / "edition.yaml")
    if len(records) != 1:
        raise SeedError(f"{folder / 'edition.yaml'}: yksi painos (exactly one edition), {len(records)} found")
    record = records[0]
    record.require("code", "name_fi", "name_en", "period_start", "period_end")
    start, end = parse_date(record, "period_start"), parse_date(record, "period_end")
    assert start is not None and end is not None  # noqa: S101 - required above
    if end < start:
        raise record.fail("period_end: jakso päättyy ennen alkuaan (period ends before it starts)")
    approved_by = record.get("approved_by")
    if approved_by is not None:
        approved_by = parse_choice(record, "approved_by", APPROVERS)
    section = record.get("approval_section")
    if section is not None:
        section = parse_int(record, "approval_section")
    existing = session.scalars(
        select(ProgrammeEdition).where(ProgrammeEdition.code == record.get("code"))
    ).first()
    if existing is not None:
        return existing
    edition = ProgrammeEdition(
        code=record.get("code"),
        name_fi=record.get("name_fi"),
        name_en=record.get("name_en"),
        period_start=start,
        period_end=end,
        approved_by=approved_by,
        approved_on=parse_date(record, "approved_on"),
        approval_section=section,
    )
    session.add(edition)
    session.flush()
    return edition


def _load_forms(session: Session, folder: Path) -> None:
    records = read_yaml_list(folder / "forms.yaml")
    check_unique(records, "code")
    existing = rows_by_code(session, ParticipationForm)
    for order, record in enumerate(records):
        record.require("code", "name_fi", "name_en")
        if record.get("code") in existing:
            continue
        session.add(
            ParticipationForm(
                code=record.get("code"),
                name_fi=record.get("name_fi"),
                name_en=record.get("name_en"),
                description_fi=record.get("description_fi", ""),
                description_en=record.get("description_en", ""),
                sort_order=order,
            )
        )
    session.flush()


def _load_opportunities(session: Session, folder: Path, edition: ProgrammeEdition) -> None:
    records = read_yaml_list(folder / "opportunities.yaml")
    check_unique(records, "code")
    check_unique(records, "name_fi")
    forms = rows_by_code(session, ParticipationForm)
    existing = _edition_codes(session, Opportunity, edition)
    for order, record in enumerate(records):
        record.require("code", "name_fi", "name_en", "forms")
        linked = _lookup(record, "forms", forms, "osallisuuden muoto")
        statutory = parse_choice(record, "statutory", STATUTORY)
        if record.get("code") in existing:
            _fill_blank_english(
                existing[record.get("code")], {"legal_basis_en": record.get("legal_basis_en") or ""}
            )
            continue
        session.add(
            Opportunity(
                edition_id=edition.id,
                code=record.get("code"),
                name_fi=record.get("name_fi"),
                name_en=record.get("name_en"),
                statutory=statutory,
                legal_basis=record.get("legal_basis"),
                legal_basis_en=record.get("legal_basis_en") or "",
                note_fi=record.get("note_fi", ""),
                details_fi=record.text_lines("details_fi"),
                sort_order=order,
                forms=linked,
            )
        )
    session.flush()


def _load_swot(session: Session, folder: Path, edition: ProgrammeEdition) -> None:
    records = read_yaml_list(folder / "swot.yaml")
    check_unique(records, "code")
    existing = _edition_codes(session, SwotItem, edition)
    for order, record in enumerate(records):
        record.require("code", "quadrant", "text_fi")
        quadrant = parse_choice(record, "quadrant", QUADRANTS)
        indicator = record.get("indicator")
        if indicator is not None and indicator not in INDICATORS:
            raise record.fail(f"tuntematon indikaattori '{indicator}' (unknown indicator)")
        if record.get("code") in existing:
            continue
        session.add(
            SwotItem(
                edition_id=edition.id,
                code=record.get("code"),
                quadrant=quadrant,
                text_fi=record.get("text_fi"),
                text_en=record.get("text_en", ""),
                indicator=indicator,
                sort_order=order,
            )
        )
    session.flush()


def _load_steps(session: Session, folder: Path, edition: ProgrammeEdition) -> None:
    principles = read_yaml_list(folder / "steps.yaml")
    check_unique(principles, "code")
    measures = [record.child(item) for record in principles for item in record.get("measures", [])]
    check_unique(measures, "code")
    existing_principles = _edition_codes(session, DevelopmentPrinciple, edition)
    existing_measures = _edition_codes(session, DevelopmentMeasure, edition)
    for order, record in enumerate(principles):
        record.require("code", "title_fi", "measures")
        principle = existing_principles.get(record.get("code"))
        if principle is None:
            principle = DevelopmentPrinciple(
                edition_id=edition.id,
                code=record.get("code"),
                title_fi=record.get("title_fi"),
                title_en=record.get("title_en", ""),
                description_fi=record.get("description_fi", ""),
                description_en=record.get("description_en", ""),
                sort_order=order,
            )
            session.add(principle)
        else:
            _fill_blank_english(principle, {"description_en": record.get("description_en", "")})
        for measure_order, item in enumerate(record.get("measures")):
            measure = record.child(item)
            measure.require("code", "text_fi")
            if measure.get("code") in existing_measures:
                continue
            principle.measures.append(
                DevelopmentMeasure(
                    edition_id=edition.id,
                    code=measure.get("code"),
                    text_fi=measure.get("text_fi"),
                    text_en=measure.get("text_en", ""),
                    sort_order=order * 100 + measure_order,
                )
            )
    session.flush()


def _load_channels(session: Session, folder: Path, edition: ProgrammeEdition) -> None:
    records = read_yaml_list(folder / "channels.yaml")
    check_unique(records, "code")
    check_unique(records, "name_fi")
    groups = rows_by_code(session, AudienceGroup)
    existing = _edition_codes(session, Channel, edition)
    for order, record in enumerate(records):
        record.require("code", "name_fi", "target_groups")
        targets = _lookup(record, "target_groups", groups, "kohderyhmä")
        if record.get("code") in existing:
            english = {
                "goals_en": record.text_lines("goals_en"),
                "content_en": record.text_lines("content_en"),
            }
            _fill_blank_english(existing[record.get("code")], english)
            continue
        session.add(
            Channel(
                edition_id=edition.id,
                code=record.get("code"),
                name_fi=record.get("name_fi"),
                name_en=record.get("name_en", ""),
                details_fi=record.text_lines("details_fi"),
                goals_fi=record.text_lines("goals_fi"),
                goals_en=record.text_lines("goals_en"),
                target_groups_fi=record.get("target_groups_fi", ""),
                content_fi=record.text_lines("content_fi"),
                content_en=record.text_lines("content_en"),
                sort_order=order,
                target_groups=targets,
            )
        )
    session.flush()


def _load_responsibilities(session: Session, folder: Path, edition: ProgrammeEdition) -> None:
    actors = read_yaml_list(folder / "responsibilities.yaml")
    check_unique(actors, "code")
    duties = [record.child(item) for record in actors for item in record.get("duties", [])]
    check_unique(duties, "code")
    existing_actors = _edition_codes(session, Actor, edition)
    existing_duties = _edition_codes(session, Responsibility, edition)
    for order, record in enumerate(actors):
        record.require("code", "name_fi", "duties")
        actor = existing_actors.get(record.get("code"))
        if actor is None:
            actor = Actor(
                edition_id=edition.id,
                code=record.get("code"),
                name_fi=record.get("name_fi"),
                name_en=record.get("name_en", ""),
                sort_order=order,
            )
            session.add(actor)
        for duty_order, item in enumerate(record.get("duties")):
            duty = record.child(item)
            duty.require("code", "text_fi")
            cadence = parse_choice(duty, "cadence", CADENCES)
            evidence = parse_choice(duty, "evidence", EVIDENCE)
            if duty.get("code") in existing_duties:
                continue
            actor.duties.append(
                Responsibility(
                    edition_id=edition.id,
                    code=duty.get("code"),
                    text_fi=duty.get("text_fi"),
                    text_en=duty.get("text_en", ""),
                    cadence=cadence,
                    evidence=evidence,
                    cadence_assumed=duty.get("cadence_assumed", True) is not False,
                    sort_order=order * 100 + duty_order,
                )
            )
    session.flush()


def _load_baseline(session: Session, folder: Path, edition: ProgrammeEdition) -> None:
    records = read_yaml_list(folder / "baseline_actions.yaml")
    check_unique(records, "code")
    departments = rows_by_code(session, Department)
    # The baseline happened under this folder's edition: its actions link to that edition's items.
    opportunities = _edition_codes(session, Opportunity, edition)
    forms = rows_by_code(session, ParticipationForm)
    measures = _edition_codes(session, DevelopmentMeasure, edition)
    channels = _edition_codes(session, Channel, edition)
    groups = rows_by_code(session, AudienceGroup)
    areas = {area.name: area for area in session.scalars(select(Area))}
    existing = set(session.scalars(select(Action.external_ref).where(Action.external_ref.is_not(None))))
    for record in records:
        record.require("code", "department", "title_fi", "start_date", "format")
        department = departments.get(record.get("department"))
        if department is None:
            raise record.fail(f"tuntematon toimiala '{record.get('department')}' (unknown department)")
        opportunity_code = record.get("opportunity")
        if opportunity_code and opportunity_code not in opportunities:
            raise record.fail(f"tuntematon mahdollisuus '{opportunity_code}' (unknown opportunity)")
        area_name = record.get("area")
        if area_name and area_name not in areas:
            raise record.fail(f"tuntematon alue '{area_name}' (unknown area)")
        reach: dict[str, Any] = {k: v for k, v in (record.get("reach") or {}).items() if k != "__line__"}
        for code in reach:
            if code not in groups:
                raise record.fail(f"tuntematon kohderyhmä '{code}' (unknown audience group)")
        linked = {
            "forms": _lookup(record, "forms", forms, "osallisuuden muoto"),
            "measures": _lookup(record, "measures", measures, "kehittämistoimi"),
            "channels": _lookup(record, "channels", channels, "viestintäkanava"),
            "intended_groups": _lookup(record, "intended_groups", groups, "kohderyhmä"),
        }
        start, end = parse_date(record, "start_date"), parse_date(record, "end_date")
        fmt = parse_choice(record, "format", FORMATS)
        ref = f"baseline:{record.get('code')}"
        if ref in existing:
            continue
        action = Action(
            external_ref=ref,
            department=department,
            title=record.get("title_fi"),
            description=record.get("description_fi", ""),
            start_date=start,
            end_date=end,
            opportunity=opportunities.get(opportunity_code) if opportunity_code else None,
            format=fmt,
            area=areas.get(area_name) if area_name else None,
            participants_total=record.get("participants_total"),
            reach_estimate=bool(record.get("reach_estimate", False)),
            feedback_given=bool(record.get("feedback_given", False)),
            source="baseline",
            source_note=record.get("source_fi", ""),
            **linked,
            reach=[ActionReach(audience_group=groups[code], count=int(n)) for code, n in reach.items()],
        )
        session.add(action)
    session.flush()


def load_programme(session: Session, folder: Path = PROGRAMME_DIR) -> None:
    """Load every programme file in dependency order; raises SeedError naming file and line."""
    if not folder.is_dir():
        raise SeedError(f"{folder}: kansio puuttuu (folder missing)")
    edition = _load_edition(session, folder)
    _load_forms(session, folder)
    _load_opportunities(session, folder, edition)
    _load_swot(session, folder, edition)
    _load_steps(session, folder, edition)
    load_audience_groups(session, folder)
    _load_channels(session, folder, edition)
    _load_responsibilities(session, folder, edition)
    load_departments(session, folder)
    load_areas(session, folder)
    load_population(session, folder)
    _load_baseline(session, folder, edition)
    load_settings(session)
