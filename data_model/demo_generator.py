"""Plan the demo data set: dated actions and department reports, not yet in any database.

The templates (seed_data/demo/actions.yaml, read by demo_templates) say what each department
typically does; this module dates them over the last two years before `today` with a fixed random seed, so the
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

from . import clock
from .demo_templates import (
    DEMO_DIR,
    EXPERIENCE_WEIGHTS,
    Catalogue,
    DepartmentInfo,
    FeedbackMethod,
    Template,
    read_feedback_methods,
    read_templates,
)
from .seed_files import SeedError

SEED = 20231016  # the day the city board approved the programme
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
DEMO_URL = "https://demo.heinola.example"


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
