"""audit.changed: the one before/after block every service audits a change with."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from data_model.data_versions import data_versions
from data_model.db import transaction
from data_model.models import AuditEntry, Department
from data_model.services import audit
from tests.factories import create_role_users


def _name(row: Department) -> dict[str, object]:
    return audit.values_of(row, ("name_fi", "sort_order"))


def test_a_change_is_recorded_with_its_values_before_and_after(engine: Engine) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    with transaction(engine) as session:
        versions = data_versions(session)
        department = session.scalars(select(Department).order_by(Department.id)).first()
        assert department is not None
        old = department.name_fi
        with audit.changed(session, coordinator, "update", "department", department, _name, note="x"):
            department.name_fi = "Uusi nimi"
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        assert (entry.event, entry.entity, entry.entity_id, entry.note) == (
            "update",
            "department",
            department.id,
            "x",
        )
        assert entry.before == {"name_fi": old, "sort_order": department.sort_order}
        assert entry.after == {"name_fi": "Uusi nimi", "sort_order": department.sort_order}
        assert entry.username == coordinator.username
        # A department's change bumps the reference data's version, and no other.
        assert data_versions(session) == versions | {"reference": versions["reference"] + 1}


def test_a_block_that_raises_records_nothing(engine: Engine) -> None:
    coordinator = create_role_users(engine)["coordinator"]
    with transaction(engine) as session:
        entries = session.scalar(select(func.count(AuditEntry.id)))
        department = session.scalars(select(Department).order_by(Department.id)).first()
        assert department is not None
        with (
            pytest.raises(RuntimeError),
            audit.changed(session, coordinator, "update", "department", department, _name),
        ):
            raise RuntimeError("refused half-way")
        assert session.scalar(select(func.count(AuditEntry.id))) == entries
