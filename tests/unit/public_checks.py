"""Checks shared by the public view's tests (the reader and the HTML export): no count under
5 shown, and none derivable as a total minus any set of the rows shown beside it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from data_model.disclosure import SMALL_COUNT


def derivable(parts: Sequence[int | None], total: int | None) -> Iterator[int]:
    """Every number a reader can compute from one table: each row and the total shown, and
    the total minus every set of the rows shown (None = shown as "fewer than 5")."""
    shown = [part for part in parts if part is not None]
    yield from shown
    if total is None:
        return
    yield total
    for size in range(1, len(shown) + 1):
        for chosen in combinations(shown, size):
            yield total - sum(chosen)


def small_derivable(parts: Sequence[int | None], total: int | None) -> list[int]:
    """The derivable numbers under SMALL_COUNT; a table that holds none passes. A total equal
    to the rows shown derives nothing hidden (nothing is hidden)."""
    hidden_any = any(part is None for part in parts)
    return [
        value
        for value in derivable(parts, total)
        if value < SMALL_COUNT and not (value == 0 and not hidden_any and total is not None)
    ]
