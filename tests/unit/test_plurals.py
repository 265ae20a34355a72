"""One plural helper: a count is written with its noun in the right number ('1 toimenpide',
'2 toimenpidettä'), never as a catalogue text with the partitive built in ('1 toimenpidettä')."""

from __future__ import annotations

import re

import pytest

from data_model.exports.council_summary import PeriodFigures, overview_sentences
from data_model.exports.periods import period_from_key
from data_model.formatting import fmt_count
from data_model.i18n import LANGUAGES, catalogue
from data_model.metrics.feedback import FeedbackLoop
from data_model.metrics.reach import ReachTotals

# Nouns that have a counted form in the catalogue: the partitive (Finnish) after a placeholder
# means a sentence writes the count itself and gets 1 wrong.
PARTITIVES = re.compile(
    r"\{\w+\}\**\s+(toimenpidettä|osallisuustoimenpidettä|toimenpideriviä|virhettä|aukkoa|"
    r"palautesilmukkaa|päivää|tehtävää|merkintää)\b"
)


def test_counts_take_the_right_number() -> None:
    assert fmt_count(1, "action") == "1 toimenpide"
    assert fmt_count(2, "action") == "2 toimenpidettä"
    assert fmt_count(0, "gap") == "0 aukkoa"
    assert fmt_count(1, "entry", lang="en") == "1 entry"
    assert fmt_count(1200, "day") == "1\u00a0200 päivää"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_counted_noun_has_both_forms(lang: str) -> None:
    texts = catalogue(lang)
    nouns = {key.split(".")[1] for key in texts if key.startswith("count.")}
    assert nouns and all({f"count.{n}.one", f"count.{n}.other"} <= set(texts) for n in nouns)


def test_no_catalogue_text_writes_a_count_with_a_fixed_partitive() -> None:
    found = [
        f"{key}: {m.group(0)}"
        for key, text in catalogue("fi").items()
        if not key.startswith("count.")  # the counted forms themselves
        for m in PARTITIVES.finditer(text)
    ]
    assert found == []


def test_one_action_in_the_council_summary_is_singular() -> None:
    period = period_from_key("2025")
    figures = PeriodFigures(
        totals=ReachTotals(
            actions=1,
            actions_with_total=1,
            actions_without_total=0,
            participants_total=12,
            age_denominator=0,
            age_recorded=0,
            actions_with_age=0,
            departments_active=1,
        ),
        representation=[],
        score=None,
        gaps=[],
        feedback=FeedbackLoop(
            actions=0, with_feedback=0, open_loop_days=90, open_loop_count=0, open_loops=()
        ),
        unused=[],
        measures=[],
    )
    sentence = overview_sentences(period, figures, period.end, "fi")[0]
    assert "1 osallisuustoimenpide," in sentence and "toimenpidettä" not in sentence
