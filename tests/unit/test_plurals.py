"""One plural helper: a count is written with its noun in the right number ('1 toimenpide',
'2 toimenpidettä'), never as a catalogue text with the partitive built in ('1 toimenpidettä')."""

from __future__ import annotations

import re
from datetime import date

import pytest

from data_model.exports.council_sentences import overview_sentences, statutory_sentences
from data_model.exports.council_summary import PeriodFigures
from data_model.exports.periods import period_from_key
from data_model.formatting import fmt_count
from data_model.i18n import LANGUAGES, catalogue, t
from data_model.metrics.catalogue import CatalogueUsage
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


# What may follow a placeholder in a Finnish text: words that read the same after 1 as after 2
# (case forms other than the partitive, adverbs, verbs, particles). A count with a noun goes
# through fmt_count (or i18n.Counted) and its placeholder stands for both; a word not in this
# list after a placeholder is a fixed noun that gets 1 or 2 wrong, unless it is listed below.
NUMBERLESS = {
    "%", "%-yks", "→", "/", "·", "×", "–", "—", "Jakso", "aikana", "Tilastokeskuksen", "ajallaan", "ajan", "alkaen",
    "ei", "ennen", "eri", "erääntymässä", "ikäryhmien", "ja", "jaksolla", "kehittämistoimesta",
    "kk", "kuukauden", "kuukauteen", "käyttämättä", "käytti", "käytössä", "laskettu", "liikaa",
    "mennessä", "myöhässä", "olisivat", "on", "osallistujan", "osallistujasta", "osallistujista",
    "puuttuvat", "suunnittelu-", "tai", "tiedot", "toimelta", "toimen", "toimenpiteen", "toimessa",
    "tavoitteesta", "väestöluvuista", "väestöstä",
}  # fmt: skip
# Fixed nouns that stay, and why they are never read after 1.
FIXED_NOUN_REASONS = {
    "maximum": "a limit set in code (characters, bytes, rows), never 1",
    "minimum": "a limit set in code (characters), never 1",
    "metrics.caution.too_few:limit": "'alle N osallistujaa' takes the partitive after any number",
    "metrics.note.small_count:limit": "'alle N osallistujaa' takes the partitive after any number",
    "overview.open.oldest:shown": "said only when more loops are open than the list's length",
    "initiative.voters.setting:threshold": "2 % of the town's voters: hundreds, never 1",
    "initiative.voters.estimate:threshold": "2 % of the town's voters: hundreds, never 1",
}
PLACEHOLDER_WORD = re.compile(r"\{(\w+)\}\**\s+([^\s{}.,:;()*]+)")


def test_every_word_after_a_placeholder_reads_the_same_after_one_and_two() -> None:
    """The whole class of '1 toimenpidettä': no fixed noun after a count anywhere in Finnish."""
    found = [
        f"{key}: {{{name}}} {word}"
        for key, text in catalogue("fi").items()
        if not key.startswith("count.")
        for name, word in PLACEHOLDER_WORD.findall(text)
        if word not in NUMBERLESS
        and name not in FIXED_NOUN_REASONS
        and f"{key}:{name}" not in FIXED_NOUN_REASONS
    ]
    assert found == [], "write the count with fmt_count (a count.<noun> pair), or list the word"


def test_the_home_page_summary_counts_in_the_right_number() -> None:
    """'1 osallisuuden muotoa', '1 askelmerkkiä': the home page's nouns were fixed."""
    text = t(
        "home.summary",
        forms=fmt_count(1, "form"),
        statutory=fmt_count(1, "statutory_right"),
        partly=fmt_count(2, "partly_statutory_right"),
        principles=fmt_count(1, "principle"),
        measures=fmt_count(9, "step"),
        actors=fmt_count(1, "actor"),
        duties=fmt_count(1, "duty"),
        population="17 827",
        year=2024,
    )
    assert text.startswith(
        "Ohjelmassa on 1 osallisuuden muoto ja 1 lakisääteinen osallistumisoikeus ja 2 osin "
        "lakisääteistä osallistumisoikeutta; 1 kehittämisen periaate ja 9 askelmerkkiä; 1 vastuutaho ja 1 tehtävä."
    )


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


# What may follow a placeholder in an English text: words that read the same after 1 as after 2
# (prepositions, conjunctions, symbols, participles, adjectives). A plural noun ('{months}
# months') or a verb that agrees with the count ('{decided} were decided') is wrong after 1:
# write the count with fmt_count (a count.<noun> pair), or put it after a colon.
NUMBERLESS_EN = {
    "%", "→", "/", "·", "×", "–", "—", "Period", "add", "after", "and", "arrived", "as", "away", "before",
    "by", "cannot", "due", "from", "in", "is", "not", "of", "oldest", "on", "open", "or",
    "overdue", "pp", "summed", "too", "unused", "up", "used", "with", "would",
}  # fmt: skip
# Placeholders that hold a name, an id, a year or a share, never a count: the verb after them
# agrees with the thing named ('User {username} was added', 'The details of {username} were').
NOT_COUNTS = {"id", "username", "name", "year", "basis", "share", "population_share", "low"}
FIXED_NOUN_REASONS_EN = {
    "initiative.voters.setting:count": "the town's voters: thousands, never 1",
    "initiative.voters.estimate:count": "the town's voters: thousands, never 1",
}


def test_every_word_after_a_placeholder_reads_the_same_after_one_and_two_in_english() -> None:
    """'Unused for 1 months', '1 actions have no participant total': the English class."""
    found = [
        f"{key}: {{{name}}} {word}"
        for key, text in catalogue("en").items()
        if not key.startswith("count.")
        for name, word in PLACEHOLDER_WORD.findall(text)
        if word not in NUMBERLESS_EN
        and name not in NOT_COUNTS
        and name not in FIXED_NOUN_REASONS
        and f"{key}:{name}" not in FIXED_NOUN_REASONS
        and f"{key}:{name}" not in FIXED_NOUN_REASONS_EN
    ]
    assert found == [], "write the count with fmt_count (a count.<noun> pair), or list the word"


def test_a_one_month_window_is_one_month_in_english_and_finnish() -> None:
    """The coordinator may set the 'unused' window to 1 month: 'the last 1 months' was wrong."""
    window = CatalogueUsage(forms=(), unused_months=1, since=date(2026, 11, 1))
    assert statutory_sentences(window, "en") == (
        "Every statutory participation opportunity has been used in the last 1 month.",
    )
    assert "viimeisen 1 kuukauden aikana" in statutory_sentences(window, "fi")[0]
    twelve = CatalogueUsage(forms=(), unused_months=12, since=date(2025, 12, 1))
    assert "in the last 12 months." in statutory_sentences(twelve, "en")[0]
    assert "viimeisen 12 kuukauden aikana" in statutory_sentences(twelve, "fi")[0]
