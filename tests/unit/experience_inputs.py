"""Survey results on the experience of participation as the form would enter them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_model.models import AudienceGroup
from data_model.validation.experience import ExperienceInput


def group_id(session: Session, code: str) -> int:
    return session.scalars(select(AudienceGroup.id).where(AudienceGroup.code == code)).one()


def experience_input(
    session: Session, group: str | None = "youth_15_29", **values: object
) -> ExperienceInput:
    """THL's indicator for `group` (None: everyone) in 2023, 412 respondents, score 61."""
    data = ExperienceInput(
        survey="thl_school_health",
        year=2023,
        audience_group_id=group_id(session, group) if group else None,
        respondents=412,
        score=61,
        source_name="THL, Kouluterveyskysely 2023",
        source_url="https://thl.fi/kouluterveyskysely",
    )
    for name, value in values.items():
        setattr(data, name, value)
    return data
