"""A user's contact details; the password rules live in `data_model.passwords`."""

from __future__ import annotations

import re

from ..i18n import Message, msg
from ..text_safety import clean_text

EMAIL_MAX = 200  # the column's length
# name@domain.tld: a domain of dot-separated labels ending in a top-level domain of letters.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")


def check_email(value: str) -> tuple[str, Message | None]:
    """An e-mail address with a domain (nimi@heinola.fi) or empty, cleaned; and the message
    when it is neither."""
    text = clean_text(str(value or "")).strip()
    if text and (len(text) > EMAIL_MAX or not EMAIL_PATTERN.match(text)):
        return text, msg("validation.email")
    return text, None
