"""A small, hand-countable set of actions on top of the seeded programme, for the usage and
indicator tests. The seed's three baseline actions (all 2023) are soft-deleted first, so every
expected figure can be counted from this file alone."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from data_model.db import session_factory
from data_model.models import (
    Action,
    ActionReach,
    AudienceGroup,
    AuditEntry,
    Channel,
    Department,
    DepartmentReport,
    DevelopmentMeasure,
    Opportunity,
    ParticipationForm,
)
from data_model.rollups import rebuild_rollups

TODAY = date(2025, 6, 30)


def id_of(engine: Engine, model: Any, code: str) -> int:
    """The id of a seeded row by its code."""
    with session_factory(engine)() as session:
        return int(session.scalars(select(model.id).where(model.code == code)).one())


def audit_entries(engine: Engine) -> list[AuditEntry]:
    """The whole audit log, oldest first."""
    with session_factory(engine)() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def _by_code(session: Session, model: Any, code: str) -> Any:
    return session.scalars(select(model).where(model.code == code)).one()


def add_action(
    session: Session,
    department: str,
    start: date,
    *,
    title: str = "Toimi",
    opportunity: str | None = None,
    forms: tuple[str, ...] = (),
    measures: tuple[str, ...] = (),
    channels: tuple[str, ...] = (),
    reach: dict[str, int] | None = None,
    deleted: bool = False,
    **values: Any,
) -> Action:
    action = Action(
        department=_by_code(session, Department, department),
        title=title,
        start_date=start,
        opportunity=_by_code(session, Opportunity, opportunity) if opportunity else None,
        forms=[_by_code(session, ParticipationForm, code) for code in forms],
        measures=[_by_code(session, DevelopmentMeasure, code) for code in measures],
        channels=[_by_code(session, Channel, code) for code in channels],
        reach=[
            ActionReach(audience_group=_by_code(session, AudienceGroup, code), count=n)
            for code, n in (reach or {}).items()
        ],
        deleted_at=datetime(2025, 6, 1) if deleted else None,
        **values,
    )
    session.add(action)
    return action


def build(session: Session) -> None:
    """The fixture. Comments give what each action is there to prove."""
    session.execute(update(Action).values(deleted_at=datetime(2025, 1, 1)))
    # A bulk UPDATE bypasses the hooks that keep the monthly sums current: rebuild them, as
    # every writer that bypasses the ORM does.
    rebuild_rollups(session.connection())
    add_action(
        session,
        "hyvinvointi",
        date(2025, 5, 10),
        title="Nuorten kysely",
        opportunity="asukaskyselyt",
        forms=("suunnittelu",),
        feedback_given=True,
        measures=("vuorovaikutus_jalkautuminen",),
        channels=("nettisivut",),
        reach={"youth_15_29": 12, "older_65_74": 3},
        participants_total=20,
        format="online",
        officials_took_part=True,
        staff_experience=4,
    )
    add_action(
        session,
        "kaupunkiymparisto",
        date(2025, 2, 1),
        title="Kaavailta",
        opportunity="asukaskyselyt",
        forms=("suunnittelu",),
        measures=("vuorovaikutus_jalkautuminen",),
        channels=("nettisivut",),
        reach={"youth_15_29": 1},
        participants_total=None,
        format="in_person",
        staff_experience=2,
    )
    # An old use: inside the previous 12-month period, so it makes the trend.
    add_action(
        session,
        "hyvinvointi",
        date(2024, 3, 1),
        title="Vanha tilaisuus",
        opportunity="osallistuva_budjetointi",
        forms=("paatos",),
        channels=("facebook",),
        participants_total=40,
        format="hybrid",
        decision_change="Suunnitelma muuttui",
    )
    # A deleted action counts nowhere.
    add_action(
        session,
        "yhteiset_palvelut",
        date(2025, 6, 1),
        title="Poistettu",
        opportunity="osallistuva_budjetointi",
        measures=("vuoropuhelu",),
        channels=("facebook",),
        participants_total=999,
        format="online",
        deleted=True,
    )
    # An advocacy body's action (evidence for the advocacy bodies' duties).
    add_action(
        session,
        "nuorisovaltuusto",
        date(2024, 12, 1),
        title="Nuorisovaltuuston kokous",
        participants_total=9,
        format="in_person",
    )
    # Reports: one department on time, one late, one never (see test_programme_parts_usage).
    session.add_all(
        [
            DepartmentReport(
                department=_by_code(session, Department, "hyvinvointi"),
                period_start=date(2025, 1, 1),
                period_end=date(2025, 3, 31),
            ),
            DepartmentReport(
                department=_by_code(session, Department, "yhteiset_palvelut"),
                period_start=date(2024, 1, 1),
                period_end=date(2024, 6, 30),
            ),
        ]
    )
    session.flush()
