"""Read what a programme page shows, as plain text, for the AppTest page tests."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

_ESCAPED = re.compile(r"\\(.)")


def shown_text(at: AppTest) -> str:
    """Every text the page drew (headings, markdown, text, captions, table cells, expanders),
    with markdown escapes removed so it compares with the stored text."""
    parts: list[str] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "text",
        "caption",
        "info",
        "warning",
        "error",
        "success",
    ):
        parts.extend(str(element.value) for element in getattr(at, kind))
    parts.extend(str(element.label) for element in at.expander)
    for frame in [*at.dataframe, *at.table]:
        data = frame.value
        parts.extend(str(column) for column in data.columns)
        parts.extend(str(cell) for cell in data.to_numpy().ravel())
    return _ESCAPED.sub(r"\1", "\n".join(parts))
