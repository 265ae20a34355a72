"""The cautions that go with representation figures and survey results, decided and worded
once for the pages, the council page, the PDF and the workbook.

* **Estimate**: a group's population figure is an estimate, not a statistic, so its
  representation is indicative.
* **Too few**: a group has participants, but fewer than the `small_count` setting; a group with
  none is a gap of its own (see gaps.py), not a small count.
* **Small sample**: a survey result on the experience of participation rests on fewer than 30
  respondents (metrics/experience.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..formatting import fmt_count
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


# A survey result resting on fewer respondents than this is flagged: a handful of answers
# moves a score 0–100 by more than any change worth reporting.
SMALL_SAMPLE_RESPONDENTS = 30


def small_sample(respondents: int) -> bool:
    """Whether a survey result rests on too few respondents to conclude from."""
    return respondents < SMALL_SAMPLE_RESPONDENTS


def sample_caution(respondents: int, lang: str = DEFAULT_LANGUAGE) -> str | None:
    """The small-sample caution for a result of `respondents` answers, or None."""
    if not small_sample(respondents):
        return None
    return t(
        "metrics.caution.small_sample",
        lang,
        n=fmt_count(respondents, "respondent", lang=lang),
        limit=SMALL_SAMPLE_RESPONDENTS,
    )
