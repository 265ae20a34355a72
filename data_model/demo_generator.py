"""Plan the demo data set: dated actions and department reports, not yet in any database.

The templates (seed_data/demo/actions.yaml) say what each department typically does; this
module dates them over the last two years before `today` with a fixed random seed, so the
same day always gives the same data set. The plan is built from codes only, which keeps it
testable without a database; data_model/demo.py writes it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import clock
from .config import PROJECT_ROOT
from .models.choices import FORMATS
from .seed_files import Record, SeedError, read_yaml_list

DEMO_DIR = PROJECT_ROOT / "seed_data" / "demo"
SEED = 20231016  # the day the city board approved the programme
WHOLE_CITY = "Koko kaupunki"
WINDOW_MONTHS = 24
LAST_QUIET_DAYS = 3  # nothing starts in the last few days: they are not logged yet

# The 2023–2024 departments were replaced on 1.1.2025; their actions fall in 2023–2024.
HISTORY_FROM = date(2023, 1, 1)
INACTIVE_UNTIL = date(2024, 12, 31)
# Departments that did not exist for the whole window, by the day they began.
DEPARTMENT_STARTS = {"kaupunkiymparisto": date(2025, 1, 1)}
# The one department whose report is clearly overdue: nothing submitted in the last 10 months.
OVERDUE_DEPARTMENT = "kaupunkiymparisto"
OVERDUE_QUIET_DAYS = 300
# A period's report is due when the next period ends (metrics/reporting.py counts the next due
# day from the last reported period's end), so reports go in during the last two weeks of
# the period or the first week after it.
REPORT_EARLY_DAYS, REPORT_LATE_DAYS = 14, 7

PLANNING_FORMS = frozenset({"suunnittelu", "paatos"})
UNPROMPTED_FEEDBACK = 0.15  # information and activity actions sometimes report back too
DECISION_CHANGE_CHANCE = 0.5
NO_STAFF_EXPERIENCE = 0.1
NO_COST = 0.12
# Staff experience 1..5: mostly good, a few bad; heated events (mood: low) go worse.
EXPERIENCE_WEIGHTS = {"normal": (1, 3, 20, 45, 31), "low": (3, 6, 7, 3, 1)}
DEMO_URL = "https://demo.heinola.example"


@dataclass(frozen=True)
class DepartmentInfo:
    code: str
    active: bool
    kind: str
    report_cadence_months: int | None


@dataclass(frozen=True)
class Catalogue:
    """The codes of the programme data the plan may use, read from the database."""

    departments: dict[str, DepartmentInfo]
    opportunity_forms: dict[str, frozenset[str]]
    measures: frozenset[str]
    channels: frozenset[str]
    group_kinds: dict[str, str]  # audience group code -> age | special
    areas: tuple[str, ...]

    @property
    def age_bands(self) -> tuple[str, ...]:
        return tuple(code for code, kind in self.group_kinds.items() if kind == "age")


@dataclass(frozen=True)
class Template:
    """One kind of action a department does `times` times in its window."""

    where: str
    department: str
    title: str
    description: str
    opportunity: str | None
    forms: tuple[str, ...]
    measures: tuple[str, ...]
    channels: tuple[str, ...]
    intended: tuple[str, ...]
    format: str
    places: tuple[tuple[str, str], ...]  # (area name, the form used in the title)
    topics: tuple[str, ...]
    times: int
    months: frozenset[int]
    days: int
    first: date | None
    last: date | None
    participants: tuple[int, int]
    unknown_total: float
    age_known: float
    coverage: tuple[float, float]
    profile: dict[str, float]
    special: dict[str, tuple[float, float]]
    special_chance: float
    estimate: float
    officials: float
    cost: tuple[int, int] | None
    feedback: float
    changes: tuple[str, ...]
    mood: str


@dataclass(frozen=True)
class FeedbackMethod:
    text: str
    online: bool


@dataclass
class PlannedAction:
    """One demo action as codes and values; every field of the Action model is decided."""

    ref: str
    department: str
    title: str
    description: str
    start_date: date
    end_date: date | None
    opportunity: str | None
    forms: tuple[str, ...]
    measures: tuple[str, ...]
    channels: tuple[str, ...]
    intended: tuple[str, ...]
    format: str
    area: str | None
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
    logged_at: datetime


@dataclass
class PlannedReport:
    department: str
    period_start: date
    period_end: date
    submitted_at: datetime
    summary: str
    url: str


@dataclass
class DemoPlan:
    actions: list[PlannedAction] = field(default_factory=list)
    reports: list[PlannedReport] = field(default_factory=list)


# --- reading the templates ------------------------------------------------------------------


def _pair(record: Record, key: str, value: Any) -> tuple[Any, Any]:
    if not (isinstance(value, list | tuple) and len(value) == 2 and value[0] <= value[1]):
        raise record.fail(f"{key}: odotettiin [pienin, suurin] (expected [low, high])")
    return value[0], value[1]


def _codes(record: Record, key: str, known: frozenset[str] | set[str], what: str) -> tuple[str, ...]:
    values = tuple(str(code) for code in record.get(key, []) or [])
    for code in values:
        if code not in known:
            raise record.fail(f"tuntematon {what} '{code}' (unknown {what})")
    return values


def _places(record: Record, catalogue: Catalogue) -> tuple[tuple[str, str], ...]:
    value = record.get("areas", [WHOLE_CITY])
    if value == "*":
        return tuple((name, name) for name in catalogue.areas if name != WHOLE_CITY)
    pairs = value.items() if isinstance(value, dict) else ((name, name) for name in value)
    places = tuple((str(name), str(form)) for name, form in pairs if name != "__line__")
    for name, _form in places:
        if name not in catalogue.areas:
            raise record.fail(f"tuntematon alue '{name}' (unknown area)")
    return places


def _optional_date(record: Record, key: str) -> date | None:
    value = record.get(key)
    if value is None or isinstance(value, date):
        return value
    raise record.fail(f"{key}: odotettiin päivämäärää VVVV-KK-PP (expected a date)")


def _template(record: Record, catalogue: Catalogue, profiles: dict[str, dict[str, float]]) -> Template:
    record.require("department", "title", "times", "participants")
    department = record.get("department")
    if department not in catalogue.departments:
        raise record.fail(f"tuntematon toimiala '{department}' (unknown department)")
    opportunity = record.get("opportunity")
    if opportunity is not None and opportunity not in catalogue.opportunity_forms:
        raise record.fail(f"tuntematon mahdollisuus '{opportunity}' (unknown opportunity)")
    its_forms = catalogue.opportunity_forms.get(opportunity, frozenset()) if opportunity else frozenset()
    forms = _codes(record, "forms", its_forms, "muoto tälle mahdollisuudelle") or tuple(sorted(its_forms))
    if not forms:
        raise record.fail("forms: anna vähintään yksi muoto (at least one form)")
    fmt = record.get("format", "in_person")
    if fmt not in FORMATS:
        raise record.fail(f"format: '{fmt}' ei ole sallittu ({', '.join(FORMATS)})")
    profile_code = record.get("profile")
    if profile_code is not None and profile_code not in profiles:
        raise record.fail(f"tuntematon ikäprofiili '{profile_code}' (unknown profile)")
    special = {
        code: _pair(record, f"special.{code}", share)
        for code, share in record.get("special", {}).items()
        if code != "__line__"
    }
    for code in special:
        if code not in catalogue.group_kinds:
            raise record.fail(f"tuntematon kohderyhmä '{code}' (unknown audience group)")
    mood = record.get("mood", "normal")
    if mood not in EXPERIENCE_WEIGHTS:
        raise record.fail(f"mood: '{mood}' ei ole sallittu")
    months = frozenset(int(month) for month in record.get("months", range(1, 13)))
    if not months <= set(range(1, 13)):
        raise record.fail("months: kuukaudet 1–12")
    cost = _pair(record, "cost", record.get("cost")) if record.get("cost") is not None else None
    return Template(
        where=record.where,
        department=department,
        title=str(record.get("title")),
        description=str(record.get("description", "")),
        opportunity=opportunity,
        forms=forms,
        measures=_codes(record, "measures", catalogue.measures, "kehittämistoimi"),
        channels=_codes(record, "channels", catalogue.channels, "viestintäkanava"),
        intended=_codes(record, "intended", set(catalogue.group_kinds), "kohderyhmä"),
        format=fmt,
        places=_places(record, catalogue),
        topics=tuple(str(topic) for topic in record.get("topics", [])),
        times=int(record.get("times")),
        months=months,
        days=int(record.get("days", 0)),
        first=_optional_date(record, "from"),
        last=_optional_date(record, "until"),
        participants=_pair(record, "participants", record.get("participants")),
        unknown_total=float(record.get("unknown_total", 0.05)),
        age_known=float(record.get("age_known", 0.0)) if profile_code else 0.0,
        coverage=_pair(record, "coverage", record.get("coverage", (0.7, 1.0))),
        profile=profiles.get(profile_code, {}) if profile_code else {},
        special=special,
        special_chance=float(record.get("special_chance", 1.0)),
        estimate=float(record.get("estimate", 0.0)),
        officials=float(record.get("officials", 0.6)),
        cost=cost,
        feedback=float(record.get("feedback", 0.85)),
        changes=tuple(str(text) for text in record.get("changes", [])),
        mood=mood,
    )


def read_profiles(catalogue: Catalogue, folder: Path = DEMO_DIR) -> dict[str, dict[str, float]]:
    """Age profiles: each age band's weight among the participants of a kind of action."""
    bands = set(catalogue.age_bands)
    profiles = {}
    for record in read_yaml_list(folder / "profiles.yaml"):
        record.require("code")
        weights = {
            key: float(value) for key, value in record.values.items() if key not in ("code", "__line__")
        }
        if set(weights) != bands:
            raise record.fail(f"anna paino jokaiselle ikäryhmälle: {', '.join(sorted(bands))}")
        profiles[str(record.get("code"))] = weights
    return profiles


def read_templates(catalogue: Catalogue, folder: Path = DEMO_DIR) -> list[Template]:
    """The action templates, every code checked against the catalogue (file:line on error)."""
    profiles = read_profiles(catalogue, folder)
    return [_template(record, catalogue, profiles) for record in read_yaml_list(folder / "actions.yaml")]


def read_feedback_methods(folder: Path = DEMO_DIR) -> list[FeedbackMethod]:
    """Ways the departments tell residents how their input was used."""
    records = read_yaml_list(folder / "feedback_methods.yaml")
    for record in records:
        record.require("text")
    return [FeedbackMethod(str(r.get("text")), bool(r.get("online", False))) for r in records]


# --- dates ----------------------------------------------------------------------------------


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the last day of a shorter month)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def department_window(info: DepartmentInfo, today: date) -> tuple[date, date]:
    """The days an action of this department may start on."""
    last = today - timedelta(days=LAST_QUIET_DAYS)
    if not info.active:
        return HISTORY_FROM, min(INACTIVE_UNTIL, last)
    first = months_before(today, WINDOW_MONTHS)
    began = DEPARTMENT_STARTS.get(info.code)
    return (max(first, began) if began else first), last


def _days(first: date, last: date, months: frozenset[int]) -> list[date]:
    count = (last - first).days + 1
    every = (first + timedelta(days=offset) for offset in range(max(count, 0)))
    return [day for day in every if day.month in months]


def _start_dates(template: Template, window: tuple[date, date], rng: random.Random) -> Iterator[date]:
    """`times` start days spread evenly over the allowed days of the window."""
    first = max(window[0], template.first) if template.first else window[0]
    last = min(window[1], template.last) if template.last else window[1]
    allowed = _days(first, last, template.months)
    if not allowed or template.times <= 0:
        return
    size = len(allowed)
    for index in range(template.times):
        chunk = allowed[index * size // template.times : (index + 1) * size // template.times]
        if chunk:
            yield rng.choice(chunk)


def _season(day: date) -> str:
    return ("talvi", "kevät", "kesä", "syksy")[day.month % 12 // 3]


# --- one action -----------------------------------------------------------------------------


def spread(total: int, weights: dict[str, float], rng: random.Random) -> dict[str, int]:
    """Split `total` over the bands in proportion to jittered weights; the counts sum to it."""
    noisy = {code: weight * rng.uniform(0.7, 1.3) for code, weight in weights.items()}
    whole = sum(noisy.values())
    if whole <= 0:
        return dict.fromkeys(weights, 0)
    exact = {code: total * value / whole for code, value in noisy.items()}
    counts = {code: int(value) for code, value in exact.items()}
    left = total - sum(counts.values())
    for code in sorted(exact, key=lambda c: exact[c] - counts[c], reverse=True)[:left]:
        counts[code] += 1
    return counts


def _reach(template: Template, total: int | None, rng: random.Random) -> dict[str, int]:
    reach: dict[str, int] = {}
    if not total:
        return reach
    if rng.random() < template.age_known:
        known = round(total * rng.uniform(*template.coverage))
        reach.update(spread(known, template.profile, rng))
    if template.special and rng.random() < template.special_chance:
        for code, (low, high) in template.special.items():
            reach[code] = min(total, round(total * rng.uniform(low, high)))
    return reach


def _cost(template: Template, rng: random.Random) -> Decimal | None:
    if template.cost is None or rng.random() < NO_COST:
        return None
    low, high = template.cost
    return Decimal(round(rng.uniform(low, high) / 10) * 10).quantize(Decimal("0.01"))


def _experience(template: Template, rng: random.Random) -> int | None:
    if rng.random() < NO_STAFF_EXPERIENCE:
        return None
    return rng.choices((1, 2, 3, 4, 5), weights=EXPERIENCE_WEIGHTS[template.mood])[0]


@dataclass(frozen=True)
class _Feedback:
    given: bool = False
    day: date | None = None
    method: str = ""
    url: str = ""
    change: str = ""


def _feedback(
    template: Template,
    done: date,
    today: date,
    slug: str,
    methods: list[FeedbackMethod],
    rng: random.Random,
) -> _Feedback:
    planning = bool(PLANNING_FORMS & set(template.forms))
    chance = template.feedback if planning else UNPROMPTED_FEEDBACK
    if rng.random() >= chance:
        return _Feedback()  # an open loop once it is old enough
    day = done + timedelta(days=rng.randint(7, 45))
    if day > today:
        return _Feedback()  # not told yet: the action is recent
    method = rng.choice(methods)
    change = ""
    if planning and template.changes and rng.random() < DECISION_CHANGE_CHANCE:
        change = rng.choice(template.changes)
    url = f"{DEMO_URL}/osallisuus/{slug}" if method.online else ""
    return _Feedback(True, day, method.text, url, change)


def _action(
    template: Template,
    start: date,
    occurrence: int,
    today: date,
    methods: list[FeedbackMethod],
    rng: random.Random,
) -> PlannedAction:
    area, place = template.places[occurrence % len(template.places)] if template.places else (None, "")
    topic = template.topics[occurrence % len(template.topics)] if template.topics else ""
    length = rng.randint(template.days * 2 // 3, template.days) if template.days else 0
    end = min(start + timedelta(days=length), today)
    words = {
        "area": area or "",
        "place": place,
        "topic": topic,
        "year": start.year,
        "season": _season(start),
        "half": "kevät" if start.month <= 6 else "syksy",
    }
    try:
        title, description = template.title.format(**words), template.description.format(**words)
    except (KeyError, IndexError) as error:
        raise SeedError(
            f"{template.where}: tuntematon paikka tekstissä {error} (unknown placeholder)"
        ) from error
    low, high = template.participants
    total = None if rng.random() < template.unknown_total else rng.randint(low, high)
    slug = f"{template.department}-{start.isoformat()}"
    feedback = _feedback(template, end, today, slug, methods, rng)
    logged = datetime.combine(end, time(rng.randint(8, 15), rng.randint(0, 59))) + timedelta(
        days=rng.randint(0, 10)
    )
    return PlannedAction(
        ref="",
        department=template.department,
        title=title,
        description=description,
        start_date=start,
        end_date=end,
        opportunity=template.opportunity,
        forms=template.forms,
        measures=template.measures,
        channels=template.channels,
        intended=template.intended,
        format=template.format,
        area=area,
        participants_total=total,
        reach=_reach(template, total, rng),
        reach_estimate=total is not None and rng.random() < template.estimate,
        officials_took_part=rng.random() < template.officials,
        feedback_given=feedback.given,
        feedback_date=feedback.day,
        feedback_method=feedback.method,
        feedback_url=feedback.url,
        decision_change=feedback.change,
        staff_experience=_experience(template, rng),
        cost_eur=_cost(template, rng),
        logged_at=min(logged, datetime.combine(today, time(7, 0))),
    )


# --- reports --------------------------------------------------------------------------------


def _periods(first: date, cadence: int) -> Iterator[tuple[date, date]]:
    """Reporting periods of `cadence` months from January, from the one holding `first`."""
    month = (first.month - 1) // cadence * cadence + 1
    start = date(first.year, month, 1)
    while True:
        next_index = start.year * 12 + start.month - 1 + cadence
        following = date(next_index // 12, next_index % 12 + 1, 1)
        yield start, following - timedelta(days=1)
        start = following


def _report_summary(actions: list[PlannedAction], start: date, end: date) -> str:
    within = [a for a in actions if start <= a.start_date <= end]
    people = sum(a.participants_total or 0 for a in within)
    told = sum(1 for a in within if a.feedback_given)
    return (
        f"Raportointikaudella {start.day}.{start.month}.–{end.day}.{end.month}.{end.year} kirjattiin "
        f"{len(within)} osallistumisen toimenpidettä, joihin osallistui yhteensä {people} henkilöä "
        f"(tiedossa olevat määrät). Palaute osallistujille annettiin {told} toimenpiteestä. "
        "Demoaineistoa."
    )


def plan_reports(
    catalogue: Catalogue, actions: list[PlannedAction], today: date, rng: random.Random
) -> list[PlannedReport]:
    """Every department with a reporting duty reports each period, around the day it ends;
    OVERDUE_DEPARTMENT stopped reporting, so its last report is more than 8 months old."""
    reports = []
    for info in catalogue.departments.values():
        cadence = info.report_cadence_months
        if info.kind != "department" or not cadence:
            continue
        first, last = department_window(info, today)
        if first > last:
            continue
        own = [a for a in actions if a.department == info.code]
        latest = today - timedelta(days=OVERDUE_QUIET_DAYS) if info.code == OVERDUE_DEPARTMENT else today
        for start, end in _periods(first, cadence):
            if start > last:
                break
            submitted = end + timedelta(days=rng.randint(-REPORT_EARLY_DAYS, REPORT_LATE_DAYS))
            if submitted > latest:
                break
            reports.append(
                PlannedReport(
                    department=info.code,
                    period_start=start,
                    period_end=end,
                    submitted_at=datetime.combine(submitted, time(10, 0)),
                    summary=_report_summary(own, start, end),
                    url=f"{DEMO_URL}/raportit/{info.code}-{start.year}-{start.month:02d}.pdf",
                )
            )
    return reports


# --- the whole plan -------------------------------------------------------------------------


def plan_demo(catalogue: Catalogue, today: date | None = None, folder: Path = DEMO_DIR) -> DemoPlan:
    """The demo data set for `today` (default: the real today); the same day, the same set."""
    today = today or clock.today()
    rng = random.Random(SEED)
    templates = read_templates(catalogue, folder)
    methods = read_feedback_methods(folder)
    actions: list[PlannedAction] = []
    for template in templates:
        window = department_window(catalogue.departments[template.department], today)
        for occurrence, start in enumerate(_start_dates(template, window, rng)):
            actions.append(_action(template, start, occurrence, today, methods, rng))
    actions.sort(key=lambda a: (a.start_date, a.department, a.title))
    for number, action in enumerate(actions, start=1):
        action.ref = f"demo:{number}"
    return DemoPlan(actions=actions, reports=plan_reports(catalogue, actions, today, rng))
