"""The live value of each SWOT indicator (data_model/indicators.py names them).

Each indicator is computed for the current period ending `today` and for the period of the
same length before it; the trend compares the two. Periods are judged on an action's start
date: (start, end]. Most indicators look back 12 months; "actions per quarter" looks back 3,
and "opportunities in use" the `unused_months` setting, like the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, distinct, func, or_, select
from sqlalchemy.orm import Session

from ..i18n import Counted, Decimals, Message, Percent, msg
from ..indicators import EXPERIENCE, INDICATORS, OUTCOME_FIRST
from ..models import Action, AudienceGroup, Channel, ExperienceResult, Opportunity, SwotItem
from ..models.actions import action_channel
from ..permissions import CurrentUser, require_read
from .cautions import small_sample
from .experience import THL_SURVEYS
from .feedback import loop_figures
from .filters import MetricFilters, action_conditions, add_months
from .reach import AGE, YOUTH, GroupRepresentation, participants_by_group, representation
from .reporting import department_statuses, reported_on_time
from .settings import load_metric_settings

YEAR = 12
NO_ACTIONS = msg("indicator.no_actions")
QUARTER = 3
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


@dataclass(frozen=True)
class _Measured:
    value: float | None
    sample: int
    text: Message


def period(end: date, months: int) -> MetricFilters:
    """The `months` months that end on `end` (the day after the same date `months` earlier)."""
    return MetricFilters(start=add_months(end, -months) + timedelta(days=1), end=end)


def _in(window: MetricFilters) -> list[ColumnElement[bool]]:
    return action_conditions(window)


def _share_text(part: int, whole: int) -> Message:
    return msg("indicator.share", part=part, whole=whole, pct=Percent(part / whole)) if whole else NO_ACTIONS


def _share_of_actions(session: Session, window: MetricFilters, condition: ColumnElement[bool]) -> _Measured:
    whole, part = session.execute(
        select(func.count(Action.id), func.count(Action.id).filter(condition)).where(*_in(window))
    ).one()
    whole, part = int(whole or 0), int(part or 0)
    return _Measured(part / whole if whole else None, whole, _share_text(part, whole))


def _actions_in(session: Session, window: MetricFilters) -> int:
    return int(session.scalar(select(func.count(Action.id)).where(*_in(window))) or 0)


def _opportunities_in_use(session: Session, window: MetricFilters) -> _Measured:
    active = int(session.scalar(select(func.count(Opportunity.id)).where(Opportunity.active)) or 0)
    used = int(
        session.scalar(
            select(func.count(distinct(Action.opportunity_id)))
            .join(Opportunity, Opportunity.id == Action.opportunity_id)
            .where(Opportunity.active, *_in(window))
        )
        or 0
    )
    return _Measured(float(used), _actions_in(session, window), _share_text(used, active))


def _officials_or_decision_changed(session: Session, window: MetricFilters) -> _Measured:
    return _share_of_actions(
        session, window, or_(Action.officials_took_part.is_(True), func.length(Action.decision_change) > 0)
    )


def _staff_experience(session: Session, window: MetricFilters) -> _Measured:
    average, answers = session.execute(
        select(func.avg(Action.staff_experience), func.count(Action.staff_experience)).where(*_in(window))
    ).one()
    answers = int(answers or 0)
    value = float(average) if answers else None
    text = (
        msg("indicator.score", score=Decimals(value, 1)) if value is not None else msg("indicator.no_ratings")
    )
    return _Measured(value, answers, text)


def _actions_logged(session: Session, window: MetricFilters) -> _Measured:
    count = _actions_in(session, window)
    return _Measured(float(count), count, msg("indicator.count", n=count))


def _digital_share(session: Session, window: MetricFilters) -> _Measured:
    return _share_of_actions(session, window, Action.format.in_(("online", "hybrid")))


def _awareness_channels(session: Session, window: MetricFilters) -> _Measured:
    active = int(session.scalar(select(func.count(Channel.id)).where(Channel.active)) or 0)
    used = int(
        session.scalar(
            select(func.count(distinct(action_channel.c.channel_id)))
            .join(Action, Action.id == action_channel.c.action_id)
            .join(Channel, Channel.id == action_channel.c.channel_id)
            .where(Channel.active, *_in(window))
        )
        or 0
    )
    return _Measured(float(used), _actions_in(session, window), _share_text(used, active))


LONELY_CODE = "lonely"
OLDER_GROUP_CODE = "older_people"  # the special group "ikäihmiset", when age is not recorded
OLDER_FROM_AGE = 65


def _older_band_codes(session: Session) -> set[str]:
    return set(
        session.scalars(
            select(AudienceGroup.code).where(
                AudienceGroup.kind == AGE, AudienceGroup.age_min >= OLDER_FROM_AGE
            )
        )
    )


def _representation_text(share: float | None, population_share: float | None, index: float | None) -> Message:
    return msg(
        "indicator.representation",
        index=Decimals(index, 2),
        share=Percent(share),
        population_share=Percent(population_share),
    )


def _combined(rows: list[GroupRepresentation]) -> _Measured:
    """One representation figure for several age bands (their shares added up)."""
    if not rows or rows[0].denominator == 0:
        return _Measured(None, 0, msg("indicator.no_ages"))
    participants = sum(row.participants for row in rows)
    share = sum(row.participant_share or 0.0 for row in rows)
    population_share = sum(row.population_share or 0.0 for row in rows)
    index = share / population_share if population_share else None
    return _Measured(index, participants, _representation_text(share, population_share, index))


def _youth_reach(session: Session, window: MetricFilters) -> _Measured:
    return _combined([row for row in representation(session, window) if row.group.code == YOUTH])


def _older_reach(session: Session, window: MetricFilters) -> _Measured:
    bands = _older_band_codes(session)
    return _combined([row for row in representation(session, window) if row.group.code in bands])


def _vulnerable_reach(session: Session, window: MetricFilters) -> _Measured:
    # The special group "ikäihmiset" and the 65+ age bands may count the same people: take the
    # larger of the two rather than their sum.
    bands = _older_band_codes(session)
    counts = {row.group.code: row.participants for row in participants_by_group(session, window)}
    lonely = counts.get(LONELY_CODE, 0)
    older = max(sum(n for code, n in counts.items() if code in bands), counts.get(OLDER_GROUP_CODE, 0))
    total = lonely + older
    return _Measured(
        float(total), total, msg("indicator.vulnerable", total=total, lonely=lonely, older=older)
    )


def _feedback_loop_rate(session: Session, window: MetricFilters) -> _Measured:
    assert window.end is not None  # noqa: S101 - period() always sets it
    loop = loop_figures(session, window, window.end)
    return _Measured(loop.rate, loop.actions, _share_text(loop.with_feedback, loop.actions))


def _departments_reporting(session: Session, window: MetricFilters) -> _Measured:
    assert window.end is not None  # noqa: S101 - period() always sets it
    rows = department_statuses(session, window.end)
    on_time = reported_on_time(rows)
    return _Measured(on_time / len(rows) if rows else None, len(rows), _share_text(on_time, len(rows)))


@dataclass(frozen=True)
class _Spec:
    unit: str
    months: int | None  # None: the `unused_months` setting
    measure: Callable[[Session, MetricFilters], _Measured]
    # False when the past cannot be rebuilt (reports filed later would count as on time then)
    has_trend: bool = True
    # False when the figure counts every member (all reporting departments), not a sample
    sampled: bool = True


SPECS: dict[str, _Spec] = {
    "opportunities_in_use": _Spec(
        "count",
        None,
        _opportunities_in_use,
    ),
    "officials_or_decision_changed": _Spec(
        "share",
        YEAR,
        _officials_or_decision_changed,
    ),
    "staff_experience": _Spec(
        "score",
        YEAR,
        _staff_experience,
    ),
    "actions_logged": _Spec("count", QUARTER, _actions_logged),
    "digital_share": _Spec("share", YEAR, _digital_share),
    "feedback_loop_rate": _Spec(
        "share",
        YEAR,
        _feedback_loop_rate,
    ),
    "departments_reporting": _Spec(
        "share",
        YEAR,
        _departments_reporting,
        has_trend=False,
        sampled=False,
    ),
    "youth_reach": _Spec(
        "ratio",
        YEAR,
        _youth_reach,
    ),
    "older_reach": _Spec(
        "ratio",
        YEAR,
        _older_reach,
    ),
    "vulnerable_reach": _Spec(
        "count",
        YEAR,
        _vulnerable_reach,
    ),
    "awareness_channels": _Spec(
        "count",
        YEAR,
        _awareness_channels,
    ),
}


def trend_of(current: float | None, previous: float | None, unit: str) -> str | None:
    """up / down / flat between two values; None when either is missing."""
    if current is None or previous is None:
        return None
    if abs(current - previous) <= FLAT.get(unit, 0.0):
        return "flat"
    return "up" if current > previous else "down"


def _basis(key: str, months: int, has_trend: bool) -> Message:
    basis = msg(f"indicator.{key}.basis")
    return (
        msg("indicator.basis_with_period", basis=basis, months=Counted(months, "months_short"))
        if has_trend
        else basis
    )


def experience_value(session: Session) -> IndicatorValue | None:
    """Everyone's experience of participation in the latest survey year, with its trend
    against the same survey's year before; None when no survey result describes everyone.
    THL's indicator is preferred to the city's own survey, as its scale is the same each year."""
    results = session.scalars(
        select(ExperienceResult)
        .where(
            ExperienceResult.deleted_at.is_(None),
            ExperienceResult.audience_group_id.is_(None),
            ExperienceResult.area_id.is_(None),
        )
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


def indicator_value(session: Session, key: str, today: date, with_trend: bool = True) -> IndicatorValue:
    """The indicator `key` (one of INDICATORS) now, with its trend against the period before
    (left out with `with_trend=False`: an evaluation compares two days of its own)."""
    if key not in INDICATORS:
        raise KeyError(f"unknown indicator '{key}'")
    if key == EXPERIENCE:
        return experience_value(session) or IndicatorValue(
            key=key,
            label=msg(f"indicator.{key}.label"),
            value=None,
            unit="survey",
            text=msg("indicator.no_survey"),
            previous=None,
            trend=None,
            basis=msg(f"indicator.{key}.basis", survey=msg("experience.survey.none")),
            sample=0,
            small_sample=False,
        )
    spec = SPECS[key]
    settings = load_metric_settings(session)
    months = spec.months if spec.months is not None else settings.unused_months
    current = spec.measure(session, period(today, months))
    wanted = spec.has_trend and with_trend
    previous = spec.measure(session, period(add_months(today, -months), months)) if wanted else None
    return IndicatorValue(
        key=key,
        label=msg(f"indicator.{key}.label"),
        value=current.value,
        unit=spec.unit,
        text=current.text,
        previous=previous.value if previous else None,
        trend=trend_of(current.value, previous.value, spec.unit) if previous else None,
        basis=_basis(key, months, spec.has_trend),
        sample=current.sample,
        small_sample=spec.sampled and current.sample < settings.small_count,
    )


@dataclass(frozen=True)
class SwotCard:
    """A SWOT item with its live indicator (None when the item has none)."""

    id: int
    code: str
    quadrant: str
    text_fi: str
    text_en: str
    indicator: IndicatorValue | None


def swot_board(session: Session, user: CurrentUser | None, today: date) -> list[SwotCard]:
    """The active SWOT items in order, each with its indicator's value and trend; an item
    whose output figure stands in for residents' experience (OUTCOME_FIRST) shows the
    experience of participation where a survey measured it."""
    require_read(user, "summary.read")
    items = session.scalars(
        select(SwotItem).where(SwotItem.active).order_by(SwotItem.sort_order, SwotItem.id)
    )
    cache: dict[str, IndicatorValue] = {}
    experience = experience_value(session)
    cards = []
    for item in items:
        value = None
        if item.indicator in OUTCOME_FIRST and experience is not None:
            value = experience
        elif item.indicator:
            if item.indicator not in cache:
                cache[item.indicator] = indicator_value(session, item.indicator, today)
            value = cache[item.indicator]
        cards.append(SwotCard(item.id, item.code, item.quadrant, item.text_fi, item.text_en, value))
    return cards
