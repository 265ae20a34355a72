"""The council documents' gap advice counts the chosen period only, as the gaps themselves do."""

from __future__ import annotations

import io
import re
from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import Engine

from data_model.db import session_factory
from data_model.exports.council_summary import build_council_summary
from data_model.exports.documents import build_excel, build_pdf
from data_model.exports.summary_charts import representation_figure
from data_model.i18n import t
from tests.factories import READER
from tests.metrics_data import build_small_fixture

TODAY = date(2026, 11, 28)


def test_council_gap_advice_counts_only_the_period(engine: Engine) -> None:
    # In 2025 Instagram, Snapchat and Wilma reached 33 young people; in 2023 only the resident
    # survey (its web page, Facebook, surveys) reached them, 2 each.
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        book = load_workbook(io.BytesIO(build_excel(session, READER, "2023", TODAY).data))
        pdf = build_pdf(session, READER, "2023", TODAY).data
    sheet = book[t("council.sheet.gaps")[:31]]
    rows = list(sheet.iter_rows(values_only=True))
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    youth = next(row for row in records if str(row[t("council.col.gap")]).startswith("Nuoret"))
    channels = str(youth[t("council.col.suggested_channels")])
    assert set(channels.split(", ")) == {
        "Kaupungin nettisivut (2)",
        "Facebook (2)",
        "Kyselyt ja palautteet (2)",
    }
    assert youth[t("council.col.suggested_opportunities")] == "Asukkaille suunnatut kyselyt (2)"
    # A group nothing reached in 2023 lists what is meant for it, each with its 0.
    children = next(row for row in records if str(row[t("council.col.gap")]).startswith("Lapset"))
    assert "(5)" not in str(children[t("council.col.suggested_channels")])
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    assert "Snapchat(30)" not in text and "Instagram(30)" not in text
    assert "Facebook(2)" in text


def test_council_chart_shows_the_gap_the_text_calls_the_largest(engine: Engine) -> None:
    build_small_fixture(engine)
    with session_factory(engine)() as session:
        summary = build_council_summary(session, READER, "2025", TODAY)
    # 2025: nobody aged 75+ was recorded, the worst gap, whose index is unknown (not 0).
    worst = summary.overview[-1]
    assert "Ikääntyneet (75+ v): ei kirjattuja osallistujia" in worst
    figure = representation_figure(summary)
    assert figure is not None
    datasets = figure.chart["datasets"].values()
    drawn = {row["group"]: row for values in datasets for row in values if "group" in row}
    assert drawn["Ikääntyneet (75+ v)"]["index"] == 0.0
    assert drawn["Ikääntyneet (75+ v)"]["state"] == t("council.chart.gap")
    assert f"Ikääntyneet (75+ v) {t('council.chart.no_reach')}" in figure.caption
