"""Read side of the logging pages: choices for the form, lists of actions, one action to edit,
the audit log and who has reported. Every list is filtered and limited in SQL."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from .. import clock
from ..action_values import action_input_of
from ..editions import edition_in_force
from ..i18n import in_language
from ..models import (
    Action,
    Area,
    AudienceGroup,
    AuditEntry,
    Channel,
    Department,
    DepartmentReport,
    DevelopmentMeasure,
    Opportunity,
    ParticipationForm,
)
from ..models.actions import action_form
from ..permissions import CurrentUser, readable_department, require_read
from ..validation import ActionInput

MAX_ROWS = 500


@dataclass(frozen=True)
class Choice:
    """One option of a select box: its key, its names, and extra tags (an opportunity's forms)."""

    key: str
    name_fi: str
    name_en: str
    tags: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return in_language(lang, self.name_fi, self.name_en)


@dataclass(frozen=True)
class ActionChoices:
    """Everything a person picks from when logging an action, in display order."""

    departments: tuple[Choice, ...]
    forms: tuple[Choice, ...]
    opportunities: tuple[Choice, ...]
    measures: tuple[Choice, ...]
    channels: tuple[Choice, ...]
    groups: tuple[Choice, ...]
    areas: tuple[Choice, ...]


def department_choices(session: Session) -> tuple[Choice, ...]:
    """Every department in order, the active ones tagged "active"."""
    return tuple(
        Choice(str(d.id), d.name_fi, d.name_en, ("active",) if d.active else ())
        for d in session.scalars(select(Department).order_by(Department.sort_order, Department.id))
    )


def action_choices(session: Session, user: CurrentUser | None, on: date | None = None) -> ActionChoices:
    """The catalogue, forms, measures, channels, audience groups, departments and areas; the
    programme's items from the edition in force on `on` (an action's start date, default today)."""
    require_read(user, "summary.read")
    edition_id = edition_in_force(session, on or clock.today()).id
    opportunity_forms: dict[int, list[str]] = {}
    for opportunity_id, code in session.execute(
        select(Opportunity.id, ParticipationForm.code)
        .join(Opportunity.forms)
        .order_by(ParticipationForm.sort_order, ParticipationForm.id)
    ):
        opportunity_forms.setdefault(opportunity_id, []).append(code)
    return ActionChoices(
        departments=department_choices(session),
        forms=tuple(
            Choice(f.code, f.name_fi, f.name_en)
            for f in session.scalars(
                select(ParticipationForm).order_by(ParticipationForm.sort_order, ParticipationForm.id)
            )
        ),
        opportunities=tuple(
            Choice(o.code, o.name_fi, o.name_en, tuple(opportunity_forms.get(o.id, [])))
            for o in session.scalars(
                select(Opportunity)
                .where(Opportunity.active, Opportunity.edition_id == edition_id)
                .order_by(Opportunity.sort_order, Opportunity.id)
            )
        ),
        measures=tuple(
            Choice(m.code, m.text_fi, m.text_en)
            for m in session.scalars(
                select(DevelopmentMeasure)
                .where(DevelopmentMeasure.active, DevelopmentMeasure.edition_id == edition_id)
                .order_by(DevelopmentMeasure.principle_id, DevelopmentMeasure.sort_order)
            )
        ),
        channels=tuple(
            Choice(c.code, c.name_fi, c.name_en)
            for c in session.scalars(
                select(Channel)
                .where(Channel.active, Channel.edition_id == edition_id)
                .order_by(Channel.sort_order)
            )
        ),
        groups=tuple(
            Choice(g.code, g.name_fi, g.name_en, (g.kind,))
            for g in session.scalars(
                select(AudienceGroup)
                .where(AudienceGroup.active)
                .order_by(AudienceGroup.sort_order, AudienceGroup.id)
            )
        ),
        areas=tuple(
            Choice(str(a.id), a.name, a.name)
            for a in session.scalars(select(Area).where(Area.active).order_by(Area.sort_order, Area.name))
        ),
    )


# --- the list of actions ---------------------------------------------------------------------

SORTS = ("start_desc", "start_asc", "title", "updated_desc", "participants_desc")


@dataclass(frozen=True)
class ActionFilter:
    """What the actions list shows; `department_id` None = every department."""

    department_id: int | None = None
    deleted: bool = False
    text: str = ""
    start_from: date | None = None
    start_to: date | None = None
    form_code: str | None = None
    feedback_given: bool | None = None
    sort: str = "start_desc"
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True)
class ActionRow:
    """One line of the actions list."""

    id: int
    title: str
    department: str
    start_date: date
    end_date: date | None
    forms: str
    participants_total: int | None
    feedback_given: bool
    source: str
    version: int
    updated_at: datetime
    deleted_at: datetime | None


@dataclass(frozen=True)
class ActionPage:
    """A page of the actions list and how many actions match in all."""

    rows: tuple[ActionRow, ...]
    total: int


def _filtered(query: Select[Any], filters: ActionFilter) -> Select[Any]:
    query = query.where(Action.deleted_at.is_not(None) if filters.deleted else Action.deleted_at.is_(None))
    if filters.department_id is not None:
        query = query.where(Action.department_id == filters.department_id)
    if filters.text.strip():
        pattern = f"%{filters.text.strip().lower()}%"
        query = query.where(
            or_(func.lower(Action.title).like(pattern), func.lower(Action.description).like(pattern))
        )
    if filters.start_from:
        query = query.where(Action.start_date >= filters.start_from)
    if filters.start_to:
        query = query.where(Action.start_date <= filters.start_to)
    if filters.form_code:
        query = query.where(
            Action.id.in_(
                select(action_form.c.action_id)
                .join(ParticipationForm, ParticipationForm.id == action_form.c.participation_form_id)
                .where(ParticipationForm.code == filters.form_code)
            )
        )
    if filters.feedback_given is not None:
        query = query.where(Action.feedback_given.is_(filters.feedback_given))
    return query


_ORDER = {
    "start_desc": (Action.start_date.desc(), Action.id.desc()),
    "start_asc": (Action.start_date.asc(), Action.id.asc()),
    "title": (func.lower(Action.title).asc(), Action.id.asc()),
    "updated_desc": (Action.updated_at.desc(), Action.id.desc()),
    "participants_desc": (func.coalesce(Action.participants_total, -1).desc(), Action.id.desc()),
}


def list_actions(
    session: Session, user: CurrentUser | None, filters: ActionFilter, lang: str = "fi"
) -> ActionPage:
    """The actions matching `filters`, sorted, at most `limit` (≤ 500) from `offset`.

    A department head's list is their own department's (asking for every department gives
    that); asking for another department is refused."""
    filters = replace(filters, department_id=readable_department(user, "actions.read", filters.department_id))
    total = session.scalar(_filtered(select(func.count(Action.id)), filters)) or 0
    query = (
        _filtered(select(Action), filters)
        # The department joined in the same statement: a second one for it would take the page
        # over issue 12's 15.
        .options(selectinload(Action.forms), joinedload(Action.department))
        .order_by(*_ORDER.get(filters.sort, _ORDER["start_desc"]))
        .limit(min(max(filters.limit, 1), MAX_ROWS))
        .offset(max(filters.offset, 0))
    )
    rows = tuple(
        ActionRow(
            id=action.id,
            title=action.title,
            department=in_language(lang, action.department.name_fi, action.department.name_en),
            start_date=action.start_date,
            end_date=action.end_date,
            forms=", ".join(in_language(lang, form.name_fi, form.name_en) for form in action.forms),
            participants_total=action.participants_total,
            feedback_given=action.feedback_given,
            source=action.source,
            version=action.version,
            updated_at=action.updated_at,
            deleted_at=action.deleted_at,
        )
        for action in session.scalars(query)
    )
    return ActionPage(rows=rows, total=int(total))


@dataclass(frozen=True)
class EditableAction:
    """A stored action as form values, with the version the edit is based on."""

    id: int
    version: int
    deleted: bool
    values: ActionInput


def action_for_edit(session: Session, user: CurrentUser | None, action_id: int) -> EditableAction | None:
    """One action to edit (read fresh, never from a cache), or None when there is none; only
    for those who may read its department's actions."""
    action = session.get(Action, action_id)
    own = user.department_id if user is not None else None
    require_read(user, "actions.read", action.department_id if action is not None else own)
    if action is None:
        return None
    return EditableAction(action.id, action.version, action.deleted_at is not None, action_input_of(action))


# --- the audit log ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    """Which audit entries to show; empty values do not filter."""

    username: str = ""
    event: str = ""
    entity: str = ""
    entity_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    limit: int = 200


@dataclass(frozen=True)
class AuditRow:
    """One audit entry as the audit page shows it."""

    id: int
    at: datetime
    username: str
    event: str
    entity: str
    entity_id: int | None
    before: dict[str, object] | None = field(default=None, hash=False)
    after: dict[str, object] | None = field(default=None, hash=False)
    note: str = ""

    @property
    def changed(self) -> tuple[str, ...]:
        """The fields whose value differs before and after (all of them for a create)."""
        before, after = self.before or {}, self.after or {}
        keys = sorted(set(before) | set(after))
        return tuple(key for key in keys if before.get(key) != after.get(key) and key != "version")


def list_audit(session: Session, user: CurrentUser | None, filters: AuditFilter) -> tuple[AuditRow, ...]:
    """The newest audit entries matching `filters`, at most `limit` (≤ 500); the coordinator's."""
    require_read(user, "audit.read")
    query = select(AuditEntry)
    if filters.username:
        query = query.where(AuditEntry.username == filters.username)
    if filters.event:
        query = query.where(AuditEntry.event == filters.event)
    if filters.entity:
        query = query.where(AuditEntry.entity == filters.entity)
    if filters.entity_id is not None:
        query = query.where(AuditEntry.entity_id == filters.entity_id)
    if filters.date_from:
        # The days are Helsinki days, the entries stored in UTC.
        query = query.where(AuditEntry.at >= clock.day_start_stored(filters.date_from))
    if filters.date_to:
        query = query.where(AuditEntry.at < clock.day_start_stored(filters.date_to + timedelta(days=1)))
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(
        min(max(filters.limit, 1), MAX_ROWS)
    )
    return tuple(
        AuditRow(e.id, e.at, e.username, e.event, e.entity, e.entity_id, e.before, e.after, e.note)
        for e in session.scalars(query)
    )


@dataclass(frozen=True)
class AuditVocabulary:
    """The values the audit filters offer: who has done something, which events, which entities."""

    usernames: tuple[str, ...]
    events: tuple[str, ...]
    entities: tuple[str, ...]


def audit_vocabulary(session: Session, user: CurrentUser | None) -> AuditVocabulary:
    """Distinct usernames, events and entities in the audit log, for the filter boxes."""
    require_read(user, "audit.read")

    def distinct(column: object) -> tuple[str, ...]:
        return tuple(
            value
            for value in session.scalars(select(column).distinct().order_by(column))  # type: ignore[call-overload]
            if value
        )

    return AuditVocabulary(
        distinct(AuditEntry.username), distinct(AuditEntry.event), distinct(AuditEntry.entity)
    )


# --- department reports ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReportRow:
    """One submitted department report."""

    id: int
    department: str
    period_start: date
    period_end: date
    summary: str
    url: str
    submitted_at: datetime


def list_reports(
    session: Session, user: CurrentUser | None, department_id: int | None = None, limit: int = 50
) -> tuple[ReportRow, ...]:
    """The newest reports, of one department or of all; a department head's are their own
    department's (asking for all gives those), another department's are refused."""
    department_id = readable_department(user, "reports.read", department_id)
    query = (
        select(DepartmentReport, Department.name_fi)
        .join(Department, Department.id == DepartmentReport.department_id)
        .where(DepartmentReport.deleted_at.is_(None))
    )
    if department_id is not None:
        query = query.where(DepartmentReport.department_id == department_id)
    query = query.order_by(DepartmentReport.submitted_at.desc()).limit(min(limit, MAX_ROWS))
    return tuple(
        ReportRow(r.id, name, r.period_start, r.period_end, r.summary, r.url, r.submitted_at)
        for r, name in session.execute(query)
    )
