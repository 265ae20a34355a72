"""The two cautions that go with representation figures, decided and worded once for the
pages, the council page, the PDF and the workbook.

* **Estimate**: a group's population figure is an estimate, not a statistic, so its
  representation is indicative.
* **Too few**: a group has participants, but fewer than the `small_count` setting; a group with
  none is a gap of its own (see gaps.py), not a small count.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import DEFAULT_LANGUAGE, t
from .reach import GroupRepresentation


@dataclass(frozen=True)
class Cautions:
    """The caution sentences for a set of compared groups; None where it does not apply."""

    estimate: str | None
    too_few: str | None

    def sentences(self) -> tuple[str, ...]:
        return tuple(text for text in (self.estimate, self.too_few) if text)


def representation_cautions(rows: list[GroupRepresentation], lang: str = DEFAULT_LANGUAGE) -> Cautions:
    """Which groups' figures rest on an estimate or on too few participants, in words."""
    estimated = [row.group.name(lang) for row in rows if row.estimate]
    few = [row for row in rows if row.too_few]
    return Cautions(
        estimate=t("metrics.caution.estimate", lang, groups=", ".join(estimated)) if estimated else None,
        too_few=(
            t(
                "metrics.caution.too_few",
                lang,
                limit=few[0].small_count_limit,
                groups=", ".join(row.group.name(lang) for row in few),
            )
            if few
            else None
        ),
    )
