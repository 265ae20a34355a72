"""The labels of a figure's rows and columns read in the figure's own statement.

A matrix or list shows the active rows (of the edition in force, for programme items) and any
other row that has figures. Reading the labels apart costs a statement per model; instead each
model's rows come as SELECTs with the figure's, in one UNION ALL of the same columns, told apart
by a `kind` column, and which are shown is decided here once the figures are known.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Boolean, Integer, String, cast, literal, null, select

from ..models import AudienceGroup
from .item_keys import listed_in_force
from .labels import Label


@dataclass(frozen=True)
class Named:
    """A row's label, whether it is shown without figures, and an audience group's kind."""

    label: Label
    active: bool
    group_kind: str | None


def label_rows(kind: str, model: Any, day: date) -> Any:
    """(kind, id, code, name_fi, name_en, sort_order, flag, group_kind) of every row of `model`;
    the flag says whether it is shown without figures (active, of the edition in force on `day`)."""
    active = model.active if hasattr(model, "active") else literal(True, Boolean)
    if hasattr(model, "edition_id"):  # a programme item: shown by default if the edition in force's
        active = listed_in_force(model, day)
    group_kind = model.kind if model is AudienceGroup else cast(null(), String)
    return select(
        literal(kind).label("kind"),
        model.id,
        model.code,
        model.name_fi,
        model.name_en,
        model.sort_order,
        cast(active, Integer).label("flag"),
        group_kind.label("group_kind"),
    )


def padded(statement: Any) -> Any:
    """(kind, a, b, figure) rows in the labels' columns: a as the id, b as the sort order, the
    figure as the flag."""
    kind, first, second, value = statement.selected_columns
    empty = cast(null(), String)
    return statement.with_only_columns(kind, first, empty, empty, empty, second, value, empty)


def shown(named: list[Named], used: set[int]) -> tuple[Label, ...]:
    """The active rows, and inactive ones that have figures."""
    return tuple(item.label for item in named if item.active or item.label.id in used)
