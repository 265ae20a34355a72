"""The rules that what a person typed or a file row held must meet, with a message per field.

Values arrive still loosely typed (a count may be "12", 12.0 or 12), so that every rule lives
here and the form, the import and the services all get the same messages. A message is a
catalogue key with its values (`i18n.Message`, keys `validation.*`), so the page says it in the
reader's language. Nothing is written by anything in this package.

Its parts, by theme:
- `errors`: `ValidationError` and how a check collects one message per field;
- `values`: single values (counts, euros, dates, web addresses, bounded text);
- `actions`: a logged action, every field (`ActionInput` -> `check_action` -> `CleanAction`);
- `reports`: a department's report on a period;
- `users`: a user's e-mail address (the password rules are in `data_model.passwords`);
- `population`: the population figures of a year against each other.
"""

from .actions import FEEDBACK_METHOD_MAX, TITLE_MAX, ActionInput, CleanAction, check_action, validate_action
from .errors import Errors, ValidationError
from .population import population_sum_problem, population_sum_warnings
from .reports import CleanReport, check_report
from .users import check_email
from .values import (
    COST_MAX,
    COUNT_MAX,
    EARLIEST_DATE,
    LONG_TEXT_MAX,
    NUMBER_TEXT_MAX,
    URL_MAX,
    Raw,
    RawDate,
    bounded_text,
    latest_allowed_date,
    money,
    parse_date,
    web_address,
    whole_number,
)

__all__ = [
    "COST_MAX",
    "COUNT_MAX",
    "EARLIEST_DATE",
    "FEEDBACK_METHOD_MAX",
    "LONG_TEXT_MAX",
    "NUMBER_TEXT_MAX",
    "TITLE_MAX",
    "URL_MAX",
    "ActionInput",
    "CleanAction",
    "CleanReport",
    "Errors",
    "Raw",
    "RawDate",
    "ValidationError",
    "bounded_text",
    "check_action",
    "check_email",
    "check_report",
    "latest_allowed_date",
    "money",
    "parse_date",
    "population_sum_problem",
    "population_sum_warnings",
    "validate_action",
    "web_address",
    "whole_number",
]
