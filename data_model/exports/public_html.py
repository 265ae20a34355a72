"""The public view as one static, self-contained HTML file the city's website can host
(`python -m data_model public-html --out FILE`, and the coordinator's download on the page).

Accessible by construction: `<html lang>`, one h1 then h2/h3 in order, every table with a
caption and column headers (`scope`), the total in a `tfoot`, links with their own text, no
script, no external asset (the few style rules are inline). Every text is escaped. Built from
exports.public_sections, which the page draws too, so the file holds what the page shows.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from ..formatting import fmt_date
from ..i18n import t
from ..metrics.public_view import public_summary
from .public_sections import Entry, Section, TextTable, public_sections

# Inlined into the file: the website hosts one file, with no stylesheet beside it.
STYLE = Path(__file__).with_name("public_view.css").read_text(encoding="utf-8")
# The document around the sections ($-placeholders; the style's braces stay as they are).
DOCUMENT = Template(Path(__file__).with_name("public_view.html").read_text(encoding="utf-8"))


def _cell(tag: str, text: str, number: bool, scope: str = "") -> str:
    attributes = (f' scope="{scope}"' if scope else "") + (' class="n"' if number else "")
    return f"<{tag}{attributes}>{escape(text)}</{tag}>"


def table_html(table: TextTable) -> str:
    """One table: caption, column headers, a row header per row, the total in a tfoot."""
    number = table.numeric
    head = "".join(_cell("th", text, number and index > 0, "col") for index, text in enumerate(table.header))
    rows = "".join(
        "<tr>"
        + _cell("th", row[0], False, "row")
        + "".join(_cell("td", text, number) for text in row[1:])
        + "</tr>"
        for row in table.rows
    )
    foot = ""
    if table.total is not None:
        cells = _cell("th", table.total[0], False, "row") + "".join(
            _cell("td", x, True) for x in table.total[1:]
        )
        foot = f"<tfoot><tr>{cells}</tr></tfoot>"
    return (
        f"<table><caption>{escape(table.caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody>{foot}</table>"
    )


def safe_link(url: str) -> str:
    """The address when it is a web address (http or https), else "" (no javascript: links)."""
    return url if urlsplit(url).scheme in ("http", "https") else ""


def entry_html(entry: Entry) -> str:
    """A list item, with its link when it has a web address."""
    link = safe_link(entry.url)
    text = escape(entry.text)
    if link:
        text += f' <a href="{escape(link, quote=True)}">{escape(entry.link_text or link)}</a>'
    return f"<li>{text}</li>"


def section_html(section: Section) -> str:
    """One section: heading, paragraphs, tables, list."""
    level = section.level
    parts = [f'<h{level} id="{escape(section.key, quote=True)}">{escape(section.heading)}</h{level}>']
    parts += [f"<p>{escape(text)}</p>" for text in section.paragraphs]
    parts += [table_html(table) for table in section.tables]
    if section.entries:
        parts.append("<ul>" + "".join(entry_html(entry) for entry in section.entries) + "</ul>")
    return "\n".join(parts)


def public_html(session: Session, year: int | None, today: date, lang: str) -> str:
    """The whole public view of `year` (None: the latest with actions) as one HTML document.
    Like metrics.public_view.public_summary, it takes no user: it holds only what the public
    may read."""
    summary = public_summary(session, year, today)
    sections = public_sections(summary, lang)
    body = "\n".join(section_html(section) for section in sections)
    title = t("public.title", lang)
    made = t("public.made", lang, date=fmt_date(today, lang=lang))
    return DOCUMENT.substitute(
        lang=escape(lang, quote=True),
        title=escape(title),
        style=STYLE,
        lead=escape(t("public.lead", lang, year=summary.year)),
        body=body,
        made=escape(made),
    )


def write_public_html(session: Session, out: Path, year: int | None, today: date, lang: str) -> Path:
    """Write `public_html` to `out` (UTF-8) and return the path."""
    out.write_text(public_html(session, year, today, lang), encoding="utf-8")
    return out
