"""The UI string catalogue. Strings live in `locales/<lang>/<section>.yaml` as flat keys
(`overview.title: …`), one file per page or section so pages do not collide. Finnish is the
default; a key missing in English falls back to Finnish."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
LANGUAGES = ("fi", "en")
DEFAULT_LANGUAGE = "fi"


class MissingTranslation(KeyError):
    """A key that is in no catalogue: a programming error, caught by the tests."""


@cache
def catalogue(lang: str) -> dict[str, str]:
    """All keys of one language, merged from its files; a key defined twice is an error."""
    merged: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.yaml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, text in entries.items():
            if key in merged:
                raise ValueError(f"{path}: key '{key}' is defined twice")
            merged[str(key)] = str(text)
    return merged


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from `values`."""
    text = catalogue(lang).get(key)
    if text is None and lang != DEFAULT_LANGUAGE:
        text = catalogue(DEFAULT_LANGUAGE).get(key)
    if text is None:
        raise MissingTranslation(key)
    return text.format(**values) if values else text


def in_language(lang: str, text_fi: str, text_en: str | None) -> str:
    """Programme content (a name, a duty, a goal) in `lang`. The seed and the coordinator give
    English where they can; where there is none, an English reader gets the Finnish text marked as
    Finnish rather than a Finnish word passing as English."""
    if lang != "en" or not text_fi:
        return text_fi
    if text_en:
        return text_en
    return t("common.in_finnish", lang, text=text_fi)
