"""Every UI text the code asks for exists in Finnish and in English, and they hold the same keys."""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

import pytest

from data_model.i18n import LANGUAGES, MissingTranslation, catalogue, t

ROOT = Path(__file__).resolve().parents[2]
# tr("key") and t("key", …) with a literal key; f-string keys are checked where they are built.
LITERAL_KEY = re.compile(r"""\b(?:tr|t)\(\s*["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")


def _used_keys() -> set[str]:
    keys: set[str] = set()
    for path in [ROOT / "app.py", *ROOT.glob("pages/**/*.py"), *ROOT.glob("data_model/**/*.py")]:
        keys.update(LITERAL_KEY.findall(path.read_text(encoding="utf-8")))
    return keys


def test_every_literal_key_in_the_code_exists_in_finnish() -> None:
    missing = sorted(_used_keys() - set(catalogue("fi")))
    assert missing == []


def test_finnish_and_english_hold_the_same_keys() -> None:
    finnish, english = set(catalogue("fi")), set(catalogue("en"))
    assert sorted(finnish - english) == []
    assert sorted(english - finnish) == []


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_both_languages_fill_the_same_placeholders() -> None:
    finnish, english = catalogue("fi"), catalogue("en")
    differ = {
        key: (_placeholders(finnish[key]), _placeholders(english[key]))
        for key in finnish.keys() & english.keys()
        if _placeholders(finnish[key]) != _placeholders(english[key])
    }
    assert differ == {}


def test_every_page_of_the_navigation_has_a_title_in_both_languages() -> None:
    from data_model.permissions import PAGES

    for lang in LANGUAGES:
        for key in PAGES:
            assert t(f"page.{key}", lang)


def test_placeholders_are_filled_and_unknown_keys_fail_loudly() -> None:
    assert "17" in t("app.freshness", "fi", when="17.11.2026")
    with pytest.raises(MissingTranslation):
        t("no.such.key")
