"""The actions behind a figure: what a dashboard cell, bar or gap is made of."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, String, cast, literal, select, union_all
from sqlalchemy.orm import Session

from .. import clock
from ..editions import in_force_id_sql
from ..models import (
    Action,
    ActionReach,
    Area,
    AudienceGroup,
    Channel,
    Department,
    Opportunity,
    ParticipationForm,
)
from ..permissions import CurrentUser, require_read
from . import rollup_reads
from .filters import MetricFilters, action_conditions, linked_actions
from .labels import Label

DRILLDOWN_LIMIT = 500


@dataclass(frozen=True)
class ActionRow:
    """One action as a dashboard lists it; `group_count` is the chosen group's count, if any."""

    id: int
    title: str
    department: Label
    start_date: date
    end_date: date | None
    participants_total: int | None
    group_count: int | None
    feedback_given: bool
    opportunity_fi: str
    opportunity_en: str


@dataclass(frozen=True)
class FilterOptions:
    """What the dashboard filters can offer: rows in use or active, in sort order."""

    departments: tuple[Label, ...]
    forms: tuple[Label, ...]
    areas: tuple[Label, ...]
    channels: tuple[Label, ...]
    groups: tuple[Label, ...]
    first_month: date | None  # the first day of the month of the earliest live action


def actions_behind(
    session: Session,
    user: CurrentUser | None,
    filters: MetricFilters,
    department_id: int | None = None,
    form_code: str | None = None,
    channel_code: str | None = None,
    group_code: str | None = None,
) -> list[ActionRow]:
    """The filtered actions narrowed to one department / form / channel / group (any of them),
    newest first; with a group, only actions that recorded a count for it."""
    require_read(user, "summary.read")
    conditions = action_conditions(filters)
    if department_id is not None:
        conditions.append(Action.department_id == department_id)
    if form_code is not None:
        conditions.append(Action.id.in_(linked_actions("form", (form_code,))))
    if channel_code is not None:
        conditions.append(Action.id.in_(linked_actions("channel", (channel_code,))))
    statement = (
        select(Action, Department, Opportunity.name_fi, Opportunity.name_en)
        .join(Department, Department.id == Action.department_id)
        .outerjoin(Opportunity, Opportunity.id == Action.opportunity_id)
    )
    count_column = None
    if group_code is not None:
        count_column = ActionReach.count
        statement = (
            statement.add_columns(ActionReach.count)
            .join(ActionReach, ActionReach.action_id == Action.id)
            .join(AudienceGroup, AudienceGroup.id == ActionReach.audience_group_id)
            .where(AudienceGroup.code == group_code)
        )
    rows = session.execute(
        statement.where(*conditions)
        .order_by(Action.start_date.desc(), Action.id.desc())
        .limit(DRILLDOWN_LIMIT)
    ).all()
    return [
        ActionRow(
            id=row[0].id,
            title=row[0].title,
            department=Label(row[1].id, row[1].code, row[1].name_fi, row[1].name_en),
            start_date=row[0].start_date,
            end_date=row[0].end_date,
            participants_total=row[0].participants_total,
            group_count=int(row[-1]) if count_column is not None else None,
            feedback_given=row[0].feedback_given,
            opportunity_fi=row[2] or "",
            opportunity_en=row[3] or "",
        )
        for row in rows
    ]


def _options(kind: str, model: Any, *conditions: Any) -> Select[Any]:
    code = cast(model.id, String) if model is Area else model.code
    name_fi = model.name if model is Area else model.name_fi
    name_en = model.name if model is Area else model.name_en
    return select(
        literal(kind).label("kind"),
        model.id,
        code.label("code"),
        name_fi.label("name_fi"),
        name_en.label("name_en"),
        model.sort_order,
    ).where(*conditions)


def filter_options(session: Session, user: CurrentUser | None) -> FilterOptions:
    """Departments, forms, areas, channels and groups to filter by (one statement for all the
    lists: every report page asks for them on every cold render)."""
    require_read(user, "summary.read")
    # From the monthly sums (a bucket with live actions), not from every action: the sidebar
    # is read on every cold render of every report page.
    used_departments = rollup_reads.departments_with_actions()
    lists = union_all(
        _options("departments", Department, Department.active | Department.id.in_(used_departments)),
        _options("forms", ParticipationForm),
        _options("areas", Area, Area.active),
        # The channels of the edition in force: a channel filter matches by code, so the
        # actions of an earlier edition's same channel are found as well.
        _options("channels", Channel, Channel.active, Channel.edition_id == in_force_id_sql(clock.today())),
        _options("groups", AudienceGroup, AudienceGroup.active),
    ).subquery()
    found: dict[str, list[Label]] = {
        kind: [] for kind in ("departments", "forms", "areas", "channels", "groups")
    }
    # The first action's month rides along on every row (the period choices start from its
    # year): one statement for the whole sidebar.
    rows = session.execute(
        select(
            lists.c.kind,
            lists.c.id,
            lists.c.code,
            lists.c.name_fi,
            lists.c.name_en,
            rollup_reads.first_month(),
        ).order_by(lists.c.kind, lists.c.sort_order, lists.c.id)
    ).all()
    for kind, key, code, name_fi, name_en, _first in rows:
        found[kind].append(Label(key, code, name_fi, name_en))
    first_key = rows[0][-1] if rows else None
    first = date(first_key // 100, first_key % 100, 1) if first_key is not None else None
    return FilterOptions(
        departments=tuple(found["departments"]),
        forms=tuple(found["forms"]),
        areas=tuple(found["areas"]),
        channels=tuple(found["channels"]),
        groups=tuple(found["groups"]),
        first_month=first,
    )
