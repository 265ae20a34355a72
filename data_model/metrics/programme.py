"""Headline figures of the programme itself (its development measures: metrics.measures)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import clock
from ..editions import EditionWindow, in_force_id_sql
from ..models import (
    Action,
    Actor,
    Channel,
    DevelopmentPrinciple,
    Opportunity,
    ParticipationForm,
    PopulationFigure,
    Responsibility,
    SwotItem,
)
from ..permissions import CurrentUser, require_read


@dataclass(frozen=True)
class ProgrammeHeadline:
    swot_items: int
    forms: int
    opportunities: int
    statutory_opportunities: int
    partly_statutory_opportunities: int
    principles: int
    channels: int
    actors: int
    duties: int
    actions: int
    population: int | None
    population_year: int | None


def _count(session: Session, model: type, *where: object) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]


def statutory_counts(
    session: Session, user: CurrentUser | None, edition: EditionWindow | None = None
) -> dict[str, int]:
    """Active opportunities of the edition (default: in force today) per statutory kind
    ("statutory", "partly", "voluntary"): the one count the home page and the catalogue both
    state, so they cannot disagree."""
    require_read(user, "summary.read")
    edition_id = edition.edition_id if edition is not None else in_force_id_sql(clock.today())
    rows = session.execute(
        select(Opportunity.statutory, func.count())
        .where(Opportunity.active, Opportunity.edition_id == edition_id)
        .group_by(Opportunity.statutory)
    ).all()
    return {"statutory": 0, "partly": 0, "voluntary": 0} | {kind: int(n) for kind, n in rows}


def programme_headline(session: Session, user: CurrentUser | None) -> ProgrammeHeadline:
    """How much of the programme is in the database, and how many actions are logged."""
    require_read(user, "summary.read")
    population = session.execute(
        select(PopulationFigure.count, PopulationFigure.year)
        .where(PopulationFigure.audience_group_id.is_(None))
        .order_by(PopulationFigure.year.desc())
        .limit(1)
    ).first()
    statutory = statutory_counts(session, user)
    # The programme in force today: a second edition's copies are not more programme.
    edition = in_force_id_sql(clock.today())
    return ProgrammeHeadline(
        swot_items=_count(session, SwotItem, SwotItem.active, SwotItem.edition_id == edition),
        forms=_count(session, ParticipationForm),
        opportunities=_count(session, Opportunity, Opportunity.active, Opportunity.edition_id == edition),
        statutory_opportunities=statutory["statutory"],
        partly_statutory_opportunities=statutory["partly"],
        principles=_count(session, DevelopmentPrinciple, DevelopmentPrinciple.edition_id == edition),
        channels=_count(session, Channel, Channel.active, Channel.edition_id == edition),
        actors=_count(session, Actor, Actor.edition_id == edition),
        duties=_count(session, Responsibility, Responsibility.active, Responsibility.edition_id == edition),
        actions=_count(session, Action, Action.deleted_at.is_(None)),
        population=population[0] if population else None,
        population_year=population[1] if population else None,
    )
