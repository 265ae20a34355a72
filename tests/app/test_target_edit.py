"""The coordinator corrects a followed target on the targets page: the form starts with the
stored values, a bad value is explained beside the form and nothing is saved, a good one is
saved and audited; a department head and the council get no correction form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.models import AuditEntry, Target
from data_model.permissions import CurrentUser
from data_model.services.targets import record_target
from data_model.target_rules import TargetInput
from tests.app.metric_pages import page_text

PAGE = "pages/reports/targets.py"
TODAY = date(2026, 12, 2)


def _record(engine: Engine, user: CurrentUser) -> int:
    with transaction(engine) as session:
        target = record_target(
            session,
            user,
            TargetInput(
                figure="feedback_loop_rate",
                period_start=date(2026, 1, 1),
                period_end=date(2027, 12, 31),
                target_value="50",
                direction="at_least",
                set_by="council",
                decision="Kaupunginvaltuusto 12.6.2026 § 45",
            ),
            TODAY,
        )
        return target.id


def test_the_coordinator_corrects_a_target(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser]
) -> None:
    target_id = _record(app_engine, role_users["coordinator"])
    at = open_app("koordinaattori", page=PAGE)
    assert not at.exception, at.exception
    key = f"targets.edit.{target_id}.0"
    assert at.text_input(key=f"{key}.value").value == "50"
    assert at.text_input(key=f"{key}.decision").value == "Kaupunginvaltuusto 12.6.2026 § 45"
    at.text_input(key=f"{key}.value").input("150")
    at = at.button(key=f"{key}.submit").click().run()
    assert not at.exception, at.exception
    assert any("0–100" in error.value for error in at.error)
    with transaction(app_engine) as session:
        assert session.get(Target, target_id).target_value == 0.5  # type: ignore[union-attr]
    at.text_input(key=f"{key}.value").input("60")
    at.text_input(key=f"{key}.decision").input("Kaupunginvaltuusto 11.12.2026 § 90")
    at = at.button(key=f"{key}.submit").click().run()
    assert not at.exception, at.exception
    assert "Tavoitteen korjaus tallennettu" in at.success[0].value
    assert "Kaupunginvaltuusto 11.12.2026 § 90" in page_text(at)
    with transaction(app_engine) as session:
        target = session.get(Target, target_id)
        assert target is not None and target.target_value == pytest.approx(0.6)
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "target").order_by(AuditEntry.id)
        ).all()[-1]
        assert entry.event == "update" and entry.username == "koordinaattori"


@pytest.mark.parametrize("username", ["toimialajohtaja", "valtuutettu"])
def test_no_correction_form_for_other_roles(
    open_app: Callable[..., AppTest], app_engine: Engine, role_users: dict[str, CurrentUser], username: str
) -> None:
    target_id = _record(app_engine, role_users["coordinator"])
    at = open_app(username, page=PAGE)
    assert not at.exception, at.exception
    assert not [box for box in at.text_input if str(box.key).startswith(f"targets.edit.{target_id}")]
