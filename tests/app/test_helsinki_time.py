"""Every timestamp a person sees is Helsinki time: a change stored at 23.30 UTC on 2 December
is shown on 3 December at 01.30, on the pages and in the PDF, the workbook and the CSV."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date, datetime

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.db import session_factory, transaction
from data_model.exports.documents import build_excel, build_pdf
from data_model.permissions import CurrentUser
from data_model.services.reports import submit_department_report
from tests.audit_times import move_every_change_to
from tests.unit.action_inputs import department_id

LATE_UTC = datetime(2026, 12, 2, 23, 30)
SHOWN = "3.12.2026 klo 01.30"
TODAY = date(2026, 12, 3)


def _change_at_half_past_eleven_utc(engine: Engine, head: CurrentUser) -> None:
    """A report filed, and every audit entry (so the last change) moved to 23.30 UTC."""
    with transaction(engine) as session:
        report = submit_department_report(
            session,
            head,
            department_id(session, "hyvinvointi"),
            date(2025, 1, 1),
            date(2025, 6, 30),
            "Kevään kuulemiset toteutuivat suunnitellusti.",
        )
        report.submitted_at = LATE_UTC
        move_every_change_to(session, LATE_UTC)


def _texts(at: AppTest) -> str:
    return " ".join(
        str(element.value) for kind in ("caption", "markdown", "text") for element in getattr(at, kind)
    )


def test_pages_show_the_change_in_helsinki_time(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    _change_at_half_past_eleven_utc(app_engine, role_users["department_head"])
    overview = open_app("koordinaattori", page="pages/reports/overview.py")
    assert SHOWN in _texts(overview)  # the freshness line
    reports = open_app("koordinaattori", page="pages/manage/reports.py")
    table = reports.dataframe[0].value
    submitted = table[table.iloc[:, 0] == "Hyvinvointitoimiala"].iloc[0, 2]
    assert submitted == SHOWN
    council = open_app("valtuutettu", page="pages/reports/council.py")
    assert SHOWN in _texts(council)
    audit = open_app("koordinaattori", page="pages/manage/audit.py")
    assert SHOWN in audit.dataframe[0].value.iloc[:, 0].tolist()


def test_documents_show_the_change_in_helsinki_time(
    app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    _change_at_half_past_eleven_utc(app_engine, role_users["department_head"])
    with session_factory(app_engine)() as session:
        reader = role_users["council"]
        pdf = build_pdf(session, reader, "2025", TODAY).data
        workbook = load_workbook(io.BytesIO(build_excel(session, reader, "2025", TODAY).data))
    text = re.sub(r"\s+", "", "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    assert re.sub(r"\s+", "", SHOWN) in text
    cells = " ".join(
        str(cell)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    )
    assert SHOWN in cells
