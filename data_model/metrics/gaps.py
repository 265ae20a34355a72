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

from sqlalchemy.orm import Session

from ..formatting import fmt_pct
from ..i18n import DEFAULT_LANGUAGE, t
from .filters import MetricFilters
from .gap_sources import RELATED_GROUPS, SuggestionSources, suggestion_sources
from .labels import Label
from .reach import YOUTH, GroupRepresentation
from .settings import load_metric_settings

BEST_LIMIT = 3

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


def _sources(session: Session, rows: list[GroupRepresentation], filters: MetricFilters) -> SuggestionSources:
    """The suggestions' sources of one window (`suggestion_sources` of it alone)."""
    return suggestion_sources(session, [(filters, rows)])[0]


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


def gap_rows(
    session: Session, compared: list[GroupRepresentation], threshold: float | None = None
) -> list[GroupRepresentation]:
    """The gaps among the representation rows `compared`, worst first; `threshold` overrides
    the `gap_threshold` setting."""
    limit = load_metric_settings(session).gap_threshold if threshold is None else threshold
    return sorted((row for row in compared if is_gap(row, limit)), key=_severity)


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
    rows = gap_rows(session, compared, threshold)
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
    wanted = [True] * len(windows) if suggest is None else list(suggest)
    rows = [gap_rows(session, compared) for _f, compared in windows]
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
