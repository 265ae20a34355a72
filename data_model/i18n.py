"""The UI string catalogue. Strings live in `locales/<lang>/<section>.yaml` as flat keys
(`overview.title: …`), one file per page or section so pages do not collide. Finnish is the
default; a key missing in English falls back to Finnish.

What data_model has to tell a person (a refused value, a missing right, a conflict) is a
`Message`: a key and its values, rendered in the reader's language only by the page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
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


def _shown(value: object, lang: str) -> object:
    """A message's value as the reader's language writes it: nested messages, counts, dates."""
    from .formatting import fmt_count, fmt_date, fmt_decimal, fmt_int, fmt_pct  # formatting reads this module

    if isinstance(value, Counted):
        return fmt_count(value.n, value.noun, lang=lang)
    if isinstance(value, Percent):
        return fmt_pct(value.share, value.digits, lang=lang)
    if isinstance(value, Decimals):
        return fmt_decimal(value.value, value.digits, lang=lang)
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, Named):
        return in_language(lang, value.fi, value.en)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        # Finnish running text groups digits only from five up: 5000 merkkiä, 10 000 000.
        return str(value) if lang != "en" and abs(value) < 10_000 else fmt_int(value, lang=lang)
    if isinstance(value, float):
        return fmt_decimal(value, len(f"{value:g}".partition(".")[2]), lang=lang)
    if isinstance(value, date):
        return fmt_date(value, lang=lang)
    return value


@dataclass(frozen=True)
class Percent:
    """A share 0..1 as a message value, shown as a percentage: 15 % / 15%."""

    share: float | None
    digits: int = 0


@dataclass(frozen=True)
class Counted:
    """A count with its noun as a message value, in the right number: '1 toimenpide', '2
    toimenpidettä' (`formatting.fmt_count`; the noun is a `count.<noun>.*` key)."""

    n: int
    noun: str


@dataclass(frozen=True)
class Decimals:
    """A number shown with exactly `digits` decimals in the reader's form: 3,83 / 3.83."""

    value: float | None
    digits: int = 1


@dataclass(frozen=True)
class Named:
    """A name stored in both languages (a group, a department): a message value shown as
    `in_language` shows programme content."""

    fi: str
    en: str = ""


@dataclass(frozen=True)
class Message:
    """Something to tell a person, as a catalogue key and its values. data_model decides what
    to say without knowing who reads it; the page renders it in the reader's language. The
    values may be messages themselves (rendered in the same language), counts or dates."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The message in `lang` (Finnish by default, as logs and the command line show it)."""
        return t(self.key, lang, **{name: _shown(value, lang) for name, value in self.params})

    def __str__(self) -> str:
        return self.text()


def msg(key: str, **params: object) -> Message:
    """A message for `key` with its placeholder values: `msg("validation.too_long", maximum=200)`."""
    return Message(key, tuple(params.items()))


class MessageError(Exception):
    """An error whose words are a `Message`: str() is Finnish, a page shows `message.text(lang)`."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text())
        self.message = message
