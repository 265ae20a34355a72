"""The targets in the council summary, its PDF and its workbook: read back, they say what
`target_progress` says, as of the period's last day."""

from __future__ import annotations

import io
import re
from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.exports.council_summary import build_council_summary
from data_model.exports.documents import build_excel, build_pdf
from data_model.metrics.targets import target_progress, value_text
from data_model.services.targets import record_target
from data_model.target_rules import TargetInput
from tests.factories import READER, create_role_users
from tests.metrics_data import add_action

TODAY = date(2026, 11, 28)
PERIOD = "2025"  # judged on 31.12.2025


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_targets_are_in_the_summary_the_pdf_and_the_workbook(engine: Engine) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    with transaction(engine) as session:
        for month in range(1, 13):
            add_action(session, "hyvinvointi", f"Toimi {month}", date(2025, month, 5), forms=["tieto"])
        record_target(
            session,
            coordinator,
            TargetInput(
                figure="actions_logged",
                period_start=date(2025, 1, 1),
                period_end=date(2026, 12, 31),
                target_value="30",
                direction="at_least",
                set_by="council",
                decision="Kaupunginvaltuusto 12.6.2025 § 45",
            ),
            TODAY,
        )
    with session_factory(engine)() as session:
        [progress] = target_progress(session, READER, date(2025, 12, 31))
        summary = build_council_summary(session, READER, PERIOD, TODAY)
        pdf = _squash(
            "".join(
                page.extract_text()
                for page in PdfReader(io.BytesIO(build_pdf(session, READER, PERIOD, TODAY).data)).pages
            )
        )
        book = load_workbook(io.BytesIO(build_excel(session, READER, PERIOD, TODAY).data))
    assert progress.value == 12 and progress.progress == "at_risk"  # 12 of 30, expected 15
    [sentence] = summary.target_sentences
    assert sentence.startswith("Kirjatut toimenpiteet – koko kaupunki: Vaarassa jäädä.")
    assert "Nyt 12" in sentence and "Kaupunginvaltuusto" not in sentence
    assert _squash(sentence) in pdf
    rows = list(book["Tavoitteet"].iter_rows(values_only=True))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["Nyt"] == value_text("count", progress.value, "fi") == "12"
    assert record["Odotettu nyt"] == value_text("count", progress.expected, "fi")
    assert (record["Tilanne"], record["Päätös"]) == ("Vaarassa jäädä", "Kaupunginvaltuusto 12.6.2025 § 45")
    assert record["Jakso päättyy"] is not None


def test_without_targets_the_summary_says_so(engine: Engine) -> None:
    with session_factory(engine)() as session:
        summary = build_council_summary(session, READER, PERIOD, TODAY, lang="en")
    assert summary.target_sentences == (
        "No targets have been recorded yet. The council sets the goals at the level of the strategy and the budget; the coordinator records them here as decided.",
    )
    assert summary.table("targets").rows == ()
