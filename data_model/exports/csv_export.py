"""The actions of a period as CSV that opens correctly in a Finnish Excel by double-click.

Choices, for the Finnish Excel a council member has:
- `;` between fields: Finnish Excel uses the decimal comma, so it expects semicolons;
- UTF-8 with a byte-order mark, without which Excel reads ä and ö as two odd characters;
- decimals with a comma (`12,50`), dates as ISO `2025-03-14` (Excel reads them as dates in
  every locale), yes/no as the reader's words (`kyllä`/`ei`, `yes`/`no`), unknown as empty;
- every text field through `safe_text`, so a title starting with `=` cannot run as a formula.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal

from .. import clock
from .safe import Cell, safe_text
from .tables import Table

DELIMITER = ";"
ENCODING = "utf-8-sig"


def _field(value: Cell, yes: str, no: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes if value else no
    if isinstance(value, datetime):
        return clock.stored_iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float | Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, int):
        return str(value)
    return safe_text(value)


def table_csv(table: Table, yes: str, no: str) -> bytes:
    """`table` as CSV bytes: header row, then one row per record; booleans as `yes`/`no`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([safe_text(header) for header in table.headers])
    for row in table.rows:
        writer.writerow([_field(value, yes, no) for value in row])
    return buffer.getvalue().encode(ENCODING)
