"""Characters that break documents or mislead a reader, taken out of text in one place.

- Control characters (NUL, \\x01 … except tab and newline): PostgreSQL refuses NUL in text,
  openpyxl refuses the rest (IllegalCharacterError), and none of them means anything to a
  reader.
- Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what a
  reader sees ("exe.txt" shown as "txt.exe"), in the app and in an exported CSV.
- Lone surrogates: not encodable as UTF-8, so no database or file can store them.

Input is cleaned before it is validated and saved; exports clean again, for text stored
before this rule existed.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` with line ends as \\n and no control, bidi-override or surrogate characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNSAFE.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def has_unsafe_characters(text: str) -> bool:
    """True when `clean_text` would change more than line ends."""
    return bool(_UNSAFE.search(text) or _SURROGATE.search(text))
