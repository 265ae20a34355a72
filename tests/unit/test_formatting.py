"""Numbers and dates are shown in Finnish form."""

from __future__ import annotations

from datetime import date, datetime

from data_model.formatting import NBSP, fmt_date, fmt_datetime, fmt_decimal, fmt_eur, fmt_int, fmt_pct


def test_thousands_are_grouped_with_a_space() -> None:
    assert fmt_int(17827) == f"17{NBSP}827"
    assert fmt_int(137) == "137"
    assert fmt_int(None) == "–"


def test_decimals_use_a_comma_and_percentages_a_spaced_sign() -> None:
    assert fmt_decimal(1.25, 2) == "1,25"
    assert fmt_pct(0.153) == f"15{NBSP}%"
    assert fmt_pct(0.0146, 1) == f"1,5{NBSP}%"
    assert fmt_eur(1234.5) == f"1{NBSP}234,50{NBSP}€"


def test_dates_are_day_month_year() -> None:
    assert fmt_date(date(2023, 6, 1)) == "1.6.2023"
    assert fmt_datetime(datetime(2026, 11, 28, 9, 5)) == "28.11.2026 klo 09.05"


def test_english_uses_english_separators_and_day_first_dates() -> None:
    # Babel's en_GB: a comma groups thousands, a point marks decimals, no space before %.
    assert fmt_int(17827, lang="en") == "17,827"
    assert fmt_decimal(1.25, 2, lang="en") == "1.25"
    assert fmt_pct(0.0146, 1, lang="en") == "1.5%"
    assert fmt_eur(1234.5, lang="en") == "€1,234.50"
    assert fmt_date(date(2023, 6, 1), lang="en") == "1 Jun 2023"
    assert fmt_datetime(datetime(2026, 11, 28, 9, 5), lang="en") == "28 Nov 2026, 09:05"


def test_english_timestamps_carry_no_finnish_klo() -> None:
    assert "klo" not in fmt_datetime(datetime(2026, 11, 28, 23, 30), lang="en")


def test_an_unknown_language_falls_back_to_finnish() -> None:
    assert fmt_pct(0.153, lang="sv") == f"15{NBSP}%"


def test_whole_numbers_are_written_as_babel_writes_them() -> None:
    # fmt_int writes whole numbers itself (Babel took 0.1 ms a number, thousands per page).
    from babel.numbers import format_decimal

    from data_model.formatting import LOCALES

    values = [*range(-1100, 1100, 7), 9_999, 10_000, 99_999, 123_456, 1_000_000, -9_876_543_210, 10**15]
    for lang, locale in LOCALES.items():
        for value in values:
            assert fmt_int(value, lang=lang) == format_decimal(value, format="#,##0", locale=locale), value
