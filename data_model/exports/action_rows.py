"""The actions of a period as rows for the CSV file and the workbook's actions sheet.

Which actions belong to the period is decided by the metrics' own filter
(`metrics.filters.action_conditions`: not deleted, start date within the period), so the
listing holds exactly the actions the figures count. The many-valued fields (forms, channels,
measures, intended groups, reach per group) are read with one grouped query each and joined
into text here, which is listing, not aggregating.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import t
from ..metrics.filters import MetricFilters, action_conditions
from ..models import (
    Action,
    ActionReach,
    Area,
    AudienceGroup,
    Channel,
    Department,
    DevelopmentMeasure,
    Opportunity,
)
from ..models import ParticipationForm as Form
from ..models.actions import action_channel, action_form, action_intended_group, action_measure
from .tables import BOOL, DATE, EUR, INT, TEXT, Column, Table

# Measures are whole sentences; the listing shows their beginning.
MEASURE_TEXT_LIMIT = 60


def _name(lang: str, fi: str, en: str) -> str:
    return en if lang == "en" and en else fi


def _joined(pairs: Iterable[tuple[int, str]], limit: int = 0) -> dict[int, str]:
    """Names per action joined with commas; with `limit`, each shortened to that length."""
    grouped: dict[int, list[str]] = defaultdict(list)
    for action_id, name in pairs:
        grouped[action_id].append(name if not limit or len(name) <= limit else name[: limit - 1] + "…")
    return {action_id: ", ".join(names) for action_id, names in grouped.items()}


def actions_table(session: Session, filters: MetricFilters, lang: str = "fi") -> Table:
    """Every counted action of the filters, oldest first, with its names spelled out."""
    ids = select(Action.id).where(*action_conditions(filters)).scalar_subquery()
    rows = session.execute(
        select(Action, Department, Opportunity, Area)
        .join(Department, Department.id == Action.department_id)
        .outerjoin(Opportunity, Opportunity.id == Action.opportunity_id)
        .outerjoin(Area, Area.id == Action.area_id)
        .where(Action.id.in_(ids))
        .order_by(Action.start_date, Action.id)
    ).all()

    forms = _joined(
        session.execute(
            select(action_form.c.action_id, Form.name_fi if lang == "fi" else Form.name_en)
            .join(Form, Form.id == action_form.c.participation_form_id)
            .where(action_form.c.action_id.in_(ids))
            .order_by(action_form.c.action_id, Form.sort_order)
        )
    )
    channels = _joined(
        session.execute(
            select(action_channel.c.action_id, Channel.name_fi if lang == "fi" else Channel.name_en)
            .join(Channel, Channel.id == action_channel.c.channel_id)
            .where(action_channel.c.action_id.in_(ids))
            .order_by(action_channel.c.action_id, Channel.sort_order)
        )
    )
    measures = _joined(
        session.execute(
            select(
                action_measure.c.action_id,
                DevelopmentMeasure.text_fi if lang == "fi" else DevelopmentMeasure.text_en,
            )
            .join(DevelopmentMeasure, DevelopmentMeasure.id == action_measure.c.development_measure_id)
            .where(action_measure.c.action_id.in_(ids))
            .order_by(action_measure.c.action_id, DevelopmentMeasure.sort_order)
        ),
        limit=MEASURE_TEXT_LIMIT,
    )
    intended = _joined(
        session.execute(
            select(
                action_intended_group.c.action_id,
                AudienceGroup.name_fi if lang == "fi" else AudienceGroup.name_en,
            )
            .join(AudienceGroup, AudienceGroup.id == action_intended_group.c.audience_group_id)
            .where(action_intended_group.c.action_id.in_(ids))
            .order_by(action_intended_group.c.action_id, AudienceGroup.sort_order)
        )
    )
    reached = _joined(
        (action_id, f"{name} {count}")
        for action_id, name, count in session.execute(
            select(
                ActionReach.action_id,
                AudienceGroup.name_fi if lang == "fi" else AudienceGroup.name_en,
                ActionReach.count,
            )
            .join(AudienceGroup, AudienceGroup.id == ActionReach.audience_group_id)
            .where(ActionReach.action_id.in_(ids))
            .order_by(ActionReach.action_id, AudienceGroup.sort_order)
        )
    )
    columns = tuple(
        Column(t(f"council.col.{key}", lang), kind)
        for key, kind in (
            ("id", INT),
            ("department", TEXT),
            ("title", TEXT),
            ("description", TEXT),
            ("start", DATE),
            ("end", DATE),
            ("opportunity", TEXT),
            ("forms", TEXT),
            ("measures", TEXT),
            ("channels", TEXT),
            ("intended", TEXT),
            ("format", TEXT),
            ("area", TEXT),
            ("participants", INT),
            ("reach", TEXT),
            ("estimate", BOOL),
            ("officials", BOOL),
            ("feedback_given", BOOL),
            ("feedback_date", DATE),
            ("feedback_method", TEXT),
            ("decision_change", TEXT),
            ("staff_experience", INT),
            ("cost", EUR),
            ("origin", TEXT),
        )
    )
    body = tuple(
        (
            action.id,
            _name(lang, department.name_fi, department.name_en),
            action.title,
            action.description,
            action.start_date,
            action.end_date,
            _name(lang, opportunity.name_fi, opportunity.name_en) if opportunity else None,
            forms.get(action.id, ""),
            measures.get(action.id, ""),
            channels.get(action.id, ""),
            intended.get(action.id, ""),
            t(f"council.format.{action.format}", lang),
            area.name if area else None,
            action.participants_total,
            reached.get(action.id, ""),
            action.reach_estimate,
            action.officials_took_part,
            action.feedback_given,
            action.feedback_date,
            action.feedback_method,
            action.decision_change,
            action.staff_experience,
            action.cost_eur,
            t(f"council.origin.{action.source}", lang),
        )
        for action, department, opportunity, area in rows
    )
    return Table("actions", t("council.sheet.actions", lang), columns, body)
