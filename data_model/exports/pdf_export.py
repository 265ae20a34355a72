"""The council PDF: a few A4 pages of headings, plain-language paragraphs, chart images and
tables, with the data's source and freshness and page numbers in the footer.

Finnish text needs a Unicode font (å, ä, ö and the dash "–"): DejaVu Sans from Debian's
fonts-dejavu-core is embedded when present. Without it the PDF still builds with the PDF's
built-in Helvetica, and characters outside Latin-1 are replaced by their nearest plain form.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from ..text_safety import clean_text
from .tables import BOOL, DATE, TEXT, Table, as_text

FONT_DIRS = (
    Path(os.environ.get("HEINOLA_PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu")),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/share/fonts/dejavu"),
)
FONT_FAMILY = "DejaVu"
FALLBACK_FAMILY = "helvetica"
# The nearest Latin-1 form of characters Helvetica lacks, for the no-font fallback.
LATIN1_REPLACEMENTS = {
    "–": "-",
    "—": "-",
    "…": "...",
    "€": "EUR",
    "’": "'",
    "‘": "'",
    "“": '"',
    "”": '"',
    "≥": ">=",
    "≤": "<=",
    "\u2009": " ",
}
DARK = (33, 37, 41)
MUTED = (90, 96, 104)
HEADER_FILL = (226, 232, 240)


@dataclass(frozen=True)
class Chart:
    """A chart image and the sentence that gives its numbers in words (also its alt text)."""

    title: str
    png: bytes
    caption: str


@dataclass(frozen=True)
class Section:
    """A heading with its paragraphs, bullet points, notes, charts and tables, in that order."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # cautions, in smaller type after the bullets
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    new_page: bool = False


@dataclass(frozen=True)
class PdfDocument:
    """Everything the PDF shows; `footer` is printed on every page beside the page number."""

    title: str
    subtitle: str
    footer: str
    sections: tuple[Section, ...]
    page_label: str  # "Page {page} / {pages}" in the reader's language
    yes: str
    no: str
    lang: str = "fi"
    created: datetime | None = None
    keywords: tuple[str, ...] = field(default=())


def find_unicode_font() -> tuple[Path, Path] | None:
    """Paths of DejaVu Sans regular and bold, or None when the font is not installed."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


def latin1(text: str) -> str:
    """`text` with characters outside Latin-1 replaced, for the built-in fallback font."""
    for character, replacement in LATIN1_REPLACEMENTS.items():
        text = text.replace(character, replacement)
    return text.encode("latin-1", "replace").decode("latin-1")


class _ReportPdf(FPDF):
    def __init__(self, document: PdfDocument) -> None:
        super().__init__(format="A4")
        self.document = document
        font = find_unicode_font()
        self.unicode = font is not None
        if font is not None:
            self.add_font(FONT_FAMILY, "", str(font[0]))
            self.add_font(FONT_FAMILY, "B", str(font[1]))
            self.family = FONT_FAMILY
        else:
            self.family = FALLBACK_FAMILY
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 16, 18)

    def text_of(self, text: str) -> str:
        text = clean_text(text)
        return text if self.unicode else latin1(text)

    def use(self, size: float, bold: bool = False, colour: tuple[int, int, int] = DARK) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*colour)

    def footer(self) -> None:
        self.set_y(-13)
        self.use(8, colour=MUTED)
        label = self.document.page_label.format(page=self.page_no(), pages="{nb}")
        self.cell(self.epw * 0.75, 6, self.text_of(self.document.footer), align="L")
        self.cell(self.epw * 0.25, 6, self.text_of(label), align="R")


TABLE_FONT_SIZES = (8.0, 7.5, 7.0, 6.5, 6.0)  # a wide table gets smaller type before words break
CELL_PADDING = 1.2
WRAP_SLACK = 1.0  # mm: fpdf breaks a word that only just fits
LONG_TEXT_WIDTH = 70.0  # mm: past this a text column wraps rather than taking more room


def _tokens(text: str, kind: str) -> list[str]:
    """What must stay on one line: a word of text; a whole number, date or share."""
    return text.split() if kind in (TEXT, BOOL) else [text]


def _column_widths(
    pdf: _ReportPdf, table: Table, size: float, yes: str, no: str
) -> tuple[list[float], float]:
    """Widths in mm at font `size`: each column at least as wide as its widest unbreakable
    token (a heading word in bold, a word, a date, a number), the rest of the page shared out
    by how much longer each column's text is, so no word or date is cut mid-token. Returns
    the widths and how much room the unbreakable tokens alone need."""
    extra = 2 * CELL_PADDING + WRAP_SLACK
    minimum: list[float] = []
    wanted: list[float] = []
    for index, column in enumerate(table.columns):
        texts = [
            pdf.text_of(as_text(row[index], column.kind, yes, no, pdf.document.lang)) for row in table.rows
        ]
        pdf.use(size, bold=True)
        heading_words = [pdf.get_string_width(word) for word in pdf.text_of(column.header).split()]
        pdf.use(size)
        value_words = [pdf.get_string_width(token) for text in texts for token in _tokens(text, column.kind)]
        longest = max((pdf.get_string_width(text) for text in texts), default=0.0)
        needed = max([*heading_words, *value_words, 0.0]) + extra
        minimum.append(needed)
        wanted.append(max(needed, min(longest + extra, LONG_TEXT_WIDTH)))
    room = pdf.epw
    if sum(wanted) <= room:
        scale = room / sum(wanted)
        return [width * scale for width in wanted], sum(minimum)
    spare = max(room - sum(minimum), 0.0)
    stretch = sum(want - least for want, least in zip(wanted, minimum, strict=True)) or 1.0
    widths = [least + spare * (want - least) / stretch for want, least in zip(wanted, minimum, strict=True)]
    return widths, sum(minimum)


def _fitting_widths(pdf: _ReportPdf, table: Table, yes: str, no: str) -> tuple[float, list[float]]:
    """The largest table font size at which every unbreakable token fits, and its widths."""
    for size in TABLE_FONT_SIZES:
        widths, needed = _column_widths(pdf, table, size, yes, no)
        if needed <= pdf.epw:
            return size, widths
    return size, widths  # nothing fits: the smallest size breaks the fewest tokens


def _draw_table(pdf: _ReportPdf, table: Table, yes: str, no: str) -> None:
    pdf.use(10.5, bold=True)
    pdf.multi_cell(0, 6, pdf.text_of(table.title), new_x="LMARGIN", new_y="NEXT", align="L")
    if table.note:
        pdf.use(8.5, colour=MUTED)
        pdf.multi_cell(0, 4.5, pdf.text_of(table.note), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(1)
    size, widths = _fitting_widths(pdf, table, yes, no)
    pdf.use(size)
    aligns = tuple("LEFT" if column.kind in (TEXT, BOOL, DATE) else "RIGHT" for column in table.columns)
    with pdf.table(
        col_widths=widths,
        text_align=aligns,
        line_height=size * 0.575,
        padding=CELL_PADDING,
        headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL),
        repeat_headings=1,
        width=pdf.epw,
    ) as drawn:
        header = drawn.row()
        for heading in table.headers:
            header.cell(pdf.text_of(heading))
        for values in table.rows:
            row = drawn.row()
            for value, column in zip(values, table.columns, strict=True):
                row.cell(pdf.text_of(as_text(value, column.kind, yes, no, pdf.document.lang)))
    pdf.ln(4)


def _draw_chart(pdf: _ReportPdf, chart: Chart) -> None:
    pdf.use(10.5, bold=True)
    pdf.multi_cell(0, 6, pdf.text_of(chart.title), new_x="LMARGIN", new_y="NEXT", align="L")
    width = pdf.epw * 0.85
    pdf.image(io.BytesIO(chart.png), x=pdf.l_margin, w=width, alt_text=pdf.text_of(chart.caption))
    pdf.use(8.5, colour=MUTED)
    pdf.multi_cell(0, 4.5, pdf.text_of(chart.caption), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(3)


def _draw_section(pdf: _ReportPdf, section: Section, yes: str, no: str) -> None:
    if section.new_page:
        pdf.add_page()
    pdf.use(14, bold=True)
    pdf.multi_cell(0, 8, pdf.text_of(section.heading), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(1)
    pdf.use(10)
    for paragraph in section.paragraphs:
        pdf.multi_cell(0, 5.2, pdf.text_of(paragraph), new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(2)
    for bullet in section.bullets:
        pdf.set_x(pdf.l_margin + 3)
        pdf.multi_cell(pdf.epw - 3, 5.2, pdf.text_of(f"• {bullet}"), new_x="LMARGIN", new_y="NEXT", align="L")
    if section.bullets:
        pdf.ln(2)
    for note in section.notes:
        pdf.use(9, colour=MUTED)
        pdf.multi_cell(0, 4.8, pdf.text_of(note), new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(1)
    for chart in section.charts:
        _draw_chart(pdf, chart)
    for table in section.tables:
        _draw_table(pdf, table, yes, no)
    pdf.ln(2)


def pdf_bytes(document: PdfDocument) -> bytes:
    """The document laid out on A4 pages, as PDF bytes."""
    pdf = _ReportPdf(document)
    pdf.set_title(pdf.text_of(document.title))
    pdf.set_subject(pdf.text_of(document.subtitle))
    pdf.set_lang(document.lang)
    pdf.set_creator("Osallistuva Heinola")
    if document.keywords:
        pdf.set_keywords(pdf.text_of(", ".join(document.keywords)))
    if document.created is not None:
        pdf.set_creation_date(document.created)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.use(20, bold=True)
    pdf.multi_cell(0, 10, pdf.text_of(document.title), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.use(11, colour=MUTED)
    pdf.multi_cell(0, 6, pdf.text_of(document.subtitle), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(4)
    for section in document.sections:
        _draw_section(pdf, section, document.yes, document.no)
    return bytes(pdf.output())
