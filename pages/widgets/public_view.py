"""Drawing the public view's sections (data_model.exports.public_sections): the same tables
the static HTML export holds, drawn as that HTML (captions, header cells, the total in a
tfoot), so the page and the file cannot drift apart."""

from __future__ import annotations

import streamlit as st

from data_model.exports.public_html import safe_link, table_html
from data_model.exports.public_sections import Section

from .markdown import plain


def draw_sections(sections: list[Section]) -> None:
    """Each section's heading, paragraphs, tables and linked entries, every text escaped."""
    for section in sections:
        if section.level == 2:
            st.header(plain(section.heading), divider=False, anchor=section.key)
        else:
            st.subheader(plain(section.heading), divider=False, anchor=section.key.replace(".", "-"))
        for paragraph in section.paragraphs:
            st.markdown(plain(paragraph))
        for table in section.tables:
            st.html(table_html(table))
        if section.entries:
            lines = []
            for entry in section.entries:
                link = safe_link(entry.url)
                # Parentheses and spaces would end a markdown link early: encoded, the same address.
                target = link.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
                suffix = f" [{plain(entry.link_text)}]({target})" if link else ""
                lines.append(f"- {plain(entry.text)}{suffix}")
            st.markdown("\n".join(lines))
