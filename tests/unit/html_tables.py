"""The tables of an HTML document read back as the public reads them: caption, each row's
cells, and the tfoot's total row (stdlib html.parser; the export has no nested tables)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class ReadTable:
    caption: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    total: list[str] | None = None


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[ReadTable] = []
        self.part = ""
        self.row: list[str] | None = None
        self.text: list[str] | None = None
        self.in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append(ReadTable())
        elif tag in ("thead", "tbody", "tfoot"):
            self.part = tag
        elif tag == "tr":
            self.row = []
        elif tag in ("th", "td"):
            self.text = []
        elif tag == "caption":
            self.in_caption = True

    def handle_endtag(self, tag: str) -> None:
        table = self.tables[-1] if self.tables else None
        if tag in ("th", "td") and self.row is not None and self.text is not None:
            self.row.append("".join(self.text).strip())
            self.text = None
        elif tag == "tr" and table is not None and self.row is not None:
            if self.part == "thead":
                table.header = self.row
            elif self.part == "tfoot":
                table.total = self.row
            else:
                table.rows.append(self.row)
            self.row = None
        elif tag == "caption":
            self.in_caption = False

    def handle_data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)
        elif self.in_caption and self.tables:
            self.tables[-1].caption += data


def read_tables(html: str) -> list[ReadTable]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def as_count(cell: str, hidden_words: str | tuple[str, ...]) -> int | str | None:
    """A cell as a count: the number, None for the hidden-count words, else the text itself."""
    if cell in ((hidden_words,) if isinstance(hidden_words, str) else hidden_words):
        return None
    digits = cell.replace("\N{NO-BREAK SPACE}", "").replace(" ", "").replace(",", "")
    return int(digits) if digits.isdigit() else cell
