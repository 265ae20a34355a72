"""The Reach & gaps page's figures, read in one session with one statement per kind of data.

The page shows the representation and its gaps with what could close them, the special
groups, three coverage matrices, the unused opportunities, the idle measures and the trends.
Read one by one, each figure read its own labels and thresholds and ran its own GROUP BY (34
statements on a cold render). Here the labels of every row and column are one statement, the
per-pair sums behind the matrices, the special groups and the gap suggestions are one
statement (one GROUP BY per figure, sent together), and the thresholds are read once: on a
page, in the script run's first statement (data_model.run_reads, handed to the session); read
without them, with the labels and sums.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, Select, String, cast, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from ..i18n import DEFAULT_LANGUAGE
from ..models import Action, ActionReach, AudienceGroup, Channel, Department, Opportunity, ParticipationForm
from ..models.programme import channel_audience
from ..permissions import CurrentUser, require_read
from . import rollup_reads
from .coverage import (
    Matrix,
    UnusedOpportunity,
    channel_group_cells,
    dense_matrix,
    department_form_cells,
    department_group_cells,
    unused_opportunities,
)
from .filters import MetricFilters, action_conditions
from .gap_sources import SuggestionSources, kinded_pairs, opportunity_sums
from .gaps import gaps_among
from .label_rows import Named, label_rows, padded, shown
from .labels import Label
from .measures import measures_without_actions
from .reach import AGE, TAG_ONLY_GROUPS, GroupReach, reach_figures
from .report_figures import ReportFigures
from .settings import MetricSettings, kept_metric_settings, remember_metric_settings, settings_rows
from .trends import QuarterTrend, quarterly_trends

# The kinds of rows of the two batched statements.
DEPARTMENTS, FORMS, CHANNELS, GROUPS, OPPORTUNITIES = "d", "f", "c", "g", "o"
DEPARTMENT_FORM, CHANNEL_GROUP, DEPARTMENT_GROUP = "df", "cg", "dg"
GROUP_SUM, GROUP_ROWS, GROUP_OPPORTUNITY, AIMED, TAGGED = "gs", "gn", "go", "ai", "tg"
SETTINGS = "st"
LABEL_KINDS = (DEPARTMENTS, FORMS, CHANNELS, GROUPS, OPPORTUNITIES)


@dataclass(frozen=True)
class ReachPageFigures:
    """Everything the Reach & gaps page shows but the actions list (read on demand)."""

    report: ReportFigures
    settings: MetricSettings
    special: list[GroupReach]
    department_form: Matrix
    channel_group: Matrix
    department_group: Matrix
    unused: list[UnusedOpportunity]
    idle_measures: list[Label]
    trends: list[QuarterTrend]


def _per_group_rows(filters: MetricFilters) -> tuple[Any, Any]:
    """(group id, None, participants) and (group id, None, reach rows) of the filtered actions:
    from the monthly sums when they cover the filters."""
    if rollup_reads.covers(filters):
        return rollup_reads.per_group(filters, "participants"), rollup_reads.per_group(filters, "actions")
    reach = (
        select(ActionReach.audience_group_id, null(), func.sum(ActionReach.count))
        .join(Action, Action.id == ActionReach.action_id)
        .where(*action_conditions(filters))
        .group_by(ActionReach.audience_group_id)
    )
    rows_per_group = (
        select(ActionReach.audience_group_id, null(), func.count(ActionReach.action_id))
        .join(Action, Action.id == ActionReach.action_id)
        .where(*action_conditions(filters))
        .group_by(ActionReach.audience_group_id)
    )
    return reach, rows_per_group


def _cell_rows(filters: MetricFilters, day: date) -> list[Any]:
    """The per-pair figures of the filtered actions, one SELECT per kind (see the kinds above);
    channels and opportunities keyed by the edition in force on `day` (item_keys)."""
    reach, rows_per_group = _per_group_rows(filters)
    by_opportunity, aimed = opportunity_sums(filters, day)
    tagged = select(
        channel_audience.c.audience_group_id, channel_audience.c.channel_id, func.count()
    ).group_by(channel_audience.c.audience_group_id, channel_audience.c.channel_id)
    return [
        kinded_pairs(DEPARTMENT_FORM, department_form_cells(filters)),
        kinded_pairs(CHANNEL_GROUP, channel_group_cells(filters, day)),
        kinded_pairs(DEPARTMENT_GROUP, department_group_cells(filters)),
        kinded_pairs(GROUP_SUM, reach),
        kinded_pairs(GROUP_ROWS, rows_per_group),
        kinded_pairs(GROUP_OPPORTUNITY, by_opportunity),
        kinded_pairs(AIMED, aimed),
        kinded_pairs(TAGGED, tagged),
    ]


@dataclass(frozen=True)
class _PageRows:
    labels: dict[str, list[Named]]
    cells: dict[str, dict[tuple[int, int | None], int]]
    settings: dict[str, str]


def _thresholds_rows() -> Select[Any]:
    """The thresholds' stored values as rows of the page's statement (kind SETTINGS, the key
    as the code and the value as the Finnish name)."""
    key, value = settings_rows().selected_columns
    empty = cast(null(), String)
    number = cast(null(), Integer)
    return settings_rows().with_only_columns(
        literal(SETTINGS).label("kind"), number, key, value, empty, number, number, empty
    )


def _page_rows(session: Session, filters: MetricFilters, day: date, with_thresholds: bool) -> _PageRows:
    """Every department, form, channel, group and opportunity in sort order, the per-pair
    figures and, `with_thresholds`, the thresholds' stored values: one statement, rows told
    apart by their kind."""
    rows = union_all(
        label_rows(DEPARTMENTS, Department, day),
        label_rows(FORMS, ParticipationForm, day),
        label_rows(CHANNELS, Channel, day),
        label_rows(GROUPS, AudienceGroup, day),
        label_rows(OPPORTUNITIES, Opportunity, day),
        *(padded(statement) for statement in _cell_rows(filters, day)),
        *([_thresholds_rows()] if with_thresholds else []),
    ).subquery()
    found = _PageRows(defaultdict(list), defaultdict(dict), {})
    for kind, key_, code, name_fi, name_en, order, flag, group_kind in session.execute(
        select(rows).order_by(rows.c.kind, rows.c.sort_order, rows.c.id)
    ):
        if kind == SETTINGS:
            found.settings[code] = name_fi
        elif kind in LABEL_KINDS:
            found.labels[kind].append(Named(Label(key_, code, name_fi, name_en), bool(flag), group_kind))
        else:
            found.cells[kind][(key_, order)] = int(flag or 0)
    return found


def _matrix(
    cells: dict[tuple[int, int | None], int], rows: list[Named], columns: list[Named], groups: bool
) -> Matrix:
    dense = {(row, column): value for (row, column), value in cells.items() if column is not None}
    return dense_matrix(
        dense,
        shown(rows, {row for row, _ in dense}),
        shown(columns, {column for _, column in dense}),
        groups_as_columns=groups,
    )


def _per_group(cells: dict[tuple[int, int | None], int], swap: bool = False) -> dict[int, dict[int, int]]:
    found: dict[int, dict[int, int]] = defaultdict(dict)
    for (first, second), value in cells.items():
        group, other = (second, first) if swap else (first, second)
        if group is not None and other is not None:
            found[group][other] = value
    return found


def reach_page_figures(
    session: Session,
    user: CurrentUser | None,
    filters: MetricFilters,
    as_of: date,
    lang: str = DEFAULT_LANGUAGE,
) -> ReachPageFigures:
    """The Reach & gaps page's figures for `filters`; unused opportunities judged on `as_of`."""
    require_read(user, "summary.read")
    # A page's session holds the thresholds its script run read first; a session without them
    # reads them with the labels and sums, before any figure asks for them.
    handed = kept_metric_settings(session)
    page_rows = _page_rows(session, filters, as_of, with_thresholds=handed is None)
    settings = handed if handed is not None else remember_metric_settings(session, page_rows.settings)
    labels, cells = page_rows.labels, page_rows.cells
    reach = reach_figures(session, filters)
    active = {kind: [item for item in items if item.active] for kind, items in labels.items()}
    sources = SuggestionSources(
        channels={item.label.id: item.label for item in active[CHANNELS]},
        opportunities={item.label.id: item.label for item in active[OPPORTUNITIES]},
        group_ids={item.label.code: item.label.id for item in labels[GROUPS]},
        by_channel=_per_group(cells[CHANNEL_GROUP], swap=True),
        by_opportunity=_per_group(cells[GROUP_OPPORTUNITY]),
        tagged=[(group, channel) for group, channel in cells[TAGGED] if channel is not None],
        aimed=list(cells[AIMED]),
    )
    gaps = gaps_among(session, filters, reach.representation, lang, sources=sources)
    special = [
        GroupReach(
            item.label,
            item.group_kind or "",
            cells[GROUP_SUM].get((item.label.id, None), 0),
            cells[GROUP_ROWS].get((item.label.id, None), 0),
        )
        for item in active[GROUPS]
        if item.group_kind != AGE and item.label.code not in TAG_ONLY_GROUPS
    ]
    return ReachPageFigures(
        report=ReportFigures(reach.totals, reach.representation, reach.score, gaps),
        settings=settings,
        special=special,
        department_form=_matrix(cells[DEPARTMENT_FORM], labels[DEPARTMENTS], labels[FORMS], False),
        channel_group=_matrix(cells[CHANNEL_GROUP], labels[CHANNELS], labels[GROUPS], True),
        department_group=_matrix(cells[DEPARTMENT_GROUP], labels[DEPARTMENTS], labels[GROUPS], True),
        unused=unused_opportunities(session, user, filters, as_of),
        idle_measures=measures_without_actions(session, user, filters),
        trends=quarterly_trends(session, user, filters),
    )
