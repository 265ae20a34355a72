"""A year of actions for the public view's tests, made through the services, with a staff
member's and a resident's name planted in every field the public must never see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, select, update

from data_model.db import transaction
from data_model.models import Area, User
from data_model.permissions import CurrentUser
from data_model.services.actions import create_action
from data_model.services.initiatives import create_initiative
from tests.factories import create_role_users
from tests.unit.action_inputs import valid_input
from tests.unit.initiative_inputs import initiative_input

STAFF_NAME = "Sirkka Salavirkailija"
RESIDENT_NAME = "Aatu Asukasnimi"
PRIVATE_TITLE = "Yksityinen kehittämispalaveri"
PUBLIC_TITLE = "Skeittipuiston suunnittelu nuorten kanssa"
PUBLIC_CHANGE = "Puistoon tulee katos ja valaistus."
PUBLIC_URL = "https://www.heinola.fi/skeittipuisto"
TODAY = date(2025, 12, 15)
YEAR = 2025


@dataclass(frozen=True)
class AreaPlan:
    """How many actions the world logs in each place (None = no area recorded)."""

    area: str | None
    actions: int


# 7 + 2 + 6 = 15 actions: Hevossaari's 2 are hidden, and with them the 6 of no area (else
# 15 - 7 = 8 = 2 + 6 would give nothing away, but 15 - 7 - 6 = 2 would).
PLAN = (AreaPlan("Aapelinpelto", 7), AreaPlan("Hevossaari", 2), AreaPlan(None, 6))


def build_public_world(engine: Engine, people: dict[str, CurrentUser] | None = None) -> None:
    """The actions of PLAN in 2025 (one public with its feedback, the rest private), a
    private action with feedback carrying the names, and two initiatives naming a resident;
    logged by the department head of `people` (made here when not given)."""
    people = people or create_role_users(engine)
    head = people["department_head"]
    with transaction(engine) as session:
        session.execute(update(User).where(User.id == head.id).values(display_name=STAFF_NAME))
        areas = {area.name: area.id for area in session.scalars(select(Area))}
        secret = f"{RESIDENT_NAME} ja {STAFF_NAME}"
        number = 0
        for plan in PLAN:
            for _ in range(plan.actions):
                number += 1
                create_action(
                    session,
                    head,
                    valid_input(
                        session,
                        title=f"Toimenpide {number}",
                        description=secret,
                        source_note=secret,
                        start_date=date(YEAR, 1 + number % 11, 2),
                        end_date=None,
                        area_id=areas[plan.area] if plan.area else None,
                        form_codes=["suunnittelu", "paatos"] if number <= 3 else ["suunnittelu"],
                        participants_total=10,
                        reach={"youth_15_29": 3, "working_age_30_64": 6},
                    ),
                )
        create_action(
            session,
            head,
            valid_input(
                session,
                title=PUBLIC_TITLE,
                description=secret,
                start_date=date(YEAR, 3, 1),
                end_date=None,
                feedback_given=True,
                feedback_date=date(YEAR, 5, 2),
                feedback_method=secret,
                feedback_url=PUBLIC_URL,
                decision_change=PUBLIC_CHANGE,
                source_note=secret,
                is_public=True,
                area_id=areas["Aapelinpelto"],
            ),
        )
        create_action(
            session,
            head,
            valid_input(
                session,
                title=f"{PRIVATE_TITLE}: {RESIDENT_NAME}",
                start_date=date(YEAR, 4, 1),
                end_date=None,
                feedback_given=True,
                feedback_date=date(YEAR, 6, 1),
                feedback_url="https://www.heinola.fi/yksityinen",
                decision_change=secret,
                area_id=areas["Aapelinpelto"],
            ),
        )
        for decided in (None, date(YEAR, 9, 1)):
            create_initiative(
                session,
                head,
                initiative_input(
                    session,
                    received_date=date(YEAR, 2, 1),
                    title=f"Aloite: {RESIDENT_NAME}",
                    decision=secret if decided else "",
                    decision_date=decided,
                    led_to_action=True if decided else None,
                    told_date=decided,
                    told_method=secret if decided else "",
                ),
            )
