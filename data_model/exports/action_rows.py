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
from typing import Any

from sqlalchemy import Table as SqlTable
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
from .tables import BOOL, DATE, EUR, INT, TEXT, Table, council_columns, pick_name

# Measures are whole sentences with commas of their own: a semicolon tells where one ends.
# They are written out whole: a file for the council is read where the page is not at hand.
NAME_SEPARATOR = ", "
SENTENCE_SEPARATOR = "; "


def _joined(pairs: Iterable[tuple[int, str]], separator: str = NAME_SEPARATOR) -> dict[int, str]:
    """Names per action joined with `separator`, each in full."""
    grouped: dict[int, list[str]] = defaultdict(list)
    for action_id, name in pairs:
        grouped[action_id].append(name)
    return {action_id: separator.join(names) for action_id, names in grouped.items()}


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

    def names(link: SqlTable, model: Any, separator: str = NAME_SEPARATOR) -> dict[int, str]:
        """Per action, the names of the rows it links to through `link`, in their sort order."""
        target = next(column for column in link.c if column.name != "action_id")
        name_fi, name_en = (
            (model.text_fi, model.text_en) if model is DevelopmentMeasure else (model.name_fi, model.name_en)
        )
        rows = session.execute(
            select(link.c.action_id, name_fi, name_en)
            .join(model, model.id == target)
            .where(link.c.action_id.in_(ids))
            .order_by(link.c.action_id, model.sort_order)
        )
        return _joined(((action_id, pick_name(lang, fi, en)) for action_id, fi, en in rows), separator)

    forms = names(action_form, Form)
    channels = names(action_channel, Channel)
    measures = names(action_measure, DevelopmentMeasure, SENTENCE_SEPARATOR)
    intended = names(action_intended_group, AudienceGroup)
    reached = _joined(
        (action_id, f"{pick_name(lang, fi, en)} {count}")
        for action_id, fi, en, count in session.execute(
            select(ActionReach.action_id, AudienceGroup.name_fi, AudienceGroup.name_en, ActionReach.count)
            .join(AudienceGroup, AudienceGroup.id == ActionReach.audience_group_id)
            .where(ActionReach.action_id.in_(ids))
            .order_by(ActionReach.action_id, AudienceGroup.sort_order)
        )
    )
    columns = council_columns(
        lang,
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
    body = tuple(
        (
            action.id,
            pick_name(lang, department.name_fi, department.name_en),
            action.title,
            action.description,
            action.start_date,
            action.end_date,
            pick_name(lang, opportunity.name_fi, opportunity.name_en) if opportunity else None,
            forms.get(action.id, ""),
            measures.get(action.id, ""),
            channels.get(action.id, ""),
            intended.get(action.id, ""),
            t(f"term.format.{action.format}", lang),
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
