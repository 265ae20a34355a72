"""The rules a survey result on the experience of participation must meet, with a message key
per field (as actions.py does for actions). `ExperienceInput` holds what was typed or read from
a cell; `check_experience` returns the cleaned values or the messages. Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Area, AudienceGroup, ExperienceResult
from ..models.choices import EXPERIENCE_SURVEYS
from ..models.experience import SURVEY_YEAR_MAX, SURVEY_YEAR_MIN
from .errors import Collector, Errors
from .values import Raw, bounded_text, number_between, web_address, whole_number

SOURCE_NAME_MAX = 300  # the column's length
SCORE_MAX = 100
# A distribution's three shares are rounded by the publisher: 100 ± 1 is accepted.
SHARES_TOLERANCE = 1.0


@dataclass
class ExperienceInput:
    """A result as entered. No group and no area: the result describes every respondent."""

    survey: str = ""
    year: Raw = None
    audience_group_id: int | None = None
    area_id: int | None = None
    respondents: Raw = None
    score: Raw = None
    agree_pct: Raw = None
    neutral_pct: Raw = None
    disagree_pct: Raw = None
    source_name: str = ""
    source_url: str = ""


@dataclass
class CleanExperience:
    """A result's values after every rule passed, in the stored types."""

    survey: str
    year: int
    audience_group_id: int | None
    area_id: int | None
    respondents: int
    score: float | None
    agree_pct: float | None
    neutral_pct: float | None
    disagree_pct: float | None
    source_name: str
    source_url: str


def _check_group(session: Session, errors: Collector, data: ExperienceInput) -> None:
    if data.audience_group_id is not None and data.area_id is not None:
        errors.fail("area_id", "experience.error.group_and_area")
    if data.audience_group_id is not None and session.get(AudienceGroup, data.audience_group_id) is None:
        errors.fail("audience_group_id", "experience.error.unknown_group")
    if data.area_id is not None and session.get(Area, data.area_id) is None:
        errors.fail("area_id", "experience.error.unknown_area")


def _check_shares(errors: Collector, clean: dict[str, float | None]) -> None:
    shares = [clean["agree_pct"], clean["neutral_pct"], clean["disagree_pct"]]
    if clean["score"] is None and clean["agree_pct"] is None and "score" not in errors.errors:
        errors.fail("score", "experience.error.score_or_distribution")
    if any(share is not None for share in shares[1:]) and shares[0] is None:
        errors.fail("agree_pct", "experience.error.agree_missing")
    if all(share is not None for share in shares):
        total = sum(share or 0.0 for share in shares)
        if abs(total - 100) > SHARES_TOLERANCE:
            errors.fail("disagree_pct", "experience.error.shares_sum", total=round(total, 1))


def _repeats(session: Session, clean: CleanExperience, own_id: int | None) -> bool:
    """Whether another live result holds the same survey, year and group."""
    query = select(func.count(ExperienceResult.id)).where(
        ExperienceResult.deleted_at.is_(None),
        ExperienceResult.survey == clean.survey,
        ExperienceResult.year == clean.year,
        ExperienceResult.audience_group_id.is_(None)
        if clean.audience_group_id is None
        else ExperienceResult.audience_group_id == clean.audience_group_id,
        ExperienceResult.area_id.is_(None)
        if clean.area_id is None
        else ExperienceResult.area_id == clean.area_id,
    )
    if own_id is not None:
        query = query.where(ExperienceResult.id != own_id)
    return bool(session.scalar(query))


def check_experience(
    session: Session, data: ExperienceInput, own_id: int | None = None
) -> tuple[CleanExperience | None, Errors]:
    """Check every rule (`own_id`: the result being edited, not a repeat of itself); the
    cleaned result when all pass, else None and the messages."""
    errors = Collector()
    if data.survey not in EXPERIENCE_SURVEYS:
        errors.fail("survey", "experience.error.choose_survey")
    year = errors.run("year", whole_number, data.year)
    if year is None or not (SURVEY_YEAR_MIN <= year <= SURVEY_YEAR_MAX):
        errors.fail("year", "experience.error.year", low=SURVEY_YEAR_MIN, high=SURVEY_YEAR_MAX)
    respondents = errors.run("respondents", whole_number, data.respondents)
    if respondents is None or respondents < 1:
        errors.fail("respondents", "experience.error.respondents")
    _check_group(session, errors, data)
    numbers: dict[str, float | None] = {
        name: errors.run(name, number_between, getattr(data, name), 0, SCORE_MAX)
        for name in ("score", "agree_pct", "neutral_pct", "disagree_pct")
    }
    _check_shares(errors, numbers)
    source_name = errors.run("source_name", bounded_text, data.source_name, SOURCE_NAME_MAX)
    if not source_name and "source_name" not in errors.errors:
        errors.fail("source_name", "experience.error.source_missing")
    source_url = errors.run("source_url", web_address, data.source_url)
    if errors.errors:
        return None, errors.errors
    assert year is not None and respondents is not None  # noqa: S101 - checked above
    clean = CleanExperience(
        survey=data.survey,
        year=year,
        audience_group_id=data.audience_group_id,
        area_id=data.area_id,
        respondents=respondents,
        source_name=source_name or "",
        source_url=source_url or "",
        score=numbers["score"],
        agree_pct=numbers["agree_pct"],
        neutral_pct=numbers["neutral_pct"],
        disagree_pct=numbers["disagree_pct"],
    )
    if _repeats(session, clean, own_id):
        errors.fail("year", "experience.error.repeat")
        return None, errors.errors
    return clean, {}
