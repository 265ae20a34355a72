"""Residents' experience of participation (the outcome) beside the reach of the same group
(the output), year by year: "nuorten osallisuuden kokemus 61 → 64; nuorten osuus
osallistujista 4 % → 9 %".

A trend is one survey's results for one group (everyone, an audience group or an area of
town), oldest year first; surveys are never mixed, their scales differ. Each year's value is
the score 0–100 (THL's participation indicator) or, where only a distribution was published,
the share who agree. Beside it, the group's reach in the same calendar year (an action's start
date), over every live action, all departments: the report filters do not apply to it.

* an **age band**'s reach is its share of participants, as reach.py defines it: its
  participants ÷ the size of that year's actions that recorded an age band;
* an **area**'s is the share of that year's participants whose action was in the area;
* a **special group** (lonely people, foreign-language speakers …) has no denominator of its
  own here: its participants are counted;
* **everyone**'s is the number of participants.

Two statements: the results, then every year's reach figures in one UNION ALL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, cast, extract, func, literal, select, union_all
from sqlalchemy.orm import Session

from ..i18n import Decimals, Message, Named, Percent, msg
from ..models import Action, ActionReach, Area, AudienceGroup, ExperienceResult
from ..permissions import CurrentUser, require_read
from .cautions import small_sample
from .filters import MetricFilters, live_actions
from .labels import Label
from .reach import AGE, action_sizes

EVERYONE = "everyone"
GROUP = "group"
AREA = "area"
# The surveys that ask THL's participation indicator (a score 0–100).
THL_SURVEYS = ("thl_school_health", "thl_wellbeing_region")


@dataclass(frozen=True)
class YearReach:
    """The group's reach in one calendar year."""

    participants: int
    share: float | None  # None: no denominator for this kind of group, or nothing recorded


@dataclass(frozen=True)
class ExperiencePoint:
    """One year's result of the survey for the group, with the group's reach that year."""

    id: int
    year: int
    respondents: int
    score: float | None
    agree_pct: float | None
    neutral_pct: float | None
    disagree_pct: float | None
    source_name: str
    source_url: str
    reach_read: YearReach | None  # None: read without the reach (the public view shows results alone)

    @property
    def reach(self) -> YearReach:
        """The group's reach that year; only for a trend read with_reach (experience_trend_rows)."""
        if self.reach_read is None:
            raise ValueError("the trend was read without its reach")
        return self.reach_read

    @property
    def value(self) -> float | None:
        """The figure the trend follows: the score, else the share who agree."""
        return self.score if self.score is not None else self.agree_pct

    @property
    def small_sample(self) -> bool:
        """Fewer respondents than the small-sample limit: too few to conclude from."""
        return small_sample(self.respondents)


@dataclass(frozen=True)
class ExperienceTrend:
    """One survey's results for one group, oldest year first."""

    survey: str
    scope: str  # everyone | group | area
    group: Label | None  # the audience group or the area; None for everyone
    group_kind: str | None  # an audience group's kind (age | special)
    points: tuple[ExperiencePoint, ...]

    @property
    def uses_score(self) -> bool:
        return all(point.score is not None for point in self.points)

    @property
    def small_sample(self) -> bool:
        return any(point.small_sample for point in self.points)

    def group_name(self) -> Message | Named:
        if self.group is None:
            return msg("experience.group.everyone")
        return Named(self.group.name_fi, self.group.name_en)

    def _value(self, point: ExperiencePoint) -> object:
        if self.uses_score:
            return Decimals(point.score, 0)
        return Percent((point.value or 0) / 100)

    def _reach(self, point: ExperiencePoint) -> object:
        reach = point.reach
        if reach.share is not None:
            return Percent(reach.share)
        return reach.participants

    def _change(self, shown: Callable[[ExperiencePoint], object], years: bool) -> Message:
        first, last = self.points[0], self.points[-1]
        if first is last:
            return msg(
                "experience.single" if years else "experience.single_value",
                value=shown(first),
                year=first.year,
            )
        key = "experience.change" if years else "experience.change_values"
        return msg(key, first=shown(first), last=shown(last), start=first.year, end=last.year)

    def sentence(self) -> Message:
        """The trend in words: "Nuoret (15–29 v): osallisuuden kokemus 61 → 64 (2021–2023);
        osuus osallistujista 4 % → 9 %" (one year: its value alone)."""
        if self.scope == EVERYONE:
            reach_kind = "everyone"
        elif all(point.reach.share is not None for point in self.points):
            reach_kind = "share"
        else:
            reach_kind = "count"
        return msg(
            f"experience.sentence.{reach_kind}",
            group=self.group_name(),
            measure=msg("experience.measure.score" if self.uses_score else "experience.measure.agree"),
            values=self._change(self._value, years=True),
            reach=self._change(self._reach, years=False),
        )


def _scope_of(result: ExperienceResult) -> str:
    if result.audience_group_id is not None:
        return GROUP
    return AREA if result.area_id is not None else EVERYONE


def _year() -> ColumnElement[int]:
    return cast(extract("year", Action.start_date), Integer)


def _reach_by_year(session: Session, years: set[int]) -> dict[tuple[str, int | None, int], tuple[int, int]]:
    """(kind, id, year) -> (participants, age denominator) for the `years`: per audience group
    ("group"), per area ("area") and for all actions ("all", id None), in one statement."""
    year = _year()
    sizes = action_sizes(MetricFilters())
    in_years = year.in_(sorted(years))
    groups = (
        select(
            literal(GROUP).label("kind"),
            ActionReach.audience_group_id.label("ref"),
            year.label("year"),
            func.sum(ActionReach.count).label("participants"),
            literal(0).label("age_denominator"),
        )
        .join(Action, Action.id == ActionReach.action_id)
        .where(live_actions(), in_years)
        .group_by(ActionReach.audience_group_id, year)
    )
    areas = (
        select(
            literal(AREA),
            Action.area_id,
            year,
            func.sum(sizes.c.size),
            literal(0),
        )
        .join(sizes, sizes.c.action_id == Action.id)
        .where(Action.area_id.is_not(None), in_years)
        .group_by(Action.area_id, year)
    )
    everyone = (
        select(
            literal("all"),
            literal(None, type_=Integer),
            year,
            func.sum(sizes.c.size),
            func.sum(case((sizes.c.age_rows > 0, sizes.c.size), else_=0)),
        )
        .join(sizes, sizes.c.action_id == Action.id)
        .where(in_years)
        .group_by(year)
    )
    rows: Sequence[Any] = session.execute(union_all(groups, areas, everyone)).all()
    return {(kind, ref, int(row_year)): (int(n or 0), int(d or 0)) for kind, ref, row_year, n, d in rows}


def _year_reach(
    scope: str,
    ref: int | None,
    kind: str | None,
    year: int,
    reach: dict[tuple[str, int | None, int], tuple[int, int]],
) -> YearReach:
    everyone, age_denominator = reach.get(("all", None, year), (0, 0))
    if scope == EVERYONE:
        return YearReach(everyone, None)
    if scope == AREA:
        participants = reach.get((AREA, ref, year), (0, 0))[0]
        return YearReach(participants, participants / everyone if everyone else None)
    participants = reach.get((GROUP, ref, year), (0, 0))[0]
    if kind == AGE:
        return YearReach(participants, participants / age_denominator if age_denominator else None)
    return YearReach(participants, None)


def experience_trend_rows(session: Session, with_reach: bool = True) -> list[ExperienceTrend]:
    """Every live result as trends beside the reach (no permission check: a building block of
    the checked readers, and of a public view's aggregates). `with_reach=False`: the results
    alone, one statement fewer, for a reader that does not show the reach."""
    found = session.execute(
        select(ExperienceResult, AudienceGroup, Area)
        .outerjoin(AudienceGroup, AudienceGroup.id == ExperienceResult.audience_group_id)
        .outerjoin(Area, Area.id == ExperienceResult.area_id)
        .where(ExperienceResult.deleted_at.is_(None))
    ).all()
    if not found:
        return []
    reach = _reach_by_year(session, {result.year for result, _, _ in found}) if with_reach else None

    def series_key(row: tuple[ExperienceResult, AudienceGroup | None, Area | None]) -> tuple[object, ...]:
        result, group, area = row
        return (
            result.survey not in THL_SURVEYS,
            result.survey,
            _scope_of(result) != EVERYONE,
            group.sort_order if group else 0,
            area.sort_order if area else 0,
            result.audience_group_id or 0,
            result.area_id or 0,
        )

    trends = []
    for _, rows in groupby(sorted(found, key=lambda row: (series_key(row), row[0].year)), key=series_key):
        series = list(rows)
        first, group, area = series[0]
        scope = _scope_of(first)
        label = None
        if group is not None:
            label = Label(group.id, group.code, group.name_fi, group.name_en)
        elif area is not None:
            label = Label(area.id, str(area.id), area.name, area.name)
        ref = first.audience_group_id if scope == GROUP else first.area_id
        kind = group.kind if group is not None else None
        points = tuple(
            ExperiencePoint(
                id=result.id,
                year=result.year,
                respondents=result.respondents,
                score=result.score,
                agree_pct=result.agree_pct,
                neutral_pct=result.neutral_pct,
                disagree_pct=result.disagree_pct,
                source_name=result.source_name,
                source_url=result.source_url,
                reach_read=None if reach is None else _year_reach(scope, ref, kind, result.year, reach),
            )
            for result, _, _ in series
        )
        trends.append(ExperienceTrend(first.survey, scope, label, kind, points))
    return trends


def experience_trends(session: Session, user: CurrentUser | None) -> list[ExperienceTrend]:
    """Every survey's trend per group beside the group's reach in the same years: THL's
    indicator first, everyone before the groups."""
    require_read(user, "summary.read")
    return experience_trend_rows(session)


@dataclass(frozen=True)
class StoredResult:
    """A recorded result as the coordinator's editor lists it, deleted ones too."""

    id: int
    version: int
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
    is_demo: bool
    deleted: bool


def stored_results(session: Session, user: CurrentUser | None) -> list[StoredResult]:
    """Every recorded result, newest year first, for the coordinator's editor (one statement)."""
    require_read(user, "programme_admin.read")
    rows = session.scalars(
        select(ExperienceResult).order_by(
            ExperienceResult.year.desc(), ExperienceResult.survey, ExperienceResult.id
        )
    )
    return [
        StoredResult(
            id=row.id,
            version=row.version,
            survey=row.survey,
            year=row.year,
            audience_group_id=row.audience_group_id,
            area_id=row.area_id,
            respondents=row.respondents,
            score=row.score,
            agree_pct=row.agree_pct,
            neutral_pct=row.neutral_pct,
            disagree_pct=row.disagree_pct,
            source_name=row.source_name,
            source_url=row.source_url,
            is_demo=row.is_demo,
            deleted=row.deleted_at is not None,
        )
        for row in rows
    ]
