"""Recording survey results on the experience of participation: only the coordinator writes
(department heads and the council are refused by the service itself), the rules with their
message keys, the database's CHECKs, the audit trail and the data version."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from data_model.data_versions import EXPERIENCE, data_versions
from data_model.db import session_factory, transaction
from data_model.models import AuditEntry, ExperienceResult
from data_model.permissions import CurrentUser, PermissionDenied
from data_model.services.actions import VersionConflict
from data_model.services.experience import (
    create_experience,
    restore_experience,
    soft_delete_experience,
    update_experience,
)
from data_model.validation import ValidationError
from tests.factories import create_role_users
from tests.unit.experience_inputs import experience_input


@pytest.fixture
def users(engine: Engine) -> dict[str, CurrentUser]:
    return create_role_users(engine)


def _create(engine: Engine, user: CurrentUser, **values: object) -> tuple[int, int]:
    with transaction(engine) as session:
        result = create_experience(session, user, experience_input(session, **values))  # type: ignore[arg-type]
        return result.id, result.version


def _events(session: Session, result_id: int) -> list[str]:
    return list(
        session.scalars(
            select(AuditEntry.event)
            .where(AuditEntry.entity == "experience_result", AuditEntry.entity_id == result_id)
            .order_by(AuditEntry.id)
        )
    )


def test_the_coordinator_records_edits_deletes_and_restores_audited(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    coordinator = users["coordinator"]
    with session_factory(engine)() as session:
        before = data_versions(session)[EXPERIENCE]
    result_id, version = _create(engine, coordinator)
    with transaction(engine) as session:
        update_experience(session, coordinator, result_id, version, experience_input(session, score="64,5"))
    with transaction(engine) as session:
        soft_delete_experience(session, coordinator, result_id)
    with transaction(engine) as session:
        restore_experience(session, coordinator, result_id)
    with session_factory(engine)() as session:
        stored = session.get_one(ExperienceResult, result_id)
        assert (stored.score, stored.respondents, stored.deleted_at, stored.created_by_id) == (
            64.5,
            412,
            None,
            coordinator.id,
        )
        assert _events(session, result_id) == ["create", "update", "delete", "restore"]
        assert data_versions(session)[EXPERIENCE] == before + 4


@pytest.mark.parametrize("role", ["department_head", "council"])
def test_other_roles_are_refused_by_every_service(
    engine: Engine, users: dict[str, CurrentUser], role: str
) -> None:
    result_id, version = _create(engine, users["coordinator"])
    wrong = users[role]
    with session_factory(engine)() as session:
        with pytest.raises(PermissionDenied):
            create_experience(session, wrong, experience_input(session, year=2024))
        with pytest.raises(PermissionDenied):
            update_experience(session, wrong, result_id, version, experience_input(session, score=10))
        with pytest.raises(PermissionDenied):
            soft_delete_experience(session, wrong, result_id)
        with pytest.raises(PermissionDenied):
            restore_experience(session, wrong, result_id)
        session.rollback()
        stored = session.get_one(ExperienceResult, result_id)
        assert (stored.score, stored.deleted_at) == (61, None)
        assert session.scalar(select(ExperienceResult.id).where(ExperienceResult.year == 2024)) is None


@pytest.mark.parametrize(
    ("values", "field", "key"),
    [
        ({"survey": "gallup"}, "survey", "experience.error.choose_survey"),
        ({"year": 1999}, "year", "experience.error.year"),
        ({"respondents": 0}, "respondents", "experience.error.respondents"),
        ({"score": 101}, "score", "validation.number_between"),
        ({"score": None}, "score", "experience.error.score_or_distribution"),
        (
            {"score": None, "agree_pct": 50, "neutral_pct": 20, "disagree_pct": 20},
            "disagree_pct",
            "experience.error.shares_sum",
        ),
        ({"area_id": 1}, "area_id", "experience.error.group_and_area"),
        ({"source_name": " "}, "source_name", "experience.error.source_missing"),
        ({"source_url": "javascript:alert(1)"}, "source_url", "validation.url_scheme"),
    ],
)
def test_a_bad_value_is_named_on_its_field_and_nothing_is_saved(
    engine: Engine, users: dict[str, CurrentUser], values: dict[str, object], field: str, key: str
) -> None:
    with session_factory(engine)() as session:
        with pytest.raises(ValidationError) as raised:
            create_experience(session, users["coordinator"], experience_input(session, **values))  # type: ignore[arg-type]
        assert raised.value.errors[field].key == key
        session.rollback()
        assert session.scalar(select(ExperienceResult.id)) is None


def test_a_distribution_alone_is_a_result(engine: Engine, users: dict[str, CurrentUser]) -> None:
    result_id, _ = _create(
        engine,
        users["coordinator"],
        survey="city_survey",
        score=None,
        agree_pct=38,
        neutral_pct="31,5",
        disagree_pct=31,
    )
    with session_factory(engine)() as session:
        stored = session.get_one(ExperienceResult, result_id)
        assert (stored.score, stored.agree_pct, stored.neutral_pct) == (None, 38, 31.5)


def test_the_same_survey_year_and_group_twice_is_refused_and_stale_edits_too(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    coordinator = users["coordinator"]
    result_id, version = _create(engine, coordinator)
    with session_factory(engine)() as session:
        with pytest.raises(ValidationError) as raised:
            create_experience(session, coordinator, experience_input(session))
        assert raised.value.errors["year"].key == "experience.error.repeat"
    with transaction(engine) as session:
        update_experience(session, coordinator, result_id, version, experience_input(session, score=62))
    with session_factory(engine)() as session, pytest.raises(VersionConflict):
        update_experience(session, coordinator, result_id, version, experience_input(session, score=63))


@pytest.mark.parametrize(
    "assignment",
    ["score = 101", "respondents = 0", "year = 1990", "survey = 'gallup'", "score = NULL", "area_id = 1"],
)
def test_the_database_refuses_a_result_outside_its_rules(
    engine: Engine, users: dict[str, CurrentUser], assignment: str
) -> None:
    _create(engine, users["coordinator"])
    with pytest.raises(IntegrityError), transaction(engine) as session:
        session.execute(text(f"UPDATE experience_result SET {assignment}"))  # noqa: S608
