"""Numbers and dates in the reader's language, through Babel (CLDR): in Finnish 17 827, 15 %,
1,5 and 2.12.2026 klo 08.43; in English 17,827, 15%, 1.5 and 2 Dec 2026, 08:43.

Every figure a person reads goes through here, so a page, the PDF and the workbook write the
same number the same way. Machine-readable outputs (CSV values, Excel cells) keep raw numbers."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from babel.dates import format_date as _babel_date
from babel.dates import format_time as _babel_time
from babel.numbers import format_currency, format_decimal

from .i18n import DEFAULT_LANGUAGE, t

# Finnish groups thousands with a non-breaking space (CLDR agrees), so a figure never wraps.
NBSP = "\u00a0"

# The UI languages mapped to CLDR locales: British English writes dates day first, as Finland does.
LOCALES = {"fi": "fi_FI", "en": "en_GB"}

# Date and time patterns (CLDR's own medium forms differ between versions and add seconds).
_DATE_PATTERN = {"fi": "d.M.y", "en": "d MMM y"}
_TIME_PATTERN = {"fi": "HH.mm", "en": "HH:mm"}
_DATETIME_JOIN = {"fi": "{date} klo {time}", "en": "{date}, {time}"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES[DEFAULT_LANGUAGE])


def _known(lang: str) -> str:
    return lang if lang in LOCALES else DEFAULT_LANGUAGE


def fmt_int(value: int | None, unknown: str = "–", *, lang: str = DEFAULT_LANGUAGE) -> str:
    """A whole number with thousands grouped: 17 827 / 17,827."""
    if value is None:
        return unknown
    if isinstance(value, int):
        # Babel takes about 0.1 ms a number (it parses the locale and the pattern every
        # time), and a report page writes thousands; a whole number needs only its sign and
        # the grouping, learnt from Babel once per language.
        minus, group = _int_symbols(lang)
        grouped = f"{abs(value):,}".replace(",", group)
        return minus + grouped if value < 0 else grouped
    return format_decimal(value, format="#,##0", locale=_locale(lang))


@cache
def _int_symbols(lang: str) -> tuple[str, str]:
    """The minus sign and the thousands separator Babel writes for `lang`."""
    probe = format_decimal(-1000, format="#,##0", locale=_locale(lang))
    minus = probe[: probe.index("1")]
    return minus, probe[len(minus) + 1 : -3]


def fmt_decimal(
    value: float | None, digits: int = 1, unknown: str = "–", *, lang: str = DEFAULT_LANGUAGE
) -> str:
    """A number with exactly `digits` decimals: 1,5 / 1.5."""
    if value is None:
        return unknown
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=_locale(lang), decimal_quantization=True)


def fmt_pct(share: float | None, digits: int = 0, unknown: str = "–", *, lang: str = DEFAULT_LANGUAGE) -> str:
    """A share 0..1 as a percentage: 0.153 -> '15 %' in Finnish, '15%' in English."""
    if share is None:
        return unknown
    number = fmt_decimal(share * 100, digits, lang=lang)
    return f"{number}{NBSP}%" if _known(lang) == "fi" else f"{number}%"


def fmt_date(value: date | datetime | None, unknown: str = "–", *, lang: str = DEFAULT_LANGUAGE) -> str:
    """A day: 2.12.2026 / 2 Dec 2026."""
    if value is None:
        return unknown
    day = value.date() if isinstance(value, datetime) else value
    return _babel_date(day, _DATE_PATTERN[_known(lang)], locale=_locale(lang))


def fmt_datetime(value: datetime | None, unknown: str = "–", *, lang: str = DEFAULT_LANGUAGE) -> str:
    """A moment already in local time: 2.12.2026 klo 08.43 / 2 Dec 2026, 08:43."""
    if value is None:
        return unknown
    code = _known(lang)
    time_text = _babel_time(value.time(), _TIME_PATTERN[code], locale=_locale(lang))
    return _DATETIME_JOIN[code].format(date=fmt_date(value, lang=lang), time=time_text)


def fmt_eur(value: float | None, unknown: str = "–", *, lang: str = DEFAULT_LANGUAGE) -> str:
    """Euros with cents: 1 234,50 € / €1,234.50."""
    if value is None:
        return unknown
    return format_currency(float(value), "EUR", locale=_locale(lang))


def fmt_count(value: int, noun: str, *, lang: str = DEFAULT_LANGUAGE) -> str:
    """A count with its noun in the right number: '1 toimenpide', '2 toimenpidettä' (Finnish
    takes the singular after 1 and the partitive after any other number). The nouns live in
    the catalogue as `count.<noun>.one` and `count.<noun>.other`, each with `{n}`."""
    form = "one" if value == 1 else "other"
    return t(f"count.{noun}.{form}", lang, n=fmt_int(value, lang=lang))
