"""The programme's development measures and the actions that advanced them: the one home of
"measures with or without actions", so the steps page, the overview, the home page, the reach
page and the council's page, PDF and workbook count them alike for one filter.

A measure is advanced by an action counted by the filters (metrics.filters.action_conditions:
not soft-deleted, in the period by its start date, of the chosen departments, areas, forms and
channels) that was logged as advancing it. The measures are the active ones, in programme
order (principle, then measure); retired ones only where a caller asks for them. They are one
edition's: the one given, else the one in force on the filters' "as of" day (their period's
last day, or today); an action counts for the edition in force on its start date, linked to
the measure with the measure's code (data_model.editions).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Subquery, and_, func, literal_column, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from .. import clock
from ..editions import EditionWindow
from ..models import Action, Department, DevelopmentMeasure, DevelopmentPrinciple
from ..models.actions import action_measure
from ..permissions import CurrentUser, require_read
from .filters import EditionScope, MetricFilters, action_conditions, as_of_day, edition_scope, spanning
from .labels import Label

RECENT_ACTIONS_SHOWN = 5


@dataclass(frozen=True)
class MeasureReach:
    """The participants of the filtered actions that advanced one measure: the sum of the
    known totals, and how many of the actions left their total unknown (unknown is not 0)."""

    participants: int
    actions_without_total: int


@dataclass(frozen=True)
class MeasureActivity:
    """One development measure and the filtered actions logged as advancing it."""

    id: int
    code: str
    text_fi: str
    text_en: str
    active: bool
    actions: int
    departments: tuple[str, ...] = ()
    last_activity: date | None = None
    recent_actions: tuple[str, ...] = ()  # titles of the newest few actions
    reach: MeasureReach = MeasureReach(0, 0)  # read with the details (development_steps) only

    @property
    def nothing_logged(self) -> bool:
        return self.actions == 0

    @property
    def label(self) -> Label:
        """The measure as a label: its text is its name."""
        return Label(self.id, self.code, self.text_fi, self.text_en)

    def name(self, lang: str) -> str:
        """The measure's text in `lang`."""
        return self.label.name(lang)


@dataclass(frozen=True)
class PrincipleActivity:
    """A development principle and its measures, each with its actions."""

    id: int
    code: str
    title_fi: str
    title_en: str
    description_fi: str
    description_en: str
    measures: tuple[MeasureActivity, ...]


@dataclass(frozen=True)
class MeasureCounts:
    """How many of the programme's measures the filtered actions advanced."""

    total: int
    with_actions: int

    @property
    def without_actions(self) -> int:
        return self.total - self.with_actions


def _scope(filters: MetricFilters, edition: EditionWindow | None) -> EditionScope:
    return edition_scope(edition, as_of_day(filters, clock.today()))


def _linked(filters: MetricFilters, scope: EditionScope) -> Subquery:
    """The counted actions with the code of each measure they advance (`measure_id`)."""
    return (
        select(
            DevelopmentMeasure.code.label("measure_id"),
            Action.id,
            Action.title,
            Action.start_date,
            Action.department_id,
        )
        .select_from(action_measure)
        .join(DevelopmentMeasure, DevelopmentMeasure.id == action_measure.c.development_measure_id)
        .join(Action, Action.id == action_measure.c.action_id)
        .where(*action_conditions(filters), *scope.actions)
        .subquery()
    )


def _details(filters: MetricFilters, scope: EditionScope) -> Subquery:
    """The departments (by name) and the newest action titles behind each measure's code, as
    rows of one shape (`kind` 0: a department, in department order; 1: a title, newest first)
    to ride on the measures' rows."""
    linked = _linked(filters, scope)
    departments = (
        select(
            literal_column("0").label("kind"),
            linked.c.measure_id,
            Department.name_fi.label("text"),
            Department.sort_order.label("place"),
        )
        .join(Department, Department.id == linked.c.department_id)
        .group_by(linked.c.measure_id, Department.name_fi, Department.sort_order)
    )
    ranked = select(
        linked.c.measure_id,
        linked.c.title,
        func.row_number()
        .over(partition_by=linked.c.measure_id, order_by=(linked.c.start_date.desc(), linked.c.id.desc()))
        .label("rank"),
    ).subquery()
    recent = select(
        literal_column("1").label("kind"), ranked.c.measure_id, ranked.c.title.label("text"), ranked.c.rank
    ).where(ranked.c.rank <= RECENT_ACTIONS_SHOWN)
    return union_all(departments, recent).subquery()


def _activities(
    session: Session,
    windows: Sequence[tuple[MetricFilters, EditionScope]],
    include_retired: bool,
    details: bool = False,
) -> list[list[tuple[DevelopmentPrinciple, MeasureActivity | None]]]:
    """Each measure of each (filters, edition scope) of `windows` in programme order with its
    principle, its filtered actions' count and newest date, in one statement: the counts per
    window ride on the programme's list of measures. A principle without measures comes once
    with None. With `details` (one window), each measure's participants, departments and
    newest action titles ride along too, the latter two a row each (_details). Without them
    the actions are read from the live-by-date index alone, not from their rows (at 100,000
    actions half the time)."""
    matches = [and_(*action_conditions(filters), *scope.actions) for filters, scope in windows]
    counts = (
        select(
            DevelopmentMeasure.code.label("measure_id"),
            *(
                column
                for index, condition in enumerate(matches)
                for column in (
                    func.count(Action.id).filter(condition).label(f"n{index}"),
                    func.max(Action.start_date).filter(condition).label(f"last{index}"),
                    *(
                        (
                            func.sum(Action.participants_total).filter(condition).label(f"sum{index}"),
                            func.count(Action.id)
                            .filter(condition, Action.participants_total.is_(None))
                            .label(f"unknown{index}"),
                        )
                        if details
                        else ()
                    ),
                )
            ),
        )
        .select_from(action_measure)
        .join(DevelopmentMeasure, DevelopmentMeasure.id == action_measure.c.development_measure_id)
        .join(Action, Action.id == action_measure.c.action_id)
        .where(*spanning([filters for filters, _scope in windows]), or_(*matches))
        .group_by(DevelopmentMeasure.code)
        .subquery()
    )
    figures = ("n", "last", "sum", "unknown") if details else ("n", "last")
    in_edition = [DevelopmentPrinciple.edition_id == scope.edition_id for _filters, scope in windows]
    listed = DevelopmentMeasure.principle_id == DevelopmentPrinciple.id
    statement = (
        select(
            DevelopmentPrinciple,
            DevelopmentMeasure,
            *(
                column
                for index, condition in enumerate(in_edition)
                for column in (
                    *(counts.c[f"{name}{index}"] for name in figures),
                    condition.label(f"e{index}"),
                )
            ),
        )
        .outerjoin(DevelopmentMeasure, listed if include_retired else and_(listed, DevelopmentMeasure.active))
        .outerjoin(counts, counts.c.measure_id == DevelopmentMeasure.code)
        .where(or_(*in_edition))
        .order_by(DevelopmentPrinciple.sort_order, DevelopmentMeasure.sort_order, DevelopmentMeasure.id)
    )
    if details:
        [(filters, scope)] = windows  # details are read for one window
        extra = _details(filters, scope)
        statement = statement.add_columns(extra.c.kind, extra.c.text).outerjoin(
            extra, extra.c.measure_id == DevelopmentMeasure.code
        )
        statement = statement.order_by(extra.c.kind, extra.c.place, extra.c.text)
    width = len(figures) + 1  # columns per window: its figures and whether the edition is its
    result: list[list[tuple[DevelopmentPrinciple, MeasureActivity | None]]] = [[] for _ in windows]
    # With details a measure comes on a row per department and title: its lists, and read once.
    found: dict[int, tuple[list[str], list[str]]] = {}
    for principle, measure, *columns in session.execute(statement).all():
        if measure is not None and details:
            kind, text = columns[-2:]
            seen = measure.id in found
            lists = found.setdefault(measure.id, ([], []))
            if kind is not None:
                lists[int(kind)].append(text)
            if seen:
                continue
        for index in range(len(windows)):
            n, last, *participants, in_window_edition = columns[width * index : width * index + width]
            total, unknown = participants or (0, 0)
            if not in_window_edition:
                continue
            result[index].append(
                (
                    principle,
                    None
                    if measure is None
                    else MeasureActivity(
                        id=measure.id,
                        code=measure.code,
                        text_fi=measure.text_fi,
                        text_en=measure.text_en,
                        active=measure.active,
                        actions=int(n or 0),
                        last_activity=last,
                        reach=MeasureReach(int(total or 0), int(unknown or 0)),
                    ),
                )
            )
    if not details:
        return result
    return [
        [
            (
                principle,
                measure
                and replace(
                    measure,
                    departments=tuple(found[measure.id][0]),
                    recent_actions=tuple(found[measure.id][1]),
                ),
            )
            for principle, measure in rows
        ]
        for rows in result
    ]


def measure_activity(
    session: Session, user: CurrentUser | None, filters: MetricFilters, edition: EditionWindow | None = None
) -> list[MeasureActivity]:
    """Every active measure in programme order with its number of filtered actions and the
    date of the newest (the council's list, table and key number)."""
    require_read(user, "summary.read")
    return measure_activity_for(session, user, (filters,), edition)[0]


def measure_activity_for(
    session: Session,
    user: CurrentUser | None,
    windows: Sequence[MetricFilters],
    edition: EditionWindow | None = None,
) -> list[list[MeasureActivity]]:
    """`measure_activity` of each of `windows` (a period and the one before it), in one
    statement; each window's measures are those of `edition`, else of the edition in force
    on its own "as of" day."""
    require_read(user, "summary.read")
    per_window = _activities(session, [(filters, _scope(filters, edition)) for filters in windows], False)
    return [[measure for _principle, measure in rows if measure is not None] for rows in per_window]


def development_steps(
    session: Session,
    user: CurrentUser | None,
    filters: MetricFilters,
    include_retired: bool = False,
    edition: EditionWindow | None = None,
) -> list[PrincipleActivity]:
    """The principles and their measures, each with its filtered actions, departments, last
    activity, newest action titles and participants (the steps page, the evaluation), in one
    statement."""
    require_read(user, "summary.read")
    scope = _scope(filters, edition)
    principles: dict[int, DevelopmentPrinciple] = {}
    grouped: dict[int, list[MeasureActivity]] = defaultdict(list)
    for principle, measure in _activities(session, ((filters, scope),), include_retired, details=True)[0]:
        principles[principle.id] = principle
        if measure is not None:
            grouped[principle.id].append(measure)
    return [
        PrincipleActivity(
            id=principle.id,
            code=principle.code,
            title_fi=principle.title_fi,
            title_en=principle.title_en,
            description_fi=principle.description_fi,
            description_en=principle.description_en,
            measures=tuple(grouped[principle.id]),
        )
        for principle in sorted(principles.values(), key=lambda row: (row.sort_order, row.id))
    ]


def _advanced(
    session: Session, filters: MetricFilters, scope: EditionScope
) -> list[tuple[DevelopmentMeasure, bool]]:
    """The edition's active measures in programme order, each with whether a filtered action
    advanced it, in one statement. Only whether, not how many: EXISTS lets the database stop at
    a measure's first counted action instead of grouping every action (at 100,000 actions the
    grouping was most of the Overview's and the Reach page's SQL)."""
    linked = aliased(DevelopmentMeasure)
    advanced = (
        select(action_measure.c.action_id)
        .join(linked, linked.id == action_measure.c.development_measure_id)
        .join(Action, Action.id == action_measure.c.action_id)
        .where(linked.code == DevelopmentMeasure.code, *action_conditions(filters), *scope.actions)
    )
    statement = (
        select(DevelopmentMeasure, advanced.exists().label("advanced"))
        .join(DevelopmentPrinciple, DevelopmentMeasure.principle_id == DevelopmentPrinciple.id)
        .where(DevelopmentPrinciple.edition_id == scope.edition_id, DevelopmentMeasure.active)
        .order_by(DevelopmentPrinciple.sort_order, DevelopmentMeasure.sort_order, DevelopmentMeasure.id)
    )
    return [(measure, bool(moved)) for measure, moved in session.execute(statement)]


def measure_counts(
    session: Session, user: CurrentUser | None, filters: MetricFilters, edition: EditionWindow | None = None
) -> MeasureCounts:
    """The active measures, and how many the filtered actions advanced."""
    require_read(user, "summary.read")
    measures = _advanced(session, filters, _scope(filters, edition))
    return MeasureCounts(len(measures), sum(1 for _measure, moved in measures if moved))


def measures_without_actions(
    session: Session, user: CurrentUser | None, filters: MetricFilters, edition: EditionWindow | None = None
) -> list[Label]:
    """The active measures no filtered action is linked to, in programme order."""
    require_read(user, "summary.read")
    measures = _advanced(session, filters, _scope(filters, edition))
    return [Label(m.id, m.code, m.text_fi, m.text_en) for m, moved in measures if not moved]
