"""Catalogue, channels and responsibilities (the steps: test_metrics_measures.py) against figures counted by hand from
tests/unit/programme_fixture.py (today = 30.6.2025, unused_months = 12)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_model.metrics.catalogue import catalogue_usage
from data_model.metrics.channels import channel_usage
from data_model.metrics.duties import deadline_status, responsibilities
from data_model.models import Action, Opportunity, Setting
from tests.factories import READER
from tests.unit.programme_fixture import TODAY, build


def _opportunities(session: Session) -> dict[tuple[str, str], object]:
    usage = catalogue_usage(session, READER, TODAY)
    return {(form.code, item.code): item for form in usage.forms for item in form.opportunities}


def test_catalogue_counts_uses_departments_and_unused(session: Session) -> None:
    build(session)
    items = _opportunities(session)
    surveys = items[("tieto", "asukaskyselyt")]
    assert (surveys.times_used, surveys.last_used, surveys.unused) == (2, date(2025, 5, 10), False)  # type: ignore[attr-defined]
    assert surveys.departments == ("Hyvinvointitoimiala", "Kaupunkiympäristötoimiala")  # type: ignore[attr-defined]
    # listed under both of its forms with the same figures
    assert items[("suunnittelu", "asukaskyselyt")] == surveys
    budgeting = items[("paatos", "osallistuva_budjetointi")]
    # the deleted action (1.6.2025) does not count: last use 1.3.2024 is over 12 months ago
    assert (budgeting.times_used, budgeting.last_used, budgeting.unused) == (1, date(2024, 3, 1), True)  # type: ignore[attr-defined]
    informing = items[("tieto", "tiedottaminen")]
    assert (informing.times_used, informing.last_used, informing.unused) == (0, None, True)  # type: ignore[attr-defined]
    assert (informing.statutory, informing.legal_basis) == ("statutory", "Kuntalaki 410/2015, 29 §")  # type: ignore[attr-defined]


def test_catalogue_unused_window_follows_the_setting(session: Session) -> None:
    build(session)
    session.get(Setting, "unused_months").value = "24"  # type: ignore[union-attr]
    usage = catalogue_usage(session, READER, TODAY)
    assert (usage.unused_months, usage.since) == (24, date(2023, 6, 30))
    budgeting = next(i for f in usage.forms for i in f.opportunities if i.code == "osallistuva_budjetointi")
    assert budgeting.unused is False


def test_catalogue_lists_all_24_items_once_each(session: Session) -> None:
    usage = catalogue_usage(session, READER, TODAY)
    codes = [item.code for form in usage.forms for item in form.opportunities]
    assert len(codes) == 26 and len(set(codes)) == 24


def test_channel_reach_compared_with_targets(session: Session) -> None:
    build(session)
    channels = {c.code: c for c in channel_usage(session, READER)}
    assert len(channels) == 24
    web = channels["nettisivut"]
    assert (web.times_used, web.last_used, web.participants_total, web.unknown_totals) == (
        2,
        date(2025, 5, 10),
        20,
        1,
    )
    targets = {g.code: g.participants for g in web.target_groups}
    assert targets == {"residents": 20, "businesses": 0, "stakeholders": 0, "tourists": 0}
    assert {g.code for g in web.intended_not_reached} == {"businesses", "stakeholders", "tourists"}
    assert {g.code: g.participants for g in web.other_groups} == {"youth_15_29": 13, "older_65_74": 3}
    facebook = channels["facebook"]
    assert (facebook.times_used, facebook.participants_total) == (1, 40)
    assert channels["puhelin"].times_used == 0


def test_responsibility_statuses(session: Session) -> None:
    build(session)
    duties = {d.code: d for actor in responsibilities(session, READER, TODAY) for d in actor.duties}
    assert len(duties) == 10
    reporting = duties["toimialat_raportointi"]
    by_department = {d.department.code: (d.status, d.last_period_end) for d in reporting.departments}
    assert by_department == {
        "yhteiset_palvelut": ("overdue", date(2024, 6, 30)),
        "hyvinvointi": ("ok", date(2025, 3, 31)),
        "kaupunkiymparisto": ("overdue", None),
    }
    # the earliest deadline: six months after the programme's approval (16.10.2023)
    assert (reporting.status, reporting.evidence_count, reporting.next_due) == (
        "overdue",
        1,
        date(2024, 4, 16),
    )
    implementing = duties["toimialat_toteuttaminen"]
    assert (implementing.status, implementing.last_evidence, implementing.evidence_count) == (
        "ok",
        date(2025, 5, 10),
        2,
    )
    advocacy = duties["vte_mahdollisuuksien_turvaaminen"]
    assert (advocacy.status, advocacy.last_evidence, advocacy.evidence_count) == (
        "ok",
        date(2024, 12, 1),
        1,
    )
    assert duties["kh_tieto_valmisteltavista_asioista"].evidence_count == 3
    review = duties["kh_hyvaksyy_ja_seuraa"]
    assert (review.status, review.last_evidence, review.evidence_count) == ("ok", date(2025, 5, 10), 6)
    assert review.next_due == date(2029, 5, 10)
    assert duties["valtuusto_tavoitteet"].status == "untracked"


def test_advocacy_duties_overdue_without_their_actions(session: Session) -> None:
    duties = {d.code: d for actor in responsibilities(session, READER, TODAY) for d in actor.duties}
    assert duties["vte_osallistuminen_suunnitteluun"].status == "overdue"
    assert duties["vte_osallistuminen_suunnitteluun"].last_evidence is None


def test_deadline_status_rules() -> None:
    today = date(2025, 6, 30)
    assert deadline_status(date(2024, 7, 15), 12, today) == ("due_soon", date(2025, 7, 15))
    assert deadline_status(date(2024, 6, 29), 12, today) == ("overdue", date(2025, 6, 29))
    assert deadline_status(date(2025, 1, 1), 12, today) == ("ok", date(2026, 1, 1))
    assert deadline_status(None, 6, today) == ("overdue", None)


def test_a_duty_is_evidenced_only_by_its_own_kind_of_action(session: Session) -> None:
    """The residents' 'comment on the programme before approval' showed done on the evidence
    of an unrelated action; their survey duty counted any action at all."""
    build(session)
    duties = {d.code: d for actor in responsibilities(session, READER, TODAY) for d in actor.duties}
    assert duties["asukkaat_ohjelman_kommentointi"].status == "untracked"
    surveys = duties["asukkaat_seuranta_kyselyin"]
    # the fixture's two survey actions (last 10.5.2025), not its other actions
    assert (surveys.status, surveys.last_evidence, surveys.evidence_count) == ("ok", date(2025, 5, 10), 2)
    surveyed = select(Action).join(Opportunity).where(Opportunity.code == "asukaskyselyt")
    for action in session.scalars(surveyed):
        action.opportunity_id = None
    session.flush()
    duties = {d.code: d for actor in responsibilities(session, READER, TODAY) for d in actor.duties}
    assert duties["asukkaat_seuranta_kyselyin"].status == "overdue"
    assert duties["asukkaat_seuranta_kyselyin"].last_evidence is None


def test_cadences_the_programme_does_not_state_are_marked_as_assumed(session: Session) -> None:
    """'Tietyin väliajoin' was shown as the fact 'Puolivuosittain'."""
    duties = {d.code: d for actor in responsibilities(session, READER, TODAY) for d in actor.duties}
    assert duties["kh_hyvaksyy_ja_seuraa"].cadence_assumed is False  # "valtuustokausittain", p. 15
    assert duties["toimialat_raportointi"].cadence_assumed is True
    assert duties["asukkaat_seuranta_kyselyin"].cadence_assumed is True
