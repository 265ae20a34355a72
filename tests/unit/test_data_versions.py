"""Data versions per domain: each kind of write bumps its own domain's version and no other,
every table a write can audit has a domain, and all versions are read in one statement."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from data_model.data_versions import DOMAINS, TABLE_DOMAINS, data_versions
from data_model.db import session_factory, transaction
from data_model.models import AuditEntry, Base, Channel, Department, LoginThrottle, PopulationFigure
from data_model.permissions import CurrentUser
from data_model.services import programme, reports, users
from data_model.services import settings as settings_service
from data_model.services.actions import create_action
from data_model.services.programme_fields import ENTITIES
from data_model.validation import ActionInput
from tests.factories import create_role_users
from tests.sql_statements import sql_statements

# Tables no write audits as its entity: the audit log itself and the login lock-out counters
# (security events, which change no figure).
UNVERSIONED = {AuditEntry.__tablename__, LoginThrottle.__tablename__}


def test_every_audited_table_has_a_domain() -> None:
    mapped = {mapper.local_table.name for mapper in Base.registry.mappers}  # type: ignore[attr-defined]
    assert mapped - UNVERSIONED <= set(TABLE_DOMAINS), "give the new table a domain in data_versions"
    assert set(TABLE_DOMAINS) <= mapped
    assert set(TABLE_DOMAINS.values()) == set(DOMAINS)
    assert {entity.model.__tablename__ for entity in ENTITIES.values()} <= set(TABLE_DOMAINS)


def _first_id(session: Session, model: Any) -> int:
    return int(session.scalars(select(model.id).order_by(model.id)).first())


def _log_action(session: Session, role: dict[str, CurrentUser]) -> None:
    head = role["department_head"]
    create_action(
        session,
        head,
        ActionInput(
            department_id=head.department_id,
            title="Ilta",
            start_date=date(2025, 3, 1),
            form_codes=["suunnittelu"],
        ),
    )


WRITES: dict[str, tuple[str, Callable[[Session, dict[str, CurrentUser]], object]]] = {
    "action": ("actions", _log_action),
    "report": (
        "reports",
        lambda s, r: reports.submit_department_report(
            s,
            r["department_head"],
            r["department_head"].department_id,
            "2025-01-01",
            "2025-06-30",
            "Puolen vuoden raportti",
        ),
    ),
    "channel": (
        "programme",
        lambda s, r: programme.update_item(
            s, r["coordinator"], "channel", _first_id(s, Channel), {"name_fi": "Uusi kanava"}
        ),
    ),
    "department": (
        "reference",
        lambda s, r: programme.update_item(
            s, r["coordinator"], "department", _first_id(s, Department), {"name_fi": "Uusi toimiala"}
        ),
    ),
    "population": (
        "population",
        lambda s, r: programme.update_item(
            s, r["coordinator"], "population", _first_id(s, PopulationFigure), {"count": 20000}
        ),
    ),
    "setting": (
        "settings",
        lambda s, r: settings_service.update_setting(s, r["coordinator"], "gap_threshold", "0.4"),
    ),
    "user": (
        "users",
        lambda s, r: users.create_user(
            s, r["coordinator"], "uusi.kayttaja", "council", "Uusi Käyttäjä", "Uusi-salasana-2026"
        ),
    ),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_a_write_bumps_its_own_domain_only(engine: Engine, write: str) -> None:
    role = create_role_users(engine)
    domain, call = WRITES[write]
    with session_factory(engine)() as session:
        before = data_versions(session)
    with transaction(engine) as session:
        call(session, role)
    with session_factory(engine)() as session:
        after = data_versions(session)
    assert after == before | {domain: before[domain] + 1}


def test_every_version_is_read_in_one_statement(engine: Engine) -> None:
    with session_factory(engine)() as session:
        session.connection()  # the connection's own set-up statements are not the read
        with sql_statements(engine) as seen:
            versions = data_versions(session)
    assert len(seen) == 1
    assert set(versions) == set(DOMAINS)
