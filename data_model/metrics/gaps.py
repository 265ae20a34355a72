"""Gaps: the groups the logged actions miss, in words, and what could close each gap.

A group compared with the population (see reach.py) is a **gap** when its representation
index is under the `gap_threshold` setting (default 0.5) or it has no recorded participants in
the period. A group with no population figure, or a population of 0, cannot be a gap.
Worst first: no reach at all, then the lowest index; a larger group first on ties.

For each gap, what could close it:
* `target_channels`: channels whose target groups (the programme's channel table) include the
  group or a group close to it (RELATED_GROUPS: e.g. Wilma reaches pupils, so young people);
* `target_opportunities`: catalogue opportunities meant for the group, by the programme
  (OPPORTUNITY_TARGETS) or because logged actions using them were aimed at it;
* `best_channels` / `best_opportunities`: those whose logged actions reached the group most.
  An action that used two channels counts its participants for both.

Every count behind a suggestion (and the actions aimed at a group) follows the same filters as
the gap itself: with a year chosen, a channel is credited only with that year's participants.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, Select, cast, func, literal, select, union_all
from sqlalchemy.orm import Session

from .. import clock
from ..formatting import fmt_pct
from ..i18n import DEFAULT_LANGUAGE, t
from ..models import Action, ActionReach, AudienceGroup, Channel, Opportunity
from ..models.actions import action_channel, action_intended_group
from ..models.programme import channel_audience
from . import rollup_reads
from .filters import MetricFilters, action_conditions, as_of_day
from .item_keys import InForceKey
from .label_rows import label_rows, padded
from .labels import Label
from .reach import YOUTH, GroupRepresentation
from .settings import load_metric_settings

BEST_LIMIT = 3

# Groups whose channels also reach the gap's group (codes from audience_groups.yaml).
RELATED_GROUPS: dict[str, tuple[str, ...]] = {
    "children_0_14": ("pupils_guardians",),
    YOUTH: ("pupils_guardians",),
    "older_65_74": ("older_people",),
    "older_75_plus": ("older_people",),
}

# Catalogue opportunities the programme names for a group (codes from opportunities.yaml).
OPPORTUNITY_TARGETS: dict[str, tuple[str, ...]] = {
    "children_0_14": ("lapsi_nuorisoparlamentti", "vaikutusten_arviointi"),
    YOUTH: ("lapsi_nuorisoparlamentti", "nuorisovaltuusto", "nuorten_toiveet_nuoriso_ohjaajille"),
    "older_65_74": ("vammais_vanhusneuvosto",),
    "older_75_plus": ("vammais_vanhusneuvosto",),
}


@dataclass(frozen=True)
class Suggestion:
    """A channel or opportunity that could reach a group; `reached` = the group's participants
    in logged actions that used it (0 when none yet)."""

    item: Label
    reached: int


@dataclass(frozen=True)
class Gap:
    """A group the actions miss, with its figures, its sentence and what could close it."""

    row: GroupRepresentation
    sentence: str
    target_channels: tuple[Suggestion, ...]
    target_opportunities: tuple[Suggestion, ...]
    best_channels: tuple[Suggestion, ...]
    best_opportunities: tuple[Suggestion, ...]

    @property
    def group(self) -> Label:
        return self.row.group

    @property
    def no_reach(self) -> bool:
        return self.row.participants == 0

    @property
    def small_count(self) -> bool:
        return self.row.small_count

    @property
    def estimate(self) -> bool:
        return self.row.estimate


def is_gap(row: GroupRepresentation, threshold: float) -> bool:
    """No recorded participants, or an index under the threshold; never without population."""
    if not row.population_share:
        return False
    return row.participants == 0 or (row.index is not None and row.index < threshold)


def gap_sentence(row: GroupRepresentation, lang: str = DEFAULT_LANGUAGE) -> str:
    """ "Nuoret (15–29 v): 1 % osallistujista, 16 % väestöstä" in `lang`."""
    name = row.group.name(lang)
    population_share = fmt_pct(row.population_share, lang=lang)
    if row.participants == 0:
        return t("metrics.gap.no_reach", lang, group=name, population_share=population_share)
    return t(
        "metrics.gap.sentence",
        lang,
        group=name,
        share=fmt_pct(row.participant_share, lang=lang),
        population_share=population_share,
    )


def gap_notes(gap: Gap, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The cautions that go with a gap's sentence: a small count, an estimated population."""
    notes = []
    if gap.row.too_few:
        notes.append(t("metrics.note.small_count", lang, limit=gap.row.small_count_limit))
    if gap.estimate:
        notes.append(t("metrics.note.estimate", lang))
    return notes


def _best(found: dict[int, int], labels: dict[int, Label]) -> tuple[Suggestion, ...]:
    ranked = sorted(
        ((count, key) for key, count in found.items() if count > 0 and key in labels), reverse=True
    )
    return tuple(Suggestion(labels[key], count) for count, key in ranked[:BEST_LIMIT])


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


def _sources(session: Session, rows: list[GroupRepresentation], filters: MetricFilters) -> SuggestionSources:
    """The suggestions' sources of one window (`suggestion_sources` of it alone)."""
    return suggestion_sources(session, [(filters, rows)])[0]


def suggestion_sources(
    session: Session, windows: Sequence[tuple[MetricFilters, list[GroupRepresentation]]]
) -> list[SuggestionSources]:
    """The suggestions' sources of each (filters, gap rows) of `windows`, in one statement
    however many windows there are: the names (the gap groups and the groups close to them,
    the active channels and opportunities), each window's sums and aims, and the tags."""
    wanted = {
        item
        for _filters, rows in windows
        for row in rows
        for item in (row.group.code, *RELATED_GROUPS.get(row.group.code, ()))
    }
    # The channels and opportunities of the edition in force at the latest window's end, an
    # action of an earlier edition counted under the item with the same code (item_keys):
    # else each is suggested once per edition.
    today = clock.today()
    day = max((as_of_day(filters, today) for filters, _rows in windows), default=today)
    related = select(AudienceGroup.id).where(AudienceGroup.code.in_(wanted))
    # The tags are the programme's, the same in every window: read once. Each window's sums
    # and aims carry its index in their kind ("c0", "o0", "a0", "c1" …).
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
        parts += [
            kinded_pairs(f"c{index}", _channel_sums(filters, day, gap_ids)),
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
    # The names come in the same statement as every row of their models (label_rows): the
    # groups wanted and the channels and opportunities listed in force are picked here.
    batch = union_all(
        label_rows("g", AudienceGroup, day),
        label_rows("n", Channel, day),
        label_rows("p", Opportunity, day),
        *(padded(part) for part in parts),
    ).subquery()
    labels: dict[str, dict[int, Label]] = {"g": {}, "n": {}, "p": {}}
    for kind, group_id, code, name_fi, name_en, other, value, _group_kind in session.execute(
        select(batch).order_by(batch.c.kind, batch.c.sort_order, batch.c.id)
    ):
        if kind in labels:
            if (code in wanted) if kind == "g" else value:
                labels[kind][group_id] = Label(group_id, code, name_fi, name_en)
            continue
        if kind == "t":
            tagged.append((group_id, other))
            continue
        index = int(kind[1:])
        if kind[0] == "c":
            by_channel[index][group_id][other] = int(value or 0)
        elif kind[0] == "o":
            by_opportunity[index][group_id][other] = int(value or 0)
        else:
            aimed[index].append((group_id, other))
    group_ids = {label.code: key for key, label in labels["g"].items()}
    return [
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


def suggestions_from(
    rows: list[GroupRepresentation], sources: SuggestionSources
) -> dict[int, dict[str, tuple[Suggestion, ...]]]:
    """What could close each gap, per gap group id, picked from `sources` (read by the gaps
    themselves, or by a page that reads the same sums for its own tables)."""
    result = {}
    for row in rows:
        ids = {
            sources.group_ids[code]
            for code in (row.group.code, *RELATED_GROUPS.get(row.group.code, ()))
            if code in sources.group_ids
        }
        tagged = {channel_id for group_id, channel_id in sources.tagged if group_id in ids}
        targets = OPPORTUNITY_TARGETS.get(row.group.code, ())
        meant = {opportunity_id for group_id, opportunity_id in sources.aimed if group_id in ids}
        meant |= {key for key, label in sources.opportunities.items() if label.code in targets}
        reached_channels = sources.by_channel.get(row.group.id, {})
        reached_opportunities = sources.by_opportunity.get(row.group.id, {})
        result[row.group.id] = {
            "target_channels": tuple(
                Suggestion(label, reached_channels.get(key, 0))
                for key, label in sources.channels.items()
                if key in tagged
            ),
            "target_opportunities": tuple(
                Suggestion(label, reached_opportunities.get(key, 0))
                for key, label in sources.opportunities.items()
                if key in meant
            ),
            "best_channels": _best(reached_channels, sources.channels),
            "best_opportunities": _best(reached_opportunities, sources.opportunities),
        }
    return result


def _severity(row: GroupRepresentation) -> tuple[float, float]:
    return (row.index or 0.0, -(row.population_share or 0.0))


def gaps_among(
    session: Session,
    filters: MetricFilters,
    compared: list[GroupRepresentation],
    lang: str = DEFAULT_LANGUAGE,
    threshold: float | None = None,
    with_suggestions: bool = True,
    sources: SuggestionSources | None = None,
) -> list[Gap]:
    """The gaps among the representation rows of `filters`, already computed, worst first, each
    with its sentence in `lang` and (unless `with_suggestions` is False, for a page that does
    not show them) suggestions, picked from `sources` when the caller has read them; `threshold` overrides the `gap_threshold` setting. A building
    block: pages get the gaps from `report_figures`, which checks."""
    limit = load_metric_settings(session).gap_threshold if threshold is None else threshold
    rows = sorted((row for row in compared if is_gap(row, limit)), key=_severity)
    if not with_suggestions or not rows:
        return [Gap(row, gap_sentence(row, lang), (), (), (), ()) for row in rows]
    suggestions = suggestions_from(rows, sources if sources is not None else _sources(session, rows, filters))
    return [Gap(row=row, sentence=gap_sentence(row, lang), **suggestions[row.group.id]) for row in rows]


def gaps_among_windows(
    session: Session,
    windows: Sequence[tuple[MetricFilters, list[GroupRepresentation]]],
    lang: str = DEFAULT_LANGUAGE,
    suggest: Sequence[bool] | None = None,
) -> list[list[Gap]]:
    """`gaps_among` of each (filters, representation rows) of `windows`, their suggestions read
    together (`suggestion_sources`: two statements for all of them); `suggest` says per window
    whether it wants suggestions (default: every window)."""
    limit = load_metric_settings(session).gap_threshold
    wanted = [True] * len(windows) if suggest is None else list(suggest)
    rows = [
        sorted((row for row in compared if is_gap(row, limit)), key=_severity) for _f, compared in windows
    ]
    asked = [index for index, found in enumerate(rows) if wanted[index] and found]
    read = suggestion_sources(session, [(windows[index][0], rows[index]) for index in asked]) if asked else []
    picked = {
        index: suggestions_from(rows[index], sources) for index, sources in zip(asked, read, strict=True)
    }
    return [
        [
            Gap(row=row, sentence=gap_sentence(row, lang), **picked[index][row.group.id])
            if index in picked
            else Gap(row, gap_sentence(row, lang), (), (), (), ())
            for row in found
        ]
        for index, found in enumerate(rows)
    ]
