"""A logged action's rules, every field at once, with a message per field.

`ActionInput` holds what a person typed or a file row held, still loosely typed; `check_action`
returns the cleaned values (`CleanAction`) or the errors. The form, the import and the action
services all check through here, so they give the same messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from .. import clock
from ..editions import edition_in_force
from ..i18n import Named, msg
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
from ..models.programme import opportunity_form
from .errors import Collector, Errors
from .values import LONG_TEXT_MAX, Raw, RawDate, bounded_text, date_in_range, money, web_address, whole_number

TITLE_MIN, TITLE_MAX = 3, 200
FEEDBACK_METHOD_MAX = 300
SOURCE_NOTE_MAX = 2000


@dataclass
class ActionInput:
    """Every field of an action as entered. Reach maps an audience-group code to its count;
    None (or a missing code) means the count is not known, which is not the same as zero."""

    department_id: int | None = None
    title: str = ""
    description: str = ""
    start_date: RawDate = None
    end_date: RawDate = None
    opportunity_code: str | None = None
    form_codes: list[str] = field(default_factory=list)
    measure_codes: list[str] = field(default_factory=list)
    channel_codes: list[str] = field(default_factory=list)
    intended_group_codes: list[str] = field(default_factory=list)
    format: str = "in_person"
    area_id: int | None = None
    participants_total: Raw = None
    reach: dict[str, Raw] = field(default_factory=dict)
    reach_estimate: bool = False
    officials_took_part: bool = False
    feedback_given: bool = False
    feedback_date: RawDate = None
    feedback_method: str = ""
    feedback_url: str = ""
    decision_change: str = ""
    is_public: bool = False
    staff_experience: Raw = None
    cost_eur: Raw = None
    source_note: str = ""


@dataclass
class CleanAction:
    """An action's values after every rule passed, in the types the database stores."""

    department_id: int
    title: str
    description: str
    start_date: date
    end_date: date | None
    opportunity_code: str | None
    form_codes: list[str]
    measure_codes: list[str]
    channel_codes: list[str]
    intended_group_codes: list[str]
    format: str
    area_id: int | None
    participants_total: int | None
    reach: dict[str, int]
    reach_estimate: bool
    officials_took_part: bool
    feedback_given: bool
    feedback_date: date | None
    feedback_method: str
    feedback_url: str
    decision_change: str
    is_public: bool
    staff_experience: int | None
    cost_eur: Decimal | None
    source_note: str


def _known_codes(session: Session, column: object, *where: ColumnElement[bool]) -> set[str]:
    return set(session.scalars(select(column).where(*where)))  # type: ignore[call-overload]


def _check_codes(errors: Collector, name: str, codes: list[str], known: set[str], what: str) -> list[str]:
    """`what` names the kind of code for the message: validation.kind.<what>."""
    unknown = [code for code in codes if code not in known]
    if unknown:
        errors.fail(
            name, "validation.unknown_codes", what=msg(f"validation.kind.{what}"), codes=", ".join(unknown)
        )
    return list(dict.fromkeys(codes))  # drop repeats, keep order


def _check_reach(
    session: Session, errors: Collector, reach: dict[str, Raw], total: int | None
) -> dict[str, int]:
    groups = {
        code: (kind, Named(name_fi, name_en))
        for code, kind, name_fi, name_en in session.execute(
            select(AudienceGroup.code, AudienceGroup.kind, AudienceGroup.name_fi, AudienceGroup.name_en)
        )
    }
    counts: dict[str, int] = {}
    for code, raw in reach.items():
        if code not in groups:
            errors.fail(f"reach.{code}", "validation.unknown_group", code=code)
            continue
        count = errors.run(f"reach.{code}", whole_number, raw)
        if count is None:
            continue
        if total is not None and count > total:
            errors.fail(
                f"reach.{code}",
                "validation.group_above_total",
                group=groups[code][1],
                count=count,
                total=total,
            )
        counts[code] = count
    age_sum = sum(count for code, count in counts.items() if groups[code][0] == "age")
    if total is not None and age_sum > total:
        errors.fail("reach", "validation.ages_above_total", age_sum=age_sum, total=total)
    return counts


def _check_opportunity(
    session: Session, errors: Collector, code: str | None, forms: list[str], edition_id: int
) -> None:
    if not code:
        return
    opportunity_id = session.scalar(
        select(Opportunity.id).where(Opportunity.code == code, Opportunity.edition_id == edition_id)
    )
    if opportunity_id is None:
        errors.fail("opportunity_code", "validation.unknown_opportunity", code=code)
        return
    its_forms = set(
        session.scalars(
            select(ParticipationForm.code)
            .join(opportunity_form, opportunity_form.c.form_id == ParticipationForm.id)
            .where(opportunity_form.c.opportunity_id == opportunity_id)
        )
    )
    if forms and not its_forms & set(forms):
        errors.fail("opportunity_code", "validation.opportunity_not_in_forms")


def check_action(
    session: Session, data: ActionInput, today: date | None = None
) -> tuple[CleanAction | None, Errors]:
    """Check every rule; the cleaned action when all pass, else None and the messages per field."""
    today = today or clock.today()
    errors = Collector()

    if data.department_id is None:
        errors.fail("department_id", "validation.choose_department")
    elif session.get(Department, data.department_id) is None:
        errors.fail("department_id", "validation.unknown_department")
    title = errors.run("title", bounded_text, data.title, TITLE_MAX, TITLE_MIN)
    description = errors.run("description", bounded_text, data.description, LONG_TEXT_MAX)

    start = errors.run("start_date", date_in_range, data.start_date, today)
    if start is None and "start_date" not in errors.errors:
        errors.fail("start_date", "validation.start_date_missing")
    end = errors.run("end_date", date_in_range, data.end_date, today)
    if start and end and end < start:
        errors.fail("end_date", "validation.end_before_start")

    forms = _check_codes(
        errors,
        "form_codes",
        data.form_codes,
        _known_codes(session, ParticipationForm.code),
        "form",
    )
    if not forms:
        errors.fail("form_codes", "validation.choose_form")
    # An action links to the items of the edition in force on its start date (data_model.editions).
    edition_id = edition_in_force(session, start or today).id
    _check_opportunity(session, errors, data.opportunity_code, forms, edition_id)
    measures = _check_codes(
        errors,
        "measure_codes",
        data.measure_codes,
        _known_codes(session, DevelopmentMeasure.code, DevelopmentMeasure.edition_id == edition_id),
        "measure",
    )
    channels = _check_codes(
        errors,
        "channel_codes",
        data.channel_codes,
        _known_codes(session, Channel.code, Channel.edition_id == edition_id),
        "channel",
    )
    intended = _check_codes(
        errors,
        "intended_group_codes",
        data.intended_group_codes,
        _known_codes(session, AudienceGroup.code),
        "group",
    )
    if data.format not in FORMATS:
        errors.fail("format", "validation.choose_format")
    if data.area_id is not None and session.get(Area, data.area_id) is None:
        errors.fail("area_id", "validation.unknown_area")

    total = errors.run("participants_total", whole_number, data.participants_total)
    reach = _check_reach(session, errors, data.reach, total)

    feedback_date = errors.run("feedback_date", date_in_range, data.feedback_date, today)
    if feedback_date and start and feedback_date < start:
        errors.fail("feedback_date", "validation.feedback_before_start")
    if feedback_date and feedback_date > today:
        errors.fail("feedback_date", "validation.feedback_in_future")
    feedback_method = errors.run("feedback_method", bounded_text, data.feedback_method, FEEDBACK_METHOD_MAX)
    feedback_url = errors.run("feedback_url", web_address, data.feedback_url)
    decision_change = errors.run("decision_change", bounded_text, data.decision_change, LONG_TEXT_MAX)
    source_note = errors.run("source_note", bounded_text, data.source_note, SOURCE_NOTE_MAX)

    staff = errors.run("staff_experience", whole_number, data.staff_experience)
    if staff is not None and not 1 <= staff <= 5:
        errors.fail("staff_experience", "validation.staff_scale")
    cost = errors.run("cost_eur", money, data.cost_eur)

    if errors.errors:
        return None, errors.errors
    assert data.department_id is not None and start is not None  # noqa: S101 - checked above
    return CleanAction(
        department_id=data.department_id,
        title=title or "",
        description=description or "",
        start_date=start,
        end_date=end,
        opportunity_code=data.opportunity_code or None,
        form_codes=forms,
        measure_codes=measures,
        channel_codes=channels,
        intended_group_codes=intended,
        format=data.format,
        area_id=data.area_id,
        participants_total=total,
        reach=reach,
        reach_estimate=data.reach_estimate,
        officials_took_part=data.officials_took_part,
        feedback_given=data.feedback_given or feedback_date is not None,
        feedback_date=feedback_date,
        feedback_method=feedback_method or "",
        feedback_url=feedback_url or "",
        decision_change=decision_change or "",
        is_public=data.is_public,
        staff_experience=staff,
        cost_eur=cost,
        source_note=source_note or "",
    ), {}


def validate_action(session: Session, data: ActionInput, today: date | None = None) -> Errors:
    """The message per field for every rule `data` breaks (empty when all pass)."""
    return check_action(session, data, today)[1]
