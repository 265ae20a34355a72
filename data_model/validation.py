"""The rules a logged action must meet, with a message per field.

`ActionInput` holds what a person typed or a file row held, still loosely typed (a count may
arrive as "12", 12.0 or 12), so that every rule lives here and the form, the import and the
services all get the same messages. A message is a catalogue key with its values
(`i18n.Message`, keys `validation.*`), so the page says it in the reader's language. `check_action` returns the cleaned values or the errors;
nothing is written by anything in this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar
from urllib.parse import urlparse

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import clock
from .i18n import Counted, Message, MessageError, Named, msg
from .models import (
    FORMATS,
    Area,
    AudienceGroup,
    Channel,
    Department,
    DevelopmentMeasure,
    Opportunity,
    ParticipationForm,
    PopulationFigure,
)
from .models.programme import opportunity_form
from .text_safety import clean_text

# A value as it arrives from a widget or a spreadsheet cell.
Raw = str | int | float | Decimal | None
RawDate = date | str | None

EARLIEST_DATE = date(2000, 1, 1)
FUTURE_YEARS = 2
TITLE_MIN, TITLE_MAX = 3, 200
LONG_TEXT_MAX = 5000
FEEDBACK_METHOD_MAX = 300
URL_MAX = 500
SOURCE_NOTE_MAX = 2000
COST_MAX = Decimal("9999999999.99")  # what Numeric(12, 2) holds
# Far above any one action's participants, and inside a 32-bit INTEGER column.
COUNT_MAX = 10_000_000
# A number typed or read from a cell is short: a longer one (1e1000000 spelt out, or a
# 100,000-digit string) is refused before Decimal, float or int ever convert it.
NUMBER_TEXT_MAX = 40

T = TypeVar("T")


Errors = dict[str, Message]


class ValidationError(ValueError):
    """Input that breaks a rule; `errors` maps each field to its message. str() is Finnish
    (for logs and the command line); a page renders each message in the reader's language."""

    def __init__(self, errors: Errors) -> None:
        super().__init__("; ".join(f"{name}: {message.text()}" for name, message in errors.items()))
        self.errors = errors

    @classmethod
    def one(cls, field: str, key: str, **params: object) -> ValidationError:
        """The error for one field: `raise ValidationError.one("title", "validation.x", n=3)`."""
        return cls({field: msg(key, **params)})


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
    staff_experience: int | None
    cost_eur: Decimal | None
    source_note: str


# --- single values ---------------------------------------------------------------------------


class _Invalid(MessageError):
    """One value broke its rule; the message is shown beside the field."""


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def whole_number(value: Raw) -> int | None:
    """A count: a whole number ≥ 0, or None when left empty (unknown)."""
    if value is None or _is_blank(value):
        return None
    if isinstance(value, bool):
        raise _Invalid(msg("validation.whole_number"))
    if isinstance(value, str):
        number = _decimal(value, msg("validation.whole_number_example"))
    elif isinstance(value, float):
        if value != value:  # NaN: an empty cell in a data_editor table
            return None
        number = Decimal(str(value))
    elif isinstance(value, int | Decimal):
        number = Decimal(value)
    else:
        raise _Invalid(msg("validation.whole_number_example"))
    if not number.is_finite():
        raise _Invalid(msg("validation.whole_number_example"))
    if number < 0:
        raise _Invalid(msg("validation.negative_number"))
    # Compared while still a Decimal: int() of 1e1000000 would take the process for minutes.
    if number > COUNT_MAX:
        raise _Invalid(msg("validation.number_too_large", maximum=COUNT_MAX))
    if number != number.to_integral_value():
        raise _Invalid(msg("validation.no_decimals"))
    return int(number)


def _decimal(value: object, message: Message) -> Decimal:
    """A number from text, refusing long text before converting it."""
    text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace("€", "").replace(",", ".")
    if len(text) > NUMBER_TEXT_MAX:
        raise _Invalid(message)
    try:
        return Decimal(text)
    except InvalidOperation:
        raise _Invalid(message) from None


def parse_date(value: RawDate) -> date | None:
    """A date from a date, an ISO string (2023-06-01) or Finnish form (1.6.2023)."""
    if _is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if "." in text:
            day, month, year = (int(part) for part in text.rstrip(".").split("."))
            return date(year, month, day)
        return date.fromisoformat(text[:10])
    except ValueError:
        raise _Invalid(msg("validation.date_format")) from None


def _date_in_range(value: RawDate, today: date) -> date | None:
    parsed = parse_date(value)
    latest = latest_allowed_date(today)
    if parsed is not None and not (EARLIEST_DATE <= parsed <= latest):
        raise _Invalid(msg("validation.date_range", earliest=EARLIEST_DATE, latest=latest))
    return parsed


def money(value: Raw) -> Decimal | None:
    """Euros ≥ 0 with at most two decimals, or None when left empty."""
    if _is_blank(value):
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, bool):
        raise _Invalid(msg("validation.money"))
    amount = _decimal(value, msg("validation.money"))
    if not amount.is_finite():
        raise _Invalid(msg("validation.money"))
    if amount < 0:
        raise _Invalid(msg("validation.negative_cost"))
    # Before quantize: 1e30 has more digits than Decimal's context and would raise there.
    if amount > COST_MAX:
        raise _Invalid(msg("validation.money_too_large"))
    if amount != amount.quantize(Decimal("0.01")):
        raise _Invalid(msg("validation.money_decimals"))
    return amount.quantize(Decimal("0.01"))


def web_address(value: str) -> str:
    """An http(s) address or an empty string."""
    text = clean_text(value or "").strip()
    if not text:
        return ""
    if len(text) > URL_MAX:
        raise _Invalid(msg("validation.url_too_long", maximum=URL_MAX))
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or any(c.isspace() for c in text):
        raise _Invalid(msg("validation.url_scheme"))
    return text


EMAIL_MAX = 200  # the column's length
# name@domain.tld: a domain of dot-separated labels ending in a top-level domain of letters.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")


def check_email(value: str) -> tuple[str, Message | None]:
    """An e-mail address with a domain (nimi@heinola.fi) or empty, cleaned; and the message
    when it is neither."""
    text = clean_text(str(value or "")).strip()
    if text and (len(text) > EMAIL_MAX or not EMAIL_PATTERN.match(text)):
        return text, msg("validation.email")
    return text, None


def bounded_text(value: str, maximum: int, minimum: int = 0) -> str:
    """Text stripped of surrounding space and of unsafe characters, within its length bounds."""
    text = clean_text(value if isinstance(value, str) else str(value or "")).strip()
    if len(text) > maximum:
        raise _Invalid(msg("validation.text_too_long", maximum=maximum, length=len(text)))
    if len(text) < minimum:
        raise _Invalid(msg("validation.text_too_short", minimum=minimum))
    return text


# --- the whole action ------------------------------------------------------------------------


class _Collector:
    """Runs each field's check and keeps the first message per field."""

    def __init__(self) -> None:
        self.errors: Errors = {}

    def run(self, name: str, check: Callable[..., T], *args: Any) -> T | None:
        try:
            return check(*args)
        except _Invalid as problem:
            self.errors.setdefault(name, problem.message)
            return None

    def fail(self, name: str, key: str, **params: object) -> None:
        """Keep the message `key` for `name` unless the field already has one."""
        self.errors.setdefault(name, msg(key, **params))


def _known_codes(session: Session, column: object) -> set[str]:
    return set(session.scalars(select(column)))  # type: ignore[call-overload]


def _check_codes(errors: _Collector, name: str, codes: list[str], known: set[str], what: str) -> list[str]:
    """`what` names the kind of code for the message: validation.kind.<what>."""
    unknown = [code for code in codes if code not in known]
    if unknown:
        errors.fail(
            name, "validation.unknown_codes", what=msg(f"validation.kind.{what}"), codes=", ".join(unknown)
        )
    return list(dict.fromkeys(codes))  # drop repeats, keep order


def _check_reach(
    session: Session, errors: _Collector, reach: dict[str, Raw], total: int | None
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


def _check_opportunity(session: Session, errors: _Collector, code: str | None, forms: list[str]) -> None:
    if not code:
        return
    opportunity_id = session.scalar(select(Opportunity.id).where(Opportunity.code == code))
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
    errors = _Collector()

    if data.department_id is None:
        errors.fail("department_id", "validation.choose_department")
    elif session.get(Department, data.department_id) is None:
        errors.fail("department_id", "validation.unknown_department")
    title = errors.run("title", bounded_text, data.title, TITLE_MAX, TITLE_MIN)
    description = errors.run("description", bounded_text, data.description, LONG_TEXT_MAX)

    start = errors.run("start_date", _date_in_range, data.start_date, today)
    if start is None and "start_date" not in errors.errors:
        errors.fail("start_date", "validation.start_date_missing")
    end = errors.run("end_date", _date_in_range, data.end_date, today)
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
    _check_opportunity(session, errors, data.opportunity_code, forms)
    measures = _check_codes(
        errors,
        "measure_codes",
        data.measure_codes,
        _known_codes(session, DevelopmentMeasure.code),
        "measure",
    )
    channels = _check_codes(
        errors, "channel_codes", data.channel_codes, _known_codes(session, Channel.code), "channel"
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

    feedback_date = errors.run("feedback_date", _date_in_range, data.feedback_date, today)
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
        staff_experience=staff,
        cost_eur=cost,
        source_note=source_note or "",
    ), {}


def validate_action(session: Session, data: ActionInput, today: date | None = None) -> Errors:
    """The message per field for every rule `data` breaks (empty when all pass)."""
    return check_action(session, data, today)[1]


def latest_allowed_date(today: date | None = None) -> date:
    """The last date accepted: two years ahead, so planned actions can be logged."""
    today = today or clock.today()
    try:
        return today.replace(year=today.year + FUTURE_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year + FUTURE_YEARS, day=28)


@dataclass
class CleanReport:
    """A department report's values after its rules passed."""

    period_start: date
    period_end: date
    summary: str
    url: str


def check_report(
    period_start: RawDate, period_end: RawDate, summary: str, url: str, today: date | None = None
) -> tuple[CleanReport | None, Errors]:
    """Check a department report: a sane period that has begun, a summary, an http(s) link."""
    today = today or clock.today()
    errors = _Collector()
    start = errors.run("period_start", _date_in_range, period_start, today)
    end = errors.run("period_end", _date_in_range, period_end, today)
    if start is None and "period_start" not in errors.errors:
        errors.fail("period_start", "validation.period_start_missing")
    if end is None and "period_end" not in errors.errors:
        errors.fail("period_end", "validation.period_end_missing")
    if start and end and end < start:
        errors.fail("period_end", "validation.period_end_before_start")
    if start and start > today:
        errors.fail("period_start", "validation.period_in_future")
    elif end and end >= today:
        # A report on a period still running would mark the department on time until a
        # cadence after that period's end.
        errors.fail("period_end", "validation.period_not_over", end=end)
    text = errors.run("summary", bounded_text, summary, LONG_TEXT_MAX, 10)
    link = errors.run("url", web_address, url)
    if errors.errors or start is None or end is None:
        return None, errors.errors
    return CleanReport(start, end, text or "", link or ""), {}


def population_sum_problem(
    session: Session, year: int, group: AudienceGroup | None, count: int, row_id: int | None
) -> Message | None:
    """Why a population figure (a group's or, with `group` None, the town's total) cannot be
    stored beside the other figures of its year, or None. A group cannot be larger than the
    town, and the age groups together cannot exceed the total (they split it)."""
    others = session.execute(
        select(PopulationFigure.audience_group_id, AudienceGroup.kind, PopulationFigure.count)
        .outerjoin(AudienceGroup, AudienceGroup.id == PopulationFigure.audience_group_id)
        .where(PopulationFigure.year == year, PopulationFigure.id != (row_id or -1))
    ).all()
    total = count if group is None else next((n for gid, _, n in others if gid is None), None)
    if total is None:
        return None
    if group is not None and count > total:
        return msg(
            "validation.group_above_population",
            group=Named(group.name_fi, group.name_en),
            count=count,
            year=str(year),
            total=total,
        )
    ages = sum(n for gid, kind, n in others if gid is not None and kind == "age")
    if group is not None and group.kind == "age":
        ages += count
    if ages > total:
        return msg("validation.ages_above_population", year=str(year), ages=ages, total=total)
    return None


def population_sum_warnings(session: Session) -> list[Message]:
    """For each year with a whole-town figure, newest first: a warning when its age groups do
    not add up to it. Each figure alone may be fine (a group entered one at a time is short
    until the last one is in), so this warns and refuses nothing; but every share of the
    population rests on the age groups splitting the total exactly."""
    rows = session.execute(
        select(
            PopulationFigure.year,
            PopulationFigure.audience_group_id,
            AudienceGroup.kind,
            PopulationFigure.count,
        ).outerjoin(AudienceGroup, AudienceGroup.id == PopulationFigure.audience_group_id)
    ).all()
    totals = {year: count for year, group_id, _kind, count in rows if group_id is None}
    ages: dict[int, int] = {}
    for year, group_id, kind, count in rows:
        if group_id is not None and kind == "age":
            ages[year] = ages.get(year, 0) + count
    warnings = []
    for year in sorted(totals, reverse=True):
        total, summed = totals[year], ages.get(year, 0)
        if summed != total:
            key = "validation.population_sum_short" if summed < total else "validation.population_sum_over"
            warnings.append(
                msg(
                    key,
                    year=str(year),
                    ages=summed,
                    total=total,
                    difference=Counted(abs(total - summed), "resident"),
                )
            )
    return warnings
