"""An indicator's value and trend as a board shows it, and the one indicator read from the
surveys rather than the actions: residents' experience of participation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ..i18n import Counted, Decimals, Message, Percent, msg
from ..indicators import EXPERIENCE
from ..models import ExperienceResult
from .cautions import small_sample
from .experience import THL_SURVEYS

# A change smaller than this is "flat": shares in share points, scores in score points.
FLAT = {"share": 0.01, "score": 0.05, "count": 0.0, "ratio": 0.05, "survey": 1.0}


@dataclass(frozen=True)
class IndicatorValue:
    """One indicator's value now and its trend, in words a reader can take as they are."""

    key: str
    label: Message
    value: float | None  # None: nothing to compute it from in the period
    unit: str  # count | share | score | ratio | survey (a score 0–100 or a share agreeing)
    text: Message  # the value in words, e.g. "12 / 24 (50 %)"
    previous: float | None
    trend: str | None  # up | down | flat | None (no previous value)
    basis: Message  # what the figure is computed from
    sample: int  # how many actions (or answers) the value rests on
    small_sample: bool  # fewer than the `small_count` setting: too few to conclude from


def trend_of(current: float | None, previous: float | None, unit: str) -> str | None:
    """up / down / flat between two values; None when either is missing."""
    if current is None or previous is None:
        return None
    if abs(current - previous) <= FLAT.get(unit, 0.0):
        return "flat"
    return "up" if current > previous else "down"


def experience_value(session: Session, until: date | None = None) -> IndicatorValue | None:
    """Everyone's experience of participation in the latest survey year (up to `until`'s year
    when given: an evaluation's start reads the survey of its day), with its trend against the
    same survey's year before; None when no survey result describes everyone.
    THL's indicator is preferred to the city's own survey, as its scale is the same each year."""
    conditions: list[ColumnElement[bool]] = [
        ExperienceResult.deleted_at.is_(None),
        ExperienceResult.audience_group_id.is_(None),
        ExperienceResult.area_id.is_(None),
    ]
    if until is not None:
        conditions.append(ExperienceResult.year <= until.year)
    results = session.scalars(
        select(ExperienceResult)
        .where(*conditions)
        .order_by(ExperienceResult.year.desc(), ExperienceResult.id)
    ).all()
    if not results:
        return None
    survey = next((r.survey for r in results if r.survey in THL_SURVEYS), results[0].survey)
    series = [r for r in results if r.survey == survey]
    latest = series[0]
    uses_score = latest.score is not None

    def value_of(result: ExperienceResult) -> float | None:
        return result.score if uses_score else result.agree_pct

    previous = value_of(series[1]) if len(series) > 1 else None
    current = value_of(latest)
    shown = Decimals(current, 0) if uses_score else Percent((current or 0) / 100)
    return IndicatorValue(
        key=EXPERIENCE,
        label=msg(f"indicator.{EXPERIENCE}.label"),
        value=current,
        unit="survey",
        text=msg(
            "indicator.experience",
            value=shown,
            year=latest.year,
            respondents=Counted(latest.respondents, "respondent"),
        ),
        previous=previous,
        trend=trend_of(current, previous, "survey"),
        basis=msg(f"indicator.{EXPERIENCE}.basis", survey=msg(f"experience.survey.{survey}")),
        sample=latest.respondents,
        small_sample=small_sample(latest.respondents),
    )


def no_survey_value() -> IndicatorValue:
    label, text = msg(f"indicator.{EXPERIENCE}.label"), msg("indicator.no_survey")
    basis = msg(f"indicator.{EXPERIENCE}.basis", survey=msg("experience.survey.none"))
    return IndicatorValue(EXPERIENCE, label, None, "survey", text, None, None, basis, 0, False)
