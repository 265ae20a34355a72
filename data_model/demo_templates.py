"""The demo data's templates (seed_data/demo): what each department typically does, read and
checked against the programme's codes, before demo_generator dates them into a plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .config import PROJECT_ROOT
from .models.choices import FORMATS
from .seed_files import Record, read_yaml_list

DEMO_DIR = PROJECT_ROOT / "seed_data" / "demo"
WHOLE_CITY = "Koko kaupunki"
# Staff experience 1..5: mostly good, a few bad; heated events (mood: low) go worse.
EXPERIENCE_WEIGHTS = {"normal": (1, 3, 20, 45, 31), "low": (3, 6, 7, 3, 1)}


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
