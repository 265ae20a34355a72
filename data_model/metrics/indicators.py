"""The live value of each SWOT indicator (data_model/indicators.py names them).

Each indicator is computed for the current period ending `today` and for the period of the
same length before it; the trend compares the two. Periods are judged on an action's start
date: (start, end]. Most indicators look back 12 months; "actions per quarter" looks back 3,
and "opportunities in use" the `unused_months` setting, like the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, distinct, func, or_, select
from sqlalchemy.orm import Session

from ..formatting import fmt_decimal, fmt_int, fmt_pct
from ..indicators import INDICATORS
from ..models import Action, Channel, Opportunity
from ..models.actions import action_channel
from .programme_usage import live_actions, months_before, setting_int

YEAR = 12
QUARTER = 3
# A change smaller than this is "flat": shares in share points, scores in score points.
FLAT = {"share": 0.01, "score": 0.05, "count": 0.0, "ratio": 0.05}


@dataclass(frozen=True)
class IndicatorValue:
    """One indicator's value now and its trend, in words a reader can take as they are."""

    key: str
    label: str
    value: float | None  # None: nothing to compute it from in the period
    unit: str  # count | share | score | ratio
    text: str  # the value in Finnish form, e.g. "12 / 24 (50 %)"
    previous: float | None
    trend: str | None  # up | down | flat | None (no previous value)
    basis: str  # what the figure is computed from, in Finnish
    sample: int  # how many actions (or answers) the value rests on
    small_sample: bool  # fewer than the `small_count` setting: too few to conclude from


@dataclass(frozen=True)
class _Measured:
    value: float | None
    sample: int
    text: str


Window = tuple[date, date]


def _in(window: Window) -> list[ColumnElement[bool]]:
    start, end = window
    return [live_actions(), Action.start_date > start, Action.start_date <= end]


def _share_text(part: int, whole: int) -> str:
    return f"{fmt_int(part)} / {fmt_int(whole)} ({fmt_pct(part / whole)})" if whole else "–"


def _share_of_actions(session: Session, window: Window, condition: ColumnElement[bool]) -> _Measured:
    whole, part = session.execute(
        select(func.count(Action.id), func.count(Action.id).filter(condition)).where(*_in(window))
    ).one()
    whole, part = int(whole or 0), int(part or 0)
    return _Measured(part / whole if whole else None, whole, _share_text(part, whole))


def _actions_in(session: Session, window: Window) -> int:
    return int(session.scalar(select(func.count(Action.id)).where(*_in(window))) or 0)


def _opportunities_in_use(session: Session, window: Window) -> _Measured:
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


def _officials_or_decision_changed(session: Session, window: Window) -> _Measured:
    return _share_of_actions(
        session, window, or_(Action.officials_took_part.is_(True), func.length(Action.decision_change) > 0)
    )


def _staff_experience(session: Session, window: Window) -> _Measured:
    average, answers = session.execute(
        select(func.avg(Action.staff_experience), func.count(Action.staff_experience)).where(*_in(window))
    ).one()
    answers = int(answers or 0)
    value = float(average) if answers else None
    return _Measured(value, answers, f"{fmt_decimal(value)} / 5" if value is not None else "–")


def _actions_logged(session: Session, window: Window) -> _Measured:
    count = _actions_in(session, window)
    return _Measured(float(count), count, fmt_int(count))


def _digital_share(session: Session, window: Window) -> _Measured:
    return _share_of_actions(session, window, Action.format.in_(("online", "hybrid")))


def _awareness_channels(session: Session, window: Window) -> _Measured:
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


@dataclass(frozen=True)
class _Spec:
    unit: str
    months: int | None  # None: the `unused_months` setting
    basis: str
    measure: Callable[[Session, Window], _Measured]


SPECS: dict[str, _Spec] = {
    "opportunities_in_use": _Spec(
        "count",
        None,
        "Luettelon mahdollisuudet, joihin on kirjattu toimia jakson aikana / kaikki voimassa olevat.",
        _opportunities_in_use,
    ),
    "officials_or_decision_changed": _Spec(
        "share",
        YEAR,
        "Osuus jakson toimista, joissa päättäjät olivat mukana tai päätös muuttui asukkaiden näkemysten vuoksi.",
        _officials_or_decision_changed,
    ),
    "staff_experience": _Spec(
        "score",
        YEAR,
        "Henkilöstön kokemus jakson toimista asteikolla 1–5 (keskiarvo annetuista arvioista).",
        _staff_experience,
    ),
    "actions_logged": _Spec(
        "count", QUARTER, "Kirjatut toimet viimeisten 3 kuukauden aikana.", _actions_logged
    ),
    "digital_share": _Spec(
        "share", YEAR, "Osuus jakson toimista, jotka toteutettiin verkossa tai hybridinä.", _digital_share
    ),
    "awareness_channels": _Spec(
        "count",
        YEAR,
        "Viestintäkanavat, joita jakson toimissa käytettiin / kaikki kanavat.",
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


def _period_note(months: int) -> str:
    return f" Jakso: viimeiset {months} kk; suuntaa verrataan edeltävään {months} kk:een."


def indicator_value(session: Session, key: str, today: date) -> IndicatorValue:
    """The indicator `key` (one of INDICATORS) now, with its trend against the period before."""
    if key not in INDICATORS:
        raise KeyError(f"tuntematon indikaattori '{key}'")
    spec = SPECS.get(key)
    small_count = setting_int(session, "small_count")
    if spec is None:
        # TODO(metrics): reach, reporting and feedback indicators come from metrics/reach.py,
        # metrics/reporting.py and metrics/feedback.py once they are on main.
        return IndicatorValue(
            key, INDICATORS[key], None, "share", "–", None, None, "Ei vielä laskettu.", 0, False
        )
    months = spec.months if spec.months is not None else setting_int(session, "unused_months")
    start = months_before(today, months)
    current = spec.measure(session, (start, today))
    previous = spec.measure(session, (months_before(start, months), start))
    return IndicatorValue(
        key=key,
        label=INDICATORS[key],
        value=current.value,
        unit=spec.unit,
        text=current.text,
        previous=previous.value,
        trend=trend_of(current.value, previous.value, spec.unit),
        basis=spec.basis + _period_note(months),
        sample=current.sample,
        small_sample=current.sample < small_count,
    )


def indicator_values(session: Session, keys: tuple[str, ...], today: date) -> dict[str, IndicatorValue]:
    """Several indicators at once (the SWOT board asks for each key it shows)."""
    return {key: indicator_value(session, key, today) for key in keys}
