"""The public view's disclosure rule, in one place for the page and the HTML export.

* **Small counts**: any count under `SMALL_COUNT` (5), zero included, is shown as "alle 5"
  ("fewer than 5"), never as a number.
* **Complementary suppression**: in a table whose total is the sum of its rows, a hidden row
  could be read back as the total minus the rows shown. Whenever rows are hidden and the total
  is shown, so many more rows are hidden (the smallest first) that the hidden rows together
  hold at least `SMALL_COUNT`; then the total minus any set of the rows shown is never under
  it. A total under `SMALL_COUNT` is hidden itself. A row hidden only to protect another is
  said as "piilotettu" ("withheld"), not "alle 5": it is not under 5, and the page says why.

A table without a total (its rows overlap: an action may have several forms) hides each row
on its own: there is nothing to subtract from. Shares of a hidden count are never shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .formatting import fmt_int
from .i18n import DEFAULT_LANGUAGE, in_language, t

SMALL_COUNT = 5


@dataclass(frozen=True)
class Shown:
    """A count as the public may see it: `value` None when it is hidden; `protects` when it is
    hidden not for being small but so that a small one cannot be worked out from the total."""

    value: int | None
    protects: bool = False

    @property
    def hidden(self) -> bool:
        return self.value is None

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The number, "alle 5" / "fewer than 5" when it is small, or "piilotettu" / "withheld"
        when it is hidden to protect a small one."""
        if self.value is None and self.protects:
            return t("public.withheld", lang)
        if self.value is None:
            return t("public.fewer_than", lang, limit=fmt_int(SMALL_COUNT, lang=lang))
        return fmt_int(self.value, lang=lang)


@dataclass(frozen=True)
class PublicRow:
    """One row of a public table: its name in both languages and its count as shown."""

    code: str
    name_fi: str
    name_en: str
    count: Shown

    def name(self, lang: str) -> str:
        return in_language(lang, self.name_fi, self.name_en)


@dataclass(frozen=True)
class PublicTable:
    """Rows and, when the rows add up to it, their total (None: the rows overlap, no total)."""

    rows: tuple[PublicRow, ...]
    total: Shown | None


def disclose(count: int) -> Shown:
    """One count on its own: hidden under SMALL_COUNT."""
    return Shown(None if count < SMALL_COUNT else count)


def disclose_parts(parts: Sequence[int], total: int | None) -> tuple[tuple[Shown, ...], Shown | None]:
    """The rows and total of one table, suppressed as the module docstring says. `total`
    must be the sum of `parts` (a table of overlapping rows passes None)."""
    if total is None:
        return tuple(disclose(part) for part in parts), None
    if total != sum(parts):
        raise ValueError("a public table's total must be the sum of its rows")
    if total < SMALL_COUNT:
        return tuple(Shown(None) for _ in parts), Shown(None)
    small = {index for index, part in enumerate(parts) if part < SMALL_COUNT}
    hidden = set(small)
    # The smallest rows shown go next: they say least about the rest.
    candidates = sorted((part, index) for index, part in enumerate(parts) if index not in hidden)
    while hidden and sum(parts[index] for index in hidden) < SMALL_COUNT:
        hidden.add(candidates.pop(0)[1])
    return tuple(
        Shown(part) if index not in hidden else Shown(None, protects=index not in small)
        for index, part in enumerate(parts)
    ), Shown(total)


def public_table(named: Sequence[tuple[str, str, str, int]], with_total: bool) -> PublicTable:
    """A table from (code, name_fi, name_en, count) rows, suppressed; a total only when the
    rows add up to it (`with_total`)."""
    counts = [count for *_, count in named]
    shown, total = disclose_parts(counts, sum(counts) if with_total else None)
    return PublicTable(
        tuple(PublicRow(code, fi, en, value) for (code, fi, en, _), value in zip(named, shown, strict=True)),
        total,
    )
