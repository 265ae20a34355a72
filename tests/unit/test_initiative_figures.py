"""The initiative figures on a fixture: open, past the six-month limit (KL 23 §, with the 2 %
threshold from the setting or estimated from the population), the share that led to action,
initiators not told, and the council's annual list in the summary, the PDF and the workbook."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import Engine

from data_model.db import session_factory, transaction
from data_model.exports.council_summary import build_council_summary
from data_model.exports.documents import build_excel, build_pdf
from data_model.i18n import t
from data_model.metrics.filters import MetricFilters
from data_model.metrics.initiative_register import InitiativeFilter, initiative_register, list_initiatives
from data_model.metrics.initiatives import council_initiatives, council_list, initiative_figures
from data_model.metrics.voters import voter_base
from data_model.models import Setting
from data_model.services.initiatives import create_initiative, soft_delete_initiative
from tests.factories import READER, create_user
from tests.sql_statements import sql_statements
from tests.unit.initiative_inputs import initiative_input

TODAY = date(2026, 11, 28)
YEAR_2025 = MetricFilters(start=date(2025, 1, 1), end=date(2025, 12, 31))
# Seeded population 2024: total 17 827, 0–14 years 1 961, 15–29 years 2 883 (3 of its 15 years
# are under 18).
ESTIMATED_VOTERS = round(17827 - 1961 - 2883 * 3 / 15)


@dataclass(frozen=True)
class Spec:
    title: str
    received: date
    council: bool = True
    signatories: int = 1
    decided: date | None = None
    led: bool | None = None
    told: date | None = None
    department: str = "hyvinvointi"
    deleted: bool = False


SPECS = (
    Spec("A: iso adressi", date(2025, 1, 10), signatories=400),
    Spec("B: pieni adressi", date(2025, 2, 1), signatories=20),
    Spec("C: toteutettu", date(2025, 3, 1), decided=date(2025, 5, 1), led=True, told=date(2025, 5, 10)),
    Spec("D: hylätty", date(2025, 4, 1), council=False, decided=date(2025, 6, 1), led=False),
    Spec("E: ratkaistu", date(2025, 9, 1), signatories=350, decided=date(2025, 10, 1)),
    Spec(
        "F: edelliseltä vuodelta",
        date(2024, 11, 1),
        decided=date(2025, 1, 15),
        led=True,
        told=date(2025, 1, 20),
    ),
    Spec("G: myöhemmin", date(2026, 3, 1)),
    Spec("H: poistettu", date(2025, 5, 5), deleted=True),
    Spec("I: toinen toimiala", date(2025, 6, 1), council=False, department="kaupunkiymparisto"),
)


@pytest.fixture
def world(engine: Engine) -> Engine:
    coordinator = create_user(engine, "koordinaattori", "coordinator")
    with transaction(engine) as session:
        for spec in SPECS:
            decision = "Päätös tehty." if spec.decided else ""
            made = create_initiative(
                session,
                coordinator,
                initiative_input(
                    session,
                    spec.department,
                    title=spec.title,
                    received_date=spec.received,
                    council_competence=spec.council,
                    signatories=spec.signatories,
                    decision=decision,
                    decision_date=spec.decided,
                    led_to_action=spec.led,
                    told_date=spec.told,
                    told_method="Sähköposti" if spec.told else "",
                ),
            )
            if spec.deleted:
                soft_delete_initiative(session, coordinator, made.id)
    return engine


def _department(engine: Engine, code: str) -> int:
    with session_factory(engine)() as session:
        rows = list_initiatives(session, READER, InitiativeFilter())
    return next(row.department.id for row in rows if row.department.code == code)


def test_the_figures_of_a_year(world: Engine) -> None:
    with session_factory(world)() as session:
        figures = initiative_figures(session, READER, YEAR_2025, TODAY)
    assert figures.day == date(2025, 12, 31)
    assert figures.received == 6  # A B C D E I
    assert figures.open == 3  # A B I: G came later, H is deleted
    assert (figures.decided, figures.led_to_action, figures.outcome_known) == (4, 2, 3)  # C D E F
    assert figures.action_share == pytest.approx(2 / 3)
    assert figures.not_told == 2  # D E
    assert figures.past_limit == 1
    assert [row.title for row in figures.past_limit_rows] == ["A: iso adressi"]


def test_the_department_filter_narrows_the_figures(world: Engine) -> None:
    own = _department(world, "hyvinvointi")
    with session_factory(world)() as session:
        figures = initiative_figures(session, READER, MetricFilters(department_ids=(own,)), TODAY)
    assert figures.open == 3  # A B G; I is the other department's
    assert figures.received == 7  # all but H (deleted) and I


def test_the_threshold_is_estimated_from_the_population_and_flagged(world: Engine) -> None:
    with session_factory(world)() as session:
        voters = voter_base(session)
    assert voters is not None and voters.estimate and not voters.from_setting
    assert voters.count == ESTIMATED_VOTERS and voters.year == 2024
    assert voters.signatory_threshold == -(-ESTIMATED_VOTERS * 2 // 100)


def test_the_coordinators_setting_replaces_the_estimate(world: Engine) -> None:
    with transaction(world) as session:
        session.add(Setting(key="voters_entitled", value="1000"))
    with session_factory(world)() as session:
        figures = initiative_figures(session, READER, YEAR_2025, TODAY)
    assert figures.voters is not None and not figures.voters.estimate
    assert figures.voters.signatory_threshold == 20
    # B's 20 signatories now reach 2 %: it is past its six months too.
    assert [row.title for row in figures.past_limit_rows] == ["A: iso adressi", "B: pieni adressi"]


def test_the_council_list_of_a_year(world: Engine) -> None:
    with session_factory(world)() as session:
        rows = council_list(session, date(2025, 1, 1), date(2025, 12, 31), TODAY)
    assert [row.title[0] for row in rows] == ["F", "A", "B", "C", "E"]


@pytest.mark.parametrize("voters", [None, "1000"])
def test_the_council_reads_its_list_and_figures_together_as_each_alone(
    world: Engine, voters: str | None
) -> None:
    if voters is not None:
        with transaction(world) as session:
            session.add(Setting(key="voters_entitled", value=voters))
    for start, end in ((date(2025, 1, 1), date(2025, 12, 31)), (date(2025, 7, 1), date(2025, 9, 30))):
        for today in (TODAY, date(2025, 8, 15)):
            with session_factory(world)() as session:
                alone = (
                    council_list(session, start, end, today),
                    initiative_figures(session, READER, MetricFilters(start=start, end=end), today),
                )
            with session_factory(world)() as session, sql_statements(world) as sent:
                together = council_initiatives(session, READER, start, end, today)
            assert together == alone
            # the counts, the voters and the rows in one
            assert len(sent) == 1


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_council_summary_pdf_and_workbook_hold_the_list(world: Engine) -> None:
    with session_factory(world)() as session:
        summary = build_council_summary(session, READER, "2025", TODAY)
        pdf = build_pdf(session, READER, "2025", TODAY)
        excel = build_excel(session, READER, "2025", TODAY)
    table = summary.table("initiatives")
    assert [row[1] for row in table.rows] == [
        "F: edelliseltä vuodelta",
        "A: iso adressi",
        "B: pieni adressi",
        "C: toteutettu",
        "E: ratkaistu",
    ]
    sentences = " ".join(summary.initiative_sentences)
    assert "5 aloitetta" in sentences and "2/2" in sentences and "A: iso adressi" in sentences
    text = _squash("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages))
    assert _squash(t("council.section.initiatives")) in text
    assert _squash("C: toteutettu") in text and _squash("A: iso adressi") in text
    sheet = load_workbook(io.BytesIO(excel.data))[t("council.sheet.initiatives")]
    values = list(sheet.iter_rows(values_only=True))
    titles = [row[1] for row in values[1:] if row[1]]
    assert titles[:5] == [row[1] for row in table.rows]


def test_an_empty_register_says_so_to_the_council(engine: Engine) -> None:
    with session_factory(engine)() as session:
        summary = build_council_summary(session, READER, "2025", TODAY, "en")
    assert summary.initiative_sentences == (t("council.initiatives.none", "en"),)
    assert summary.table("initiatives").rows == ()


def test_the_register_page_reads_its_lists_in_three_statements(world: Engine) -> None:
    """Issue 12: the register, the deleted initiatives and the departments share one read of
    the voters (each list read the departments and the voters again), and answer as the
    lists do alone."""
    wanted = InitiativeFilter(open_only=True)
    with session_factory(world)() as session:
        with sql_statements() as seen:
            register = initiative_register(session, READER, wanted)
        assert len(seen) == 3  # the voters with the rows, the deleted rows, the departments
        assert register.rows == list_initiatives(session, READER, wanted)
        deleted = list_initiatives(session, READER, InitiativeFilter(deleted=True))
        assert register.deleted == deleted and deleted
        assert {choice.key for choice in register.departments} >= {str(row.department.id) for row in deleted}


@pytest.mark.parametrize("voters", [None, "1000"])
def test_the_figures_read_their_counts_voters_and_late_ones_in_one_statement(
    world: Engine, voters: str | None
) -> None:
    if voters is not None:
        with transaction(world) as session:
            session.add(Setting(key="voters_entitled", value=voters))
    with session_factory(world)() as session, sql_statements(world) as sent:
        figures = initiative_figures(session, READER, YEAR_2025, TODAY)
        listed = list_initiatives(session, READER, InitiativeFilter())
    assert len(sent) == 2  # one each
    with session_factory(world)() as session:
        assert figures.voters == voter_base(session)
    assert figures.past_limit_rows and listed
