"""Every list of the programme is in the database, complete, with the programme's names."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_model.models import (
    Action,
    Actor,
    AudienceGroup,
    Channel,
    DevelopmentMeasure,
    DevelopmentPrinciple,
    Opportunity,
    ParticipationForm,
    PopulationFigure,
    Responsibility,
    SwotItem,
)
from data_model.models.programme import opportunity_form


def _count(session: Session, model: type) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_counts_match_the_programme(session: Session) -> None:
    assert _count(session, SwotItem) == 16
    assert _count(session, ParticipationForm) == 4
    assert _count(session, Opportunity) == 24
    assert _count(session, DevelopmentPrinciple) == 3
    assert _count(session, DevelopmentMeasure) == 9
    assert _count(session, Channel) == 24
    assert _count(session, Actor) == 5
    assert _count(session, Responsibility) == 10


def test_swot_has_four_items_in_each_quadrant(session: Session) -> None:
    rows = session.execute(select(SwotItem.quadrant, func.count()).group_by(SwotItem.quadrant)).all()
    assert dict(rows) == {"strength": 4, "weakness": 4, "opportunity": 4, "threat": 4}


def test_catalogue_has_26_listings_and_two_items_under_two_forms(session: Session) -> None:
    assert session.scalar(select(func.count()).select_from(opportunity_form)) == 26
    twice = session.scalars(
        select(Opportunity.name_fi)
        .join(opportunity_form)
        .group_by(Opportunity.id, Opportunity.name_fi)
        .having(func.count() == 2)
    ).all()
    assert sorted(twice) == ["Asukkaille suunnatut kyselyt", "Osallistuva budjetointi"]


def test_names_are_the_programmes_own(session: Session) -> None:
    forms = set(session.scalars(select(ParticipationForm.name_fi)))
    assert forms == {"Tieto-osallisuus", "Suunnitteluosallisuus", "Päätösosallisuus", "Toimintaosallisuus"}
    channels = set(session.scalars(select(Channel.name_fi)))
    for name in ("Facebook", "Snapchat", "Wilma", "Spotti – asiakaspalvelupiste", "Tekstiviesti"):
        assert name in channels
    opportunities = set(session.scalars(select(Opportunity.name_fi)))
    for name in (
        "Nuorisovaltuusto",
        "Kuntalaisaloitteet",
        "Yrittäjien aamukahvit",
        "Lakisääteiset kuulemiset",
    ):
        assert name in opportunities
    actors = set(session.scalars(select(Actor.name_fi)))
    assert actors == {
        "Kaupunginhallitus",
        "Valtuusto",
        "Vaikuttamistoimielimet",
        "Toimialat ja palvelualueet",
        "Asukkaat",
    }


def test_each_principle_has_three_measures(session: Session) -> None:
    for principle in session.scalars(select(DevelopmentPrinciple)):
        assert len(principle.measures) == 3, principle.code


def test_statutory_items_carry_a_legal_basis(session: Session) -> None:
    statutory = session.scalars(select(Opportunity).where(Opportunity.statutory == "statutory")).all()
    assert len(statutory) >= 8
    assert all(item.legal_basis for item in statutory)
    youth_council = session.scalars(
        select(Opportunity).where(Opportunity.name_fi == "Nuorisovaltuusto")
    ).one()
    assert "26" in (youth_council.legal_basis or "")


def test_channels_carry_target_group_tags(session: Session) -> None:
    snapchat = session.scalars(select(Channel).where(Channel.name_fi == "Snapchat")).one()
    assert [group.code for group in snapchat.target_groups] == ["youth_15_29"]
    assert all(channel.target_groups for channel in session.scalars(select(Channel)))


def test_population_age_bands_sum_to_the_total_and_are_marked_estimates(session: Session) -> None:
    total = session.scalar(
        select(PopulationFigure.count).where(
            PopulationFigure.audience_group_id.is_(None), PopulationFigure.year == 2024
        )
    )
    assert total == 17827
    bands = session.execute(
        select(PopulationFigure.count, PopulationFigure.estimate, PopulationFigure.method)
        .join(AudienceGroup)
        .where(AudienceGroup.kind == "age", PopulationFigure.year == 2024)
    ).all()
    assert len(bands) == 5
    assert sum(count for count, _, _ in bands) == 17827
    assert all(estimate and method for _, estimate, method in bands)


def test_baseline_survey_shows_the_youth_gap(session: Session) -> None:
    survey = session.scalars(
        select(Action).where(Action.external_ref == "baseline:resident_survey_2023")
    ).one()
    assert survey.participants_total == 137
    youth = {row.audience_group.code: row.count for row in survey.reach}
    assert youth == {"youth_15_29": 2}
    workshops = session.scalars(select(Action).where(Action.participants_total == 36)).one()
    assert workshops.source == "baseline"
