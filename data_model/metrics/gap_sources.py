"""What the gaps' suggestions are picked from (metrics.gaps), read in one statement: the
names of the channels, opportunities and groups, each window's participants per group and
channel or opportunity, the actions aimed at each group and the programme's channel tags.

The council summary also shows the channel × group matrix of its period: its channels' and
groups' names and its cells are the same rows, so `channel_matrix_with_sources` reads both
in that statement (the gap groups' channel sums are then picked from the matrix's cells).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, Select, cast, func, literal, select, union_all
from sqlalchemy.orm import Session

from .. import clock
from ..models import Action, ActionReach, AudienceGroup, Channel, Opportunity
from ..models.actions import action_channel, action_intended_group
from ..models.programme import channel_audience
from . import rollup_reads
from .coverage import Matrix, channel_group_cells, dense_matrix
from .filters import MetricFilters, action_conditions, as_of_day
from .item_keys import InForceKey
from .label_rows import Named, label_rows, padded, shown
from .labels import Label
from .reach import YOUTH, GroupRepresentation

# Groups whose channels also reach the gap's group (codes from audience_groups.yaml).
RELATED_GROUPS: dict[str, tuple[str, ...]] = {
    "children_0_14": ("pupils_guardians",),
    YOUTH: ("pupils_guardians",),
    "older_65_74": ("older_people",),
    "older_75_plus": ("older_people",),
}


@dataclass(frozen=True)
class SuggestionSources:
    """What the suggestions are picked from: the active channels and opportunities in order,
    every group's id by code, and per group id the participants per channel and per
    opportunity, the channels tagged for it and the opportunities of actions aimed at it."""

    channels: dict[int, Label]
    opportunities: dict[int, Label]
    group_ids: dict[str, int]
    by_channel: dict[int, dict[int, int]]
    by_opportunity: dict[int, dict[int, int]]
    tagged: list[tuple[int, int]]  # (group id, channel id)
    aimed: list[tuple[int, int | None]]  # (group id, opportunity id)


def kinded_pairs(kind: str, statement: Select[Any, Any, Any]) -> Select[Any, Any, Any, Any]:
    """`statement` (SELECT a, b, figure … GROUP BY a, b) as (kind, a, b, figure) rows, so that
    several such figures are sent as one UNION ALL statement."""
    first, second, value = statement.selected_columns
    return statement.with_only_columns(
        literal(kind).label("kind"), first.label("a"), cast(second, Integer).label("b"), cast(value, Integer)
    )


def _channel_sums(filters: MetricFilters, day: date, gap_ids: set[int]) -> Any:
    """(gap group, channel key, participants), each channel keyed by the edition in force on
    `day` (item_keys): from the monthly sums when they cover the filters."""
    if rollup_reads.covers(filters):
        return rollup_reads.channel_group_cells(filters, day, gap_ids, group_first=True)
    channel = InForceKey(Channel, day)
    return (
        channel.join(
            select(ActionReach.audience_group_id, channel.id, func.sum(ActionReach.count)).select_from(
                action_channel
            ),
            action_channel.c.channel_id,
        )
        .join(Action, Action.id == action_channel.c.action_id)
        .join(ActionReach, ActionReach.action_id == Action.id)
        .where(*action_conditions(filters), ActionReach.audience_group_id.in_(gap_ids))
        .group_by(ActionReach.audience_group_id, channel.id)
    )


def opportunity_sums(
    filters: MetricFilters, day: date, group_ids: Any = None, aimed_group_ids: Any = None
) -> tuple[Any, Any]:
    """(group, opportunity key, participants) and (group aimed at, opportunity key, actions) of
    the filtered actions, only of `group_ids` / `aimed_group_ids` when given; each opportunity
    keyed by the edition in force on `day` (item_keys): from the monthly sums when they cover
    the filters. The gaps' suggestions and the Reach page's cells both read them here."""
    if rollup_reads.covers(filters):
        return (
            rollup_reads.group_opportunity_cells(filters, day, group_ids),
            rollup_reads.aimed_cells(filters, day, aimed_group_ids),
        )
    opportunity, aimed_at = InForceKey(Opportunity, day), InForceKey(Opportunity, day)
    reached = [] if group_ids is None else [ActionReach.audience_group_id.in_(group_ids)]
    aimed_only = (
        [] if aimed_group_ids is None else [action_intended_group.c.audience_group_id.in_(aimed_group_ids)]
    )
    by_opportunity = (
        opportunity.join(
            select(ActionReach.audience_group_id, opportunity.id, func.sum(ActionReach.count))
            .select_from(Action)
            .join(ActionReach, ActionReach.action_id == Action.id),
            Action.opportunity_id,
        )
        .where(*action_conditions(filters), *reached)
        .group_by(ActionReach.audience_group_id, opportunity.id)
    )
    aimed = (
        aimed_at.join(
            select(action_intended_group.c.audience_group_id, aimed_at.id, func.count())
            .select_from(Action)
            .join(action_intended_group, action_intended_group.c.action_id == Action.id),
            Action.opportunity_id,
        )
        .where(*action_conditions(filters), *aimed_only)
        .group_by(action_intended_group.c.audience_group_id, aimed_at.id)
    )
    return by_opportunity, aimed


def suggestion_sources(
    session: Session, windows: Sequence[tuple[MetricFilters, list[GroupRepresentation]]]
) -> list[SuggestionSources]:
    """The suggestions' sources of each (filters, gap rows) of `windows`, in one statement
    however many windows there are: the names (the gap groups and the groups close to them,
    the active channels and opportunities), each window's sums and aims, and the tags.
    The channels and opportunities are those of the edition in force at the latest window's
    end, an action of an earlier edition counted under the item with the same code
    (item_keys): else each is suggested once per edition."""
    today = clock.today()
    day = max((as_of_day(filters, today) for filters, _rows in windows), default=today)
    return _read(session, windows, day, with_matrix=False)[0]


def channel_matrix_with_sources(
    session: Session, filters: MetricFilters, rows: list[GroupRepresentation], day: date
) -> tuple[Matrix, SuggestionSources]:
    """`coverage.channel_by_group` of `filters` on `day` and the suggestions' sources of its
    gap `rows` (judged on the same day), in one statement (unchecked: composed in the council
    summary, which checks)."""
    sources, cells, named = _read(session, [(filters, rows)], day, with_matrix=True)
    matrix = dense_matrix(
        cells,
        shown(named["n"], {channel for channel, _group in cells}),
        shown(named["g"], {group for _channel, group in cells}),
        groups_as_columns=True,
    )
    return matrix, sources[0]


MATRIX = "m"  # the channel × group cells of the first window, when a matrix is asked for


def _read(
    session: Session,
    windows: Sequence[tuple[MetricFilters, list[GroupRepresentation]]],
    day: date,
    with_matrix: bool,
) -> tuple[list[SuggestionSources], dict[tuple[int, int], int], dict[str, list[Named]]]:
    """The sources of each window, and with `with_matrix` the first window's channel × group
    cells and every channel's and group's name (`named`, in order, flagged as shown)."""
    wanted = {
        item
        for _filters, rows in windows
        for row in rows
        for item in (row.group.code, *RELATED_GROUPS.get(row.group.code, ()))
    }
    related = select(AudienceGroup.id).where(AudienceGroup.code.in_(wanted))
    # The tags are the programme's, the same in every window: read once. Each window's sums
    # and aims carry its index in their kind ("c0", "o0", "a0", "c1" …); with a matrix, the
    # first window's channel sums are its cells, every group's.
    parts = [
        kinded_pairs(
            "t",
            select(channel_audience.c.audience_group_id, channel_audience.c.channel_id, func.count())
            .where(channel_audience.c.audience_group_id.in_(related))
            .group_by(channel_audience.c.audience_group_id, channel_audience.c.channel_id),
        )
    ]
    for index, (filters, rows) in enumerate(windows):
        gap_ids = {row.group.id for row in rows}
        reached_sums, aimed_sums = opportunity_sums(filters, day, gap_ids, related)
        channel_sums = (
            kinded_pairs(MATRIX, channel_group_cells(filters, day))
            if with_matrix and index == 0
            else kinded_pairs(f"c{index}", _channel_sums(filters, day, gap_ids))
        )
        parts += [
            channel_sums,
            kinded_pairs(f"o{index}", reached_sums),
            kinded_pairs(f"a{index}", aimed_sums),
        ]
    by_channel: list[dict[int, dict[int, int]]] = [
        {row.group.id: {} for row in rows} for _filters, rows in windows
    ]
    by_opportunity: list[dict[int, dict[int, int]]] = [
        {row.group.id: {} for row in rows} for _filters, rows in windows
    ]
    tagged: list[tuple[int, int]] = []
    aimed: list[list[tuple[int, int | None]]] = [[] for _window in windows]
    cells: dict[tuple[int, int], int] = {}
    # The names come in the same statement as every row of their models (label_rows): the
    # groups wanted and the channels and opportunities listed in force are picked here (and
    # every channel and group kept for a matrix).
    batch = union_all(
        label_rows("g", AudienceGroup, day),
        label_rows("n", Channel, day),
        label_rows("p", Opportunity, day),
        *(padded(part) for part in parts),
    ).subquery()
    labels: dict[str, dict[int, Label]] = {"g": {}, "n": {}, "p": {}}
    named: dict[str, list[Named]] = {"g": [], "n": [], "p": []}
    for kind, group_id, code, name_fi, name_en, other, value, _group_kind in session.execute(
        select(batch).order_by(batch.c.kind, batch.c.sort_order, batch.c.id)
    ):
        if kind in labels:
            label = Label(group_id, code, name_fi, name_en)
            named[kind].append(Named(label, bool(value), None))
            if (code in wanted) if kind == "g" else value:
                labels[kind][group_id] = label
            continue
        if kind == "t":
            tagged.append((group_id, other))
        elif kind == MATRIX:
            cells[(group_id, other)] = int(value or 0)
            if other in by_channel[0]:  # a gap group's participants through a channel
                by_channel[0][other][group_id] = int(value or 0)
        elif kind[0] == "c":
            by_channel[int(kind[1:])][group_id][other] = int(value or 0)
        elif kind[0] == "o":
            by_opportunity[int(kind[1:])][group_id][other] = int(value or 0)
        else:
            aimed[int(kind[1:])].append((group_id, other))
    group_ids = {label.code: key for key, label in labels["g"].items()}
    sources = [
        SuggestionSources(
            labels["n"],
            labels["p"],
            group_ids,
            by_channel[index],
            by_opportunity[index],
            tagged,
            aimed[index],
        )
        for index in range(len(windows))
    ]
    return sources, cells, named
