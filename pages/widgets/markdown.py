"""Text typed in the app, made safe to place where Streamlit renders markdown.

Headings, expander labels, st.error, st.table cells and st.markdown all read markdown, so a
coordinator's "**" or "![x](…)" in a name would render for every viewer. Every page escapes such
text with `plain`, the one copy of the rule.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: str) -> str:
    """`text` with every markdown character escaped, so it shows exactly as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
