"""Coverage: who does what, through which channel, for whom; and what is left unused.

The matrices are dense (every row × every column, zeros included) so a heat map and its table
show the empty cells too: an empty cell is the finding. Rows and columns are the active ones
plus any inactive one that has figures in the filtered actions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, literal, select, union_all
from sqlalchemy.orm import Session

from .. import clock
from ..editions import EditionWindow
from ..models import (
    Action,
    ActionReach,
    AudienceGroup,
    Channel,
    Department,
    Opportunity,
    ParticipationForm,
)
from ..models.actions import action_channel, action_form
from ..permissions import CurrentUser, require_read
from . import rollup_reads
from .filters import MetricFilters, action_conditions, add_months, as_of_day, edition_scope
from .item_keys import InForceKey
from .label_rows import Named, label_rows, padded, shown
from .labels import Label
from .reach import TAG_ONLY_GROUPS
from .settings import load_metric_settings


@dataclass(frozen=True)
class Matrix:
    """`values[i][j]` is the figure of `rows[i]` × `columns[j]`."""

    rows: tuple[Label, ...]
    columns: tuple[Label, ...]
    values: tuple[tuple[int, ...], ...]

    def value(self, row_code: str, column_code: str) -> int:
        """The figure of one cell by the row's and column's codes."""
        i = next(n for n, label in enumerate(self.rows) if label.code == row_code)
        j = next(n for n, label in enumerate(self.columns) if label.code == column_code)
        return self.values[i][j]

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.values)


@dataclass(frozen=True)
class UnusedOpportunity:
    """A catalogue opportunity with no action in the last N months; `last_used` None = never."""

    opportunity: Label
    last_used: date | None


def dense_matrix(
    cells: dict[tuple[int, int], int],
    rows: tuple[Label, ...],
    columns: tuple[Label, ...],
    groups_as_columns: bool = False,
) -> Matrix:
    """The matrix of `cells` ((row id, column id) -> figure) over `rows` × `columns`, zeros
    included; with `groups_as_columns`, the channel-only tag groups are left out."""
    if groups_as_columns:
        columns = tuple(label for label in columns if label.code not in TAG_ONLY_GROUPS)
    return Matrix(
        rows, columns, tuple(tuple(cells.get((row.id, column.id), 0) for column in columns) for row in rows)
    )


ROWS, COLUMNS, CELLS = "r", "c", "x"


def _matrix(
    session: Session, statement: Select[int, int, int], row_model: type, column_model: type, day: date
) -> Matrix:
    """The figure's cells and its rows' and columns' labels, in one statement (label_rows)."""
    rows = union_all(
        label_rows(ROWS, row_model, day),
        label_rows(COLUMNS, column_model, day),
        padded(statement.with_only_columns(literal(CELLS), *statement.selected_columns)),
    ).subquery()
    labels: dict[str, list[Named]] = {ROWS: [], COLUMNS: []}
    cells: dict[tuple[int, int], int] = {}
    for kind, key, code, name_fi, name_en, order, flag, _group_kind in session.execute(
        select(rows).order_by(rows.c.kind, rows.c.sort_order, rows.c.id)
    ):
        if kind == CELLS:
            cells[(key, order)] = int(flag or 0)
        else:
            labels[kind].append(Named(Label(key, code, name_fi, name_en), bool(flag), None))
    return dense_matrix(
        cells,
        shown(labels[ROWS], {key[0] for key in cells}),
        shown(labels[COLUMNS], {key[1] for key in cells}),
        groups_as_columns=column_model is AudienceGroup,
    )


def department_form_cells(filters: MetricFilters) -> Select[int, int, int]:
    """(department id, form id, actions) of the filtered actions (an action may have several forms)."""
    if rollup_reads.covers(filters):
        return rollup_reads.department_form_cells(filters)
    return (
        select(Action.department_id, action_form.c.participation_form_id, func.count(Action.id))
        .join(action_form, action_form.c.action_id == Action.id)
        .where(*action_conditions(filters))
        .group_by(Action.department_id, action_form.c.participation_form_id)
    )


def channel_group_cells(filters: MetricFilters, day: date) -> Select[int, int, int]:
    """(channel id, group id, participants) of the filtered actions, each channel the row of
    the edition in force on `day` with the code of the one the action used (item_keys)."""
    if rollup_reads.covers(filters):
        return rollup_reads.channel_group_cells(filters, day)
    channel = InForceKey(Channel, day)
    statement = select(channel.id, ActionReach.audience_group_id, func.sum(ActionReach.count)).select_from(
        action_channel
    )
    cells: Select[int, int, int] = (
        channel.join(statement, action_channel.c.channel_id)
        .join(Action, Action.id == action_channel.c.action_id)
        .join(ActionReach, ActionReach.action_id == Action.id)
        .where(*action_conditions(filters))
        .group_by(channel.id, ActionReach.audience_group_id)
    )
    return cells


def department_group_cells(filters: MetricFilters) -> Select[int, int, int]:
    """(department id, group id, participants) of the filtered actions."""
    if rollup_reads.covers(filters):
        return rollup_reads.department_group_cells(filters)
    return (
        select(Action.department_id, ActionReach.audience_group_id, func.sum(ActionReach.count))
        .join(ActionReach, ActionReach.action_id == Action.id)
        .where(*action_conditions(filters))
        .group_by(Action.department_id, ActionReach.audience_group_id)
    )


def department_by_form(session: Session, user: CurrentUser | None, filters: MetricFilters) -> Matrix:
    """Number of actions per department × participation form (an action may have several)."""
    require_read(user, "summary.read")
    day = as_of_day(filters, clock.today())
    return _matrix(session, department_form_cells(filters), Department, ParticipationForm, day)


def form_action_counts_for(session: Session, windows: Sequence[MetricFilters]) -> list[dict[str, int]]:
    """Per window, the actions per participation form code: the columns of `department_by_form`
    summed over its departments, for every window in one statement (unchecked, a building
    block of the targets). A form without actions in a window is absent (0)."""
    if not windows:
        return []
    tagged = [
        department_form_cells(filters).add_columns(literal(index).label("window"))
        for index, filters in enumerate(windows)
    ]
    cells = (union_all(*tagged) if len(tagged) > 1 else tagged[0]).subquery()
    _department, form_id, actions, window = list(cells.c)
    counts: list[dict[str, int]] = [{} for _ in windows]
    for index, code, total in session.execute(
        select(window, ParticipationForm.code, func.sum(actions))
        .join(ParticipationForm, ParticipationForm.id == form_id)
        .group_by(window, ParticipationForm.code)
    ):
        counts[int(index)][code] = int(total or 0)
    return counts


def channel_by_group(
    session: Session, user: CurrentUser | None, filters: MetricFilters, day: date | None = None
) -> Matrix:
    """Participants per channel × audience group: the group's recorded participants in the
    actions that used the channel (an action with two channels counts for both). The channels
    are those of the edition in force on `day` (default: the period's end, or today), each
    once, an earlier edition's action counted under the channel with the same code."""
    require_read(user, "summary.read")
    day = as_of_day(filters, clock.today()) if day is None else day
    return _matrix(session, channel_group_cells(filters, day), Channel, AudienceGroup, day)


def department_by_group(session: Session, user: CurrentUser | None, filters: MetricFilters) -> Matrix:
    """Recorded participants per department × audience group."""
    require_read(user, "summary.read")
    day = as_of_day(filters, clock.today())
    return _matrix(session, department_group_cells(filters), Department, AudienceGroup, day)


def is_unused(last_used: date | None, since: date) -> bool:
    """The one rule of "unused": never used, or last used before `since`."""
    return last_used is None or last_used < since


def unused_opportunities(
    session: Session,
    user: CurrentUser | None,
    filters: MetricFilters,
    today: date,
    edition: EditionWindow | None = None,
) -> list[UnusedOpportunity]:
    """Active catalogue opportunities of the edition (default: in force `today`) with no action
    starting in the last `unused_months` (setting) before `today`, among the actions matching
    the filters other than the period and read against that edition (by the item's code)."""
    require_read(user, "summary.read")
    return unused_opportunities_for(session, ((filters, today, edition),))[0]


def last_use(filters: MetricFilters, scope: Any) -> Any:
    """(code, last_used) of the opportunities used by the actions matching `filters` but their
    period, started by the scope's "as of" day and read against its edition (by code)."""
    return (
        select(Opportunity.code, func.max(Action.start_date).label("last_used"))
        .select_from(Action)
        .join(Opportunity, Opportunity.id == Action.opportunity_id)
        .where(*action_conditions(filters.without_period()), Action.start_date <= scope.as_of, *scope.actions)
        .group_by(Opportunity.code)
        .subquery()
    )


def _unused_select(filters: MetricFilters, scope: Any, index: int) -> Select[Any]:
    last_used = last_use(filters, scope)
    return (
        select(
            literal(index).label("window"),
            Opportunity.sort_order,
            Opportunity.id,
            Opportunity.code,
            Opportunity.name_fi,
            Opportunity.name_en,
            last_used.c.last_used,
        )
        .outerjoin(last_used, last_used.c.code == Opportunity.code)
        .where(Opportunity.active, Opportunity.edition_id == scope.edition_id)
    )


def unused_opportunities_for(
    session: Session, requests: Sequence[tuple[MetricFilters, date, EditionWindow | None]]
) -> list[list[UnusedOpportunity]]:
    """`unused_opportunities` of each (filters, day, edition) of `requests`, in one statement
    (unchecked: the building block of the readers that compose it)."""
    if not requests:
        return []
    months = load_metric_settings(session).unused_months
    scopes = [edition_scope(edition, today) for _, today, edition in requests]
    selects = [_unused_select(filters, scopes[n], n) for n, (filters, _, _) in enumerate(requests)]
    rows = sorted(
        session.execute(union_all(*selects) if len(selects) > 1 else selects[0]).all(),
        key=lambda row: (row[0], row[1], row[2]),
    )
    return unused_of(
        ((index, Label(item_id, code, fi, en), used) for index, _o, item_id, code, fi, en, used in rows),
        scopes,
        months,
    )


def unused_of(
    rows: Iterable[tuple[int, Label, date | None]], scopes: Sequence[Any], months: int
) -> list[list[UnusedOpportunity]]:
    """Per scope, the opportunities of `rows` ((scope's index, item, last used), in order)
    unused by its "as of" day: an earlier edition's is its last day in force (edition_scope)."""
    since = [add_months(scope.as_of, -months) for scope in scopes]
    result: list[list[UnusedOpportunity]] = [[] for _ in scopes]
    for index, item, used in rows:
        if is_unused(used, since[index]):
            result[index].append(UnusedOpportunity(item, used))
    return result
