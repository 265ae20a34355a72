"""Single values as typed or read from a cell: counts, euros, dates, web addresses and text,
each cleaned into its stored type or refused with the message shown beside its field."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from urllib.parse import urlparse

from .. import clock
from ..i18n import Message, msg
from ..text_safety import clean_text
from .errors import Invalid

# A value as it arrives from a widget or a spreadsheet cell.
Raw = str | int | float | Decimal | None
RawDate = date | str | None

EARLIEST_DATE = date(2000, 1, 1)
FUTURE_YEARS = 2
LONG_TEXT_MAX = 5000
URL_MAX = 500
COST_MAX = Decimal("9999999999.99")  # what Numeric(12, 2) holds
# Far above any one action's participants, and inside a 32-bit INTEGER column.
COUNT_MAX = 10_000_000
# A number typed or read from a cell is short: a longer one (1e1000000 spelt out, or a
# 100,000-digit string) is refused before Decimal, float or int ever convert it.
NUMBER_TEXT_MAX = 40


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def whole_number(value: Raw) -> int | None:
    """A count: a whole number ≥ 0, or None when left empty (unknown)."""
    if value is None or _is_blank(value):
        return None
    if isinstance(value, bool):
        raise Invalid(msg("validation.whole_number"))
    if isinstance(value, str):
        number = _decimal(value, msg("validation.whole_number_example"))
    elif isinstance(value, float):
        if value != value:  # NaN: an empty cell in a data_editor table
            return None
        number = Decimal(str(value))
    elif isinstance(value, int | Decimal):
        number = Decimal(value)
    else:
        raise Invalid(msg("validation.whole_number_example"))
    if not number.is_finite():
        raise Invalid(msg("validation.whole_number_example"))
    if number < 0:
        raise Invalid(msg("validation.negative_number"))
    # Compared while still a Decimal: int() of 1e1000000 would take the process for minutes.
    if number > COUNT_MAX:
        raise Invalid(msg("validation.number_too_large", maximum=COUNT_MAX))
    if number != number.to_integral_value():
        raise Invalid(msg("validation.no_decimals"))
    return int(number)


def _decimal(value: object, message: Message) -> Decimal:
    """A number from text, refusing long text before converting it."""
    text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace("€", "").replace(",", ".")
    if len(text) > NUMBER_TEXT_MAX:
        raise Invalid(message)
    try:
        return Decimal(text)
    except InvalidOperation:
        raise Invalid(message) from None


def parse_date(value: RawDate) -> date | None:
    """A date from a date, an ISO string (2023-06-01) or Finnish form (1.6.2023)."""
    if _is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if "." in text:
            day, month, year = (int(part) for part in text.rstrip(".").split("."))
            return date(year, month, day)
        return date.fromisoformat(text[:10])
    except ValueError:
        raise Invalid(msg("validation.date_format")) from None


def latest_allowed_date(today: date | None = None) -> date:
    """The last date accepted: two years ahead, so planned actions can be logged."""
    today = today or clock.today()
    try:
        return today.replace(year=today.year + FUTURE_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year + FUTURE_YEARS, day=28)


def date_in_range(value: RawDate, today: date) -> date | None:
    """A date (see `parse_date`) between EARLIEST_DATE and `latest_allowed_date(today)`."""
    parsed = parse_date(value)
    latest = latest_allowed_date(today)
    if parsed is not None and not (EARLIEST_DATE <= parsed <= latest):
        raise Invalid(msg("validation.date_range", earliest=EARLIEST_DATE, latest=latest))
    return parsed


def number_between(value: Raw, low: int, high: int) -> float | None:
    """A number from `low` to `high` (a score, a percentage; decimals allowed, a decimal comma
    too), or None when left empty."""
    if _is_blank(value) or (isinstance(value, float) and value != value):
        return None
    message = msg("validation.number_between", low=low, high=high)
    if isinstance(value, bool):
        raise Invalid(message)
    number = _decimal(value, message)
    if not number.is_finite() or not (low <= number <= high):
        raise Invalid(message)
    return float(number)


def money(value: Raw) -> Decimal | None:
    """Euros ≥ 0 with at most two decimals, or None when left empty."""
    if _is_blank(value):
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, bool):
        raise Invalid(msg("validation.money"))
    amount = _decimal(value, msg("validation.money"))
    if not amount.is_finite():
        raise Invalid(msg("validation.money"))
    if amount < 0:
        raise Invalid(msg("validation.negative_cost"))
    # Before quantize: 1e30 has more digits than Decimal's context and would raise there.
    if amount > COST_MAX:
        raise Invalid(msg("validation.money_too_large"))
    if amount != amount.quantize(Decimal("0.01")):
        raise Invalid(msg("validation.money_decimals"))
    return amount.quantize(Decimal("0.01"))


def web_address(value: str) -> str:
    """An http(s) address or an empty string."""
    text = clean_text(value or "").strip()
    if not text:
        return ""
    if len(text) > URL_MAX:
        raise Invalid(msg("validation.url_too_long", maximum=URL_MAX))
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or any(c.isspace() for c in text):
        raise Invalid(msg("validation.url_scheme"))
    return text


def bounded_text(value: str, maximum: int, minimum: int = 0) -> str:
    """Text stripped of surrounding space and of unsafe characters, within its length bounds."""
    text = clean_text(value if isinstance(value, str) else str(value or "")).strip()
    if len(text) > maximum:
        raise Invalid(msg("validation.text_too_long", maximum=maximum, length=len(text)))
    if len(text) < minimum:
        raise Invalid(msg("validation.text_too_short", minimum=minimum))
    return text
