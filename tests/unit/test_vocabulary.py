"""One vocabulary: each coded thing (a status, a format, a cadence …) has one family of
catalogue keys, `term.<concept>.<code>`, read by every page, form and export."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from data_model.i18n import LANGUAGES, catalogue, t
from data_model.metrics.reporting import STATUSES
from data_model.models.choices import CADENCES, EVIDENCE, FORMATS, QUADRANTS, STATUTORY

CONCEPTS = {
    "status": STATUSES,
    "format": FORMATS,
    "statutory": STATUTORY,
    "cadence": CADENCES,
    "evidence": EVIDENCE,
    "quadrant": QUADRANTS,
}
ROOT = Path(__file__).resolve().parents[2]


def _families_naming(codes: tuple[str, ...], lang: str) -> set[str]:
    """Key prefixes under which at least all but one of `codes` have a plain name (a text with
    no placeholders: sentences such as 'Myöhässä – {actor}' are not names)."""
    named: dict[str, set[str]] = {}
    for key, text in catalogue(lang).items():
        prefix, _, code = key.rpartition(".")
        if code in codes and "{" not in text:
            named.setdefault(prefix, set()).add(code)
    return {prefix for prefix, found in named.items() if len(found) >= max(2, len(codes) - 1)}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("concept", CONCEPTS)
def test_each_code_has_one_name_everywhere(concept: str, lang: str) -> None:
    codes = CONCEPTS[concept]
    assert _families_naming(codes, lang) == {f"term.{concept}"}
    assert all(t(f"term.{concept}.{code}", lang) for code in codes)


def test_no_page_or_export_names_a_code_outside_the_vocabulary() -> None:
    """A key built from a status/format/statutory code reads `term.…`, never a page's own copy."""
    pattern = re.compile(r"""["'](\w+(?:\.\w+)*)\.\{[^}]*\.(status|format|statutory|cadence|quadrant)\}""")
    offenders = []
    for path in [*ROOT.glob("pages/**/*.py"), *ROOT.glob("data_model/**/*.py")]:
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            if match.group(1) != f"term.{match.group(2)}" and match.group(1) != "term":
                offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert offenders == []


def test_the_reach_balance_has_one_name() -> None:
    """The same figure was 'Tasapuolisuus' on the reach page and 'Tavoittavuuden tasapaino' in
    the council exports."""
    for lang in LANGUAGES:
        texts = [key for key, text in catalogue(lang).items() if "tasapaino" in text.lower()]
        assert texts == []
    assert "council.key.score" not in catalogue("fi")
