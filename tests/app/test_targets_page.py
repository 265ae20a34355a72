"""The targets page per role: the coordinator records a target and sees its status, accepts a
department's proposal and retires a target; a department head proposes for their own
department only; a council member reads. The overview and the council page show targets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.models import AuditEntry, Department, Target
from data_model.permissions import CurrentUser
from data_model.services.targets import propose_target, record_target
from data_model.target_rules import TargetInput
from tests.app.metric_pages import USERNAMES, page_text

PAGE = "pages/reports/targets.py"
TODAY = date(2026, 12, 2)


def _target(department_id: int | None = None, value: str = "2") -> TargetInput:
    return TargetInput(
        figure="actions_logged",
        department_id=department_id,
        period_start=date(2023, 1, 1),
        period_end=date(2023, 12, 31),
        target_value=value,
        direction="at_least",
        set_by="council",
        decision="Kaupunginvaltuusto 12.6.2023 § 45",
    )


def _welfare(engine: Engine) -> int:
    with transaction(engine) as session:
        return int(session.scalars(select(Department.id).where(Department.code == "hyvinvointi")).one())


def test_coordinator_records_a_target_and_sees_its_status(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("koordinaattori", page=PAGE)
    assert not at.exception
    assert "Tavoitteita ei ole vielä kirjattu" in page_text(at)
    at.selectbox(key="targets.0.figure").set_value("actions_logged").run()
    at.date_input(key="targets.0.start").set_value(date(2023, 1, 1))
    at.date_input(key="targets.0.end").set_value(date(2023, 12, 31))
    at.text_input(key="targets.0.value").input("2")
    at.text_input(key="targets.0.decision").input("Kaupunginvaltuusto 12.6.2023 § 45")
    at = at.button(key="targets.0.submit").click().run()
    assert not at.exception
    assert "Tavoite tallennettu" in at.success[0].value
    text = page_text(at)
    # The 2023 baseline: three actions against at least two, and the period is over.
    assert "Saavutettu" in text and "Kaupunginvaltuusto 12.6.2023 § 45" in text
    with transaction(app_engine) as session:
        assert session.scalars(select(Target.status)).all() == ["accepted"]


def test_a_bad_target_is_explained_and_nothing_saved(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("koordinaattori", page=PAGE)
    at.selectbox(key="targets.0.figure").set_value("group_participation_rate").run()
    at.text_input(key="targets.0.value").input("paljon")
    at = at.button(key="targets.0.submit").click().run()
    errors = " ".join(error.value for error in at.error)
    assert "Valitse ryhmä" in errors and "Anna tavoitearvo numerona" in errors and "Jakso alkaa" in errors
    with transaction(app_engine) as session:
        assert session.scalars(select(Target)).all() == []


def test_department_head_proposes_for_own_department_and_coordinator_accepts(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_app("toimialajohtaja", page=PAGE)
    assert "Toimiala: Hyvinvointitoimiala" in page_text(at)
    assert not [box for box in at.selectbox if box.key and box.key.endswith(".scope")]
    at.selectbox(key="targets.0.figure").set_value("actions_logged").run()
    at.date_input(key="targets.0.start").set_value(date(2026, 1, 1))
    at.date_input(key="targets.0.end").set_value(date(2026, 12, 31))
    at.text_input(key="targets.0.value").input("12")
    at = at.button(key="targets.0.submit").click().run()
    assert not at.exception and "Ehdotus lähetetty" in at.success[0].value
    assert "Ehdotettu" in page_text(at)
    with transaction(app_engine) as session:
        [proposal] = session.scalars(select(Target)).all()
        assert (proposal.status, proposal.department_id, proposal.set_by) == (
            "proposed",
            _welfare(app_engine),
            "department",
        )
    other = open_app("toimialajohtaja2", page=PAGE)
    assert "Ehdotettu" not in page_text(other)  # another department's proposal is not theirs to see
    coordinator = open_app("koordinaattori", page=PAGE)
    coordinator.text_input(key=f"targets.decision.{proposal.id}").input("Hyvinvointilautakunta 3.3.2026 § 12")
    coordinator = coordinator.button(key=f"targets.accept.{proposal.id}").click().run()
    assert "Ehdotus hyväksytty" in coordinator.success[0].value
    assert "Hyvinvointilautakunta 3.3.2026 § 12" in page_text(coordinator)
    coordinator = coordinator.button(key=f"targets.retire.{proposal.id}").click().run()
    assert "poistettu seurannasta" in coordinator.success[0].value
    with transaction(app_engine) as session:
        events = session.scalars(
            select(AuditEntry.event).where(AuditEntry.entity == "target").order_by(AuditEntry.id)
        ).all()
    assert events == ["create", "accept", "retire"]


def test_council_reads_targets_and_writes_nothing(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    with transaction(app_engine) as session:
        record_target(session, role_users["coordinator"], _target(), TODAY)
        propose_target(session, role_users["department_head"], _target(_welfare(app_engine), "50"), TODAY)
    at = open_app("valtuutettu", page=PAGE)
    assert not at.exception
    text = page_text(at)
    assert "Saavutettu" in text and "Ehdotettu" not in text
    assert [button.key for button in at.button] == ["logout_button"]
    assert not at.text_input and [box.key for box in at.selectbox] == ["lang"]


@pytest.mark.parametrize("username", USERNAMES)
def test_targets_on_the_overview_and_the_council_page_for_every_role(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser], username: str
) -> None:
    with transaction(app_engine) as session:
        record_target(session, role_users["coordinator"], _target(), TODAY)
    overview = open_app(username, page="pages/reports/overview.py")
    assert not overview.exception
    text = page_text(overview)
    assert "Kirjatut toimenpiteet" in text and "Saavutettu" in text
    council = open_app(username, page="pages/reports/council.py")
    assert not council.exception
    assert "Kirjatut toimenpiteet" in page_text(council)
