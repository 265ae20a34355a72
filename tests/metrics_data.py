"""A small hand-built set of actions for the metrics tests, with every figure worked out by hand
in the tests. All of it is in 2025, so the three 2023 baseline actions of the seed stay apart
(filter the period to 2025 to leave them out)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from data_model.db import transaction
from data_model.metrics.filters import MetricFilters
from data_model.metrics.gaps import Gap, gaps_among
from data_model.metrics.reach import representation
from data_model.models import (
    Action,
    ActionReach,
    Area,
    AudienceGroup,
    Channel,
    Department,
    DevelopmentMeasure,
    Opportunity,
    ParticipationForm,
)
from data_model.services.audit import record

YEAR_2025 = MetricFilters(start=date(2025, 1, 1), end=date(2025, 12, 31))


def _by_code(session: Session, model: type, codes: list[str]) -> list:  # type: ignore[type-arg]
    return list(session.scalars(select(model).where(model.code.in_(codes))))  # type: ignore[attr-defined]


def add_action(
    session: Session,
    department: str,
    title: str,
    start: date,
    *,
    end: date | None = None,
    total: int | None = None,
    reach: dict[str, int] | None = None,
    forms: list[str] | None = None,
    channels: list[str] | None = None,
    opportunity: str | None = None,
    measures: list[str] | None = None,
    intended: list[str] | None = None,
    area: str | None = None,
    feedback_given: bool = False,
    deleted: bool = False,
    format: str = "in_person",
) -> Action:
    """One action with its links and reach, written as the app writes (audit + data version)."""
    groups = {group.code: group for group in session.scalars(select(AudienceGroup))}
    action = Action(
        department_id=session.scalars(select(Department.id).where(Department.code == department)).one(),
        title=title,
        start_date=start,
        end_date=end,
        participants_total=total,
        feedback_given=feedback_given,
        format=format,
        forms=_by_code(session, ParticipationForm, forms or []),
        channels=_by_code(session, Channel, channels or []),
        measures=_by_code(session, DevelopmentMeasure, measures or []),
        intended_groups=[groups[code] for code in intended or []],
        opportunity_id=(
            session.scalars(select(Opportunity.id).where(Opportunity.code == opportunity)).one()
            if opportunity
            else None
        ),
        area_id=session.scalars(select(Area.id).where(Area.name == area)).one() if area else None,
        deleted_at=datetime(2025, 12, 1) if deleted else None,
    )
    action.reach = [
        ActionReach(audience_group_id=groups[code].id, count=count) for code, count in (reach or {}).items()
    ]
    session.add(action)
    session.flush()
    record(session, None, "create", "action", action.id, after={"title": title})
    return action


@dataclass(frozen=True)
class SmallFixture:
    youth_camp: int
    planning_evening: int
    school_event: int
    deleted: int


def build_small_fixture(engine: Engine) -> SmallFixture:
    """Four 2025 actions (one soft-deleted). Hand-worked figures are in the tests."""
    with transaction(engine) as session:
        camp = add_action(
            session,
            "hyvinvointi",
            "Nuorisovaltuuston kysely",
            date(2025, 2, 10),
            end=date(2025, 2, 10),
            total=40,
            reach={"youth_15_29": 30, "children_0_14": 5, "foreign_language": 4},
            forms=["suunnittelu"],
            channels=["instagram", "snapchat"],
            opportunity="nuorisovaltuusto",
            intended=["youth_15_29"],
            area="Keskusta",
        )
        evening = add_action(
            session,
            "kaupunkiymparisto",
            "Kaavailta",
            date(2025, 5, 5),
            end=date(2025, 5, 6),
            total=60,
            reach={"working_age_30_64": 20, "older_65_74": 10},
            forms=["tieto", "paatos"],
            channels=["facebook"],
            opportunity="kaavoituksen_tilaisuudet",
            area="Vierumäki",
            feedback_given=True,
        )
        school = add_action(
            session,
            "hyvinvointi",
            "Koulun toimintapäivä",
            date(2025, 8, 20),
            total=None,
            reach={"youth_15_29": 3},
            forms=["toiminta"],
            channels=["wilma"],
            area="Keskusta",
            format="hybrid",
        )
        deleted = add_action(
            session,
            "hyvinvointi",
            "Poistettu",
            date(2025, 3, 1),
            total=500,
            reach={"youth_15_29": 100},
            forms=["suunnittelu"],
            channels=["instagram"],
            opportunity="lapsi_nuorisoparlamentti",
            deleted=True,
        )
        return SmallFixture(camp.id, evening.id, school.id, deleted.id)


def gaps_of(
    session: Session, filters: MetricFilters, lang: str = "fi", threshold: float | None = None
) -> list[Gap]:
    """The gaps of the filtered actions, judged on their representation as report_figures and
    the council summary judge them."""
    return gaps_among(session, filters, representation(session, filters), lang, threshold)
