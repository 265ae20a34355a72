"""How the programme is used: catalogue, channels and responsibilities (the development
steps: metrics.measures).

Every figure counts only actions that are not soft-deleted, aggregated in SQL. Dates are
judged against an injected `today`, so the answers are repeatable in tests.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, func, literal, select
from sqlalchemy.orm import Session

from ..i18n import DEFAULT_LANGUAGE, in_language
from ..models import (
    Action,
    ActionReach,
    Actor,
    AudienceGroup,
    Channel,
    Department,
    DepartmentReport,
    Opportunity,
    ParticipationForm,
    Responsibility,
)
from ..models.actions import action_channel
from ..models.programme import channel_audience, opportunity_form
from ..permissions import CurrentUser, require_read
from .coverage import unused_opportunities
from .filters import MetricFilters, add_months
from .reporting import (
    DUE_SOON,
    DUE_SOON_DAYS,
    OK,
    OVERDUE,
    STATUSES,
    UNTRACKED,
    ReportingStatus,
    department_statuses,
    reported_on_time,
)
from .settings import load_metric_settings

# Months between two occurrences of a recurring duty.
CADENCE_MONTHS = {"semiannual": 6, "annual": 12, "council_term": 48}
# The general "residents" target tag is reached by every participant (see channel_usage).
RESIDENTS_GROUP = "residents"
# Actors whose duties are evidenced by one kind of department's actions only.
ACTOR_DEPARTMENT_KIND = {"toimialat": "department", "vaikuttamistoimielimet": "advocacy_body"}
# Duties whose evidence is one kind of action only: residents monitor the programme through
# surveys, so only an action that used the survey opportunity shows that duty done.
DUTY_OPPORTUNITY = {"asukkaat_seuranta_kyselyin": "asukaskyselyt"}


def live_actions() -> ColumnElement[bool]:
    """The condition every figure shares: an action counts unless it is soft-deleted."""
    return Action.deleted_at.is_(None)


# --- catalogue -----------------------------------------------------------------------------


@dataclass(frozen=True)
class OpportunityUsage:
    """One catalogue item and how it has been used."""

    id: int
    code: str
    name_fi: str
    name_en: str
    statutory: str
    legal_basis: str | None
    legal_basis_en: str
    note_fi: str
    active: bool
    times_used: int
    last_used: date | None
    departments: tuple[str, ...]
    unused: bool  # not used within the last `unused_months` months (or never)

    def legal_basis_in(self, lang: str) -> str:
        """The law and section in `lang` ('' for a voluntary opportunity)."""
        return in_language(lang, self.legal_basis or "", self.legal_basis_en)


@dataclass(frozen=True)
class FormCatalogue:
    """The catalogue items listed under one participation form."""

    code: str
    name_fi: str
    name_en: str
    opportunities: tuple[OpportunityUsage, ...]


@dataclass(frozen=True)
class CatalogueUsage:
    forms: tuple[FormCatalogue, ...]
    unused_months: int
    since: date  # the start of the window that decides "unused"


def _department_names(rows: object) -> dict[int, tuple[str, ...]]:
    names: dict[int, list[str]] = defaultdict(list)
    for key, name in rows:  # type: ignore[attr-defined]
        names[key].append(name)
    return {key: tuple(values) for key, values in names.items()}


def catalogue_usage(
    session: Session, user: CurrentUser | None, today: date, include_retired: bool = False
) -> CatalogueUsage:
    """Each catalogue item by participation form, with times used, last use and departments
    (actions starting on or before `today`); "unused" as metrics.coverage decides it."""
    require_read(user, "summary.read")
    months = load_metric_settings(session).unused_months
    since = add_months(today, -months)
    unused_ids = {item.opportunity.id for item in unused_opportunities(session, user, MetricFilters(), today)}
    usage = {
        row.opportunity_id: (int(row.times), row.last)
        for row in session.execute(
            select(
                Action.opportunity_id,
                func.count(Action.id).label("times"),
                func.max(Action.start_date).label("last"),
            )
            .where(live_actions(), Action.start_date <= today, Action.opportunity_id.is_not(None))
            .group_by(Action.opportunity_id)
        )
    }
    departments = _department_names(
        session.execute(
            select(Action.opportunity_id, Department.name_fi)
            .join(Department, Department.id == Action.department_id)
            .where(live_actions(), Action.start_date <= today, Action.opportunity_id.is_not(None))
            .group_by(Action.opportunity_id, Department.name_fi, Department.sort_order)
            .order_by(Action.opportunity_id, Department.sort_order)
        )
    )
    listing = session.execute(
        select(ParticipationForm, Opportunity)
        .join(opportunity_form, opportunity_form.c.form_id == ParticipationForm.id)
        .join(Opportunity, Opportunity.id == opportunity_form.c.opportunity_id)
        .where(literal(include_retired) | Opportunity.active)
        .order_by(ParticipationForm.sort_order, Opportunity.sort_order)
    ).all()
    grouped: dict[int, list[OpportunityUsage]] = defaultdict(list)
    for form, item in listing:
        times, last = usage.get(item.id, (0, None))
        grouped[form.id].append(
            OpportunityUsage(
                id=item.id,
                code=item.code,
                name_fi=item.name_fi,
                name_en=item.name_en,
                statutory=item.statutory,
                legal_basis=item.legal_basis,
                legal_basis_en=item.legal_basis_en,
                note_fi=item.note_fi,
                active=item.active,
                times_used=times,
                last_used=last,
                departments=departments.get(item.id, ()),
                # retired items are outside coverage's answer: judged by the same rule here
                unused=item.id in unused_ids if item.active else (last is None or last < since),
            )
        )
    all_forms = session.scalars(select(ParticipationForm).order_by(ParticipationForm.sort_order))
    return CatalogueUsage(
        forms=tuple(
            FormCatalogue(form.code, form.name_fi, form.name_en, tuple(grouped.get(form.id, [])))
            for form in all_forms
        ),
        unused_months=months,
        since=since,
    )


# --- channels ------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupReach:
    """Participants of one audience group in the actions that used a channel."""

    code: str
    name_fi: str
    name_en: str
    participants: int  # 0 when nothing was recorded for the group
    intended: bool  # one of the channel's target groups


@dataclass(frozen=True)
class ChannelUsage:
    id: int
    code: str
    name_fi: str
    name_en: str
    details_fi: str
    goals_fi: str
    goals_en: str
    target_groups_fi: str
    content_fi: str
    content_en: str
    active: bool
    target_groups: tuple[GroupReach, ...]  # intended groups, with what was reached of each
    other_groups: tuple[GroupReach, ...]  # groups reached that the channel does not target
    times_used: int
    last_used: date | None
    participants_total: int  # sum of the known totals of those actions
    unknown_totals: int  # actions using the channel whose total is not known

    @property
    def intended_reached(self) -> tuple[GroupReach, ...]:
        """Target groups with at least one participant: never also in `intended_not_reached`."""
        return tuple(group for group in self.target_groups if group.participants > 0)

    @property
    def intended_not_reached(self) -> tuple[GroupReach, ...]:
        return tuple(group for group in self.target_groups if group.participants == 0)

    def target_groups_text(self, lang: str) -> str:
        """The intended groups: as the programme prints them, or in another language the names of the
        groups the printed cell was coded as (the printed Finnish has no English version)."""
        if lang != DEFAULT_LANGUAGE and self.target_groups:
            return ", ".join(in_language(lang, group.name_fi, group.name_en) for group in self.target_groups)
        return in_language(lang, self.target_groups_fi, "")


def channel_usage(
    session: Session, user: CurrentUser | None, include_retired: bool = False
) -> list[ChannelUsage]:
    """All channels with their content, use, and whom their actions reached vs their targets.

    The general target tag "residents" counts every participant (the known totals), since
    any participant is a resident; other groups count what was recorded for that group.
    """
    require_read(user, "summary.read")
    used = (
        select(action_channel.c.channel_id, Action.id.label("action_id"), Action.start_date)
        .join(Action, Action.id == action_channel.c.action_id)
        .where(live_actions())
        .subquery()
    )
    usage = {
        row.channel_id: (int(row.n), row.last)
        for row in session.execute(
            select(used.c.channel_id, func.count().label("n"), func.max(used.c.start_date).label("last"))
            .select_from(used)
            .group_by(used.c.channel_id)
        )
    }
    totals = {
        row.channel_id: (int(row.total or 0), int(row.unknown or 0))
        for row in session.execute(
            select(
                used.c.channel_id,
                func.sum(Action.participants_total).label("total"),
                func.count(Action.id).filter(Action.participants_total.is_(None)).label("unknown"),
            )
            .join(Action, Action.id == used.c.action_id)
            .group_by(used.c.channel_id)
        )
    }
    reached: dict[int, dict[int, int]] = defaultdict(dict)
    for row in session.execute(
        select(used.c.channel_id, ActionReach.audience_group_id, func.sum(ActionReach.count).label("n"))
        .join(ActionReach, ActionReach.action_id == used.c.action_id)
        .group_by(used.c.channel_id, ActionReach.audience_group_id)
    ):
        reached[row.channel_id][row.audience_group_id] = int(row.n or 0)
    targets: dict[int, set[int]] = defaultdict(set)
    for channel_id, group_id in session.execute(
        select(channel_audience.c.channel_id, channel_audience.c.audience_group_id)
    ):
        targets[channel_id].add(group_id)
    groups = list(session.scalars(select(AudienceGroup).order_by(AudienceGroup.sort_order)))
    result = []
    channels = session.scalars(
        select(Channel).where(literal(include_retired) | Channel.active).order_by(Channel.sort_order)
    )
    for channel in channels:

        def reach_of(group: AudienceGroup, channel_id: int = channel.id) -> int:
            if group.code == RESIDENTS_GROUP:
                return totals.get(channel_id, (0, 0))[0]
            return reached.get(channel_id, {}).get(group.id, 0)

        intended = targets.get(channel.id, set())
        times, last = usage.get(channel.id, (0, None))
        total, unknown = totals.get(channel.id, (0, 0))
        result.append(
            ChannelUsage(
                id=channel.id,
                code=channel.code,
                name_fi=channel.name_fi,
                name_en=channel.name_en,
                details_fi=channel.details_fi,
                goals_fi=channel.goals_fi,
                goals_en=channel.goals_en,
                target_groups_fi=channel.target_groups_fi,
                content_fi=channel.content_fi,
                content_en=channel.content_en,
                active=channel.active,
                target_groups=tuple(
                    GroupReach(g.code, g.name_fi, g.name_en, reach_of(g), True)
                    for g in groups
                    if g.id in intended
                ),
                other_groups=tuple(
                    GroupReach(g.code, g.name_fi, g.name_en, reach_of(g), False)
                    for g in groups
                    if g.id not in intended and reached.get(channel.id, {}).get(g.id, 0) > 0
                ),
                times_used=times,
                last_used=last,
                participants_total=total,
                unknown_totals=unknown,
            )
        )
    return result


# --- responsibilities ----------------------------------------------------------------------


@dataclass(frozen=True)
class DutyStatus:
    """One duty of an actor and whether the evidence in the dashboard shows it done.

    status: ok | due_soon | overdue | untracked (the dashboard holds no evidence for it), the
    codes of metrics.reporting.
    Rules, with P = the cadence in months (continuous duties use the `unused_months` setting):
    the latest evidence dated on or before `today` sets the next deadline = evidence + P;
    "overdue" when that deadline has passed or there is no evidence at all, "due_soon" when it
    falls within DUE_SOON_DAYS, "ok" otherwise. Evidence by kind:
    - action: the newest logged action (of the actor's kind of department, where it has one,
      and of the duty's opportunity in DUTY_OPPORTUNITY);
    - department_report: each reporting department's status from metrics.reporting (its own
      cadence; no report yet = due that long after the programme's approval); the duty takes
      the worst department's status, and the dates of the department due first;
    - programme_review: the newest logged action or department report of any kind.
    """

    id: int
    code: str
    text_fi: str
    text_en: str
    cadence: str
    evidence: str
    active: bool
    status: str
    period_months: int | None
    last_evidence: date | None
    next_due: date | None
    evidence_count: int  # actions or reports found within the period
    departments: tuple[ReportingStatus, ...] = ()
    cadence_assumed: bool = True  # the city chose the cadence; the programme does not state it


@dataclass(frozen=True)
class ActorDuties:
    id: int
    code: str
    name_fi: str
    name_en: str
    duties: tuple[DutyStatus, ...]


def deadline_status(last: date | None, months: int, today: date) -> tuple[str, date | None]:
    """ok / due_soon / overdue for evidence dated `last` that must recur every `months` months."""
    if last is None:
        return OVERDUE, None
    next_due = add_months(last, months)
    if next_due < today:
        return OVERDUE, next_due
    if next_due <= today + timedelta(days=DUE_SOON_DAYS):
        return DUE_SOON, next_due
    return OK, next_due


def _action_evidence(
    session: Session, actor_code: str, since: date, today: date, duty_code: str = ""
) -> tuple[date | None, int]:
    kind = ACTOR_DEPARTMENT_KIND.get(actor_code)
    query = select(
        func.max(Action.start_date), func.count(Action.id).filter(Action.start_date > since)
    ).where(live_actions(), Action.start_date <= today)
    if kind is not None:
        query = query.join(Department, Department.id == Action.department_id).where(Department.kind == kind)
    opportunity = DUTY_OPPORTUNITY.get(duty_code)
    if opportunity is not None:
        query = query.join(Opportunity, Opportunity.id == Action.opportunity_id).where(
            Opportunity.code == opportunity
        )
    last, count = session.execute(query).one()
    return last, int(count or 0)


def _review_evidence(session: Session, since: date, today: date) -> tuple[date | None, int]:
    last_action, actions = _action_evidence(session, "", since, today)
    last_report, reports = session.execute(
        select(
            func.max(DepartmentReport.period_end),
            func.count(DepartmentReport.id).filter(DepartmentReport.period_end > since),
        ).where(DepartmentReport.deleted_at.is_(None), DepartmentReport.period_end <= today)
    ).one()
    dates = [day for day in (last_action, last_report) if day is not None]
    return (max(dates) if dates else None), actions + int(reports or 0)


def _duty_status(
    session: Session, actor: Actor, duty: Responsibility, today: date, continuous_months: int
) -> DutyStatus:
    months = CADENCE_MONTHS.get(duty.cadence, continuous_months)
    since = add_months(today, -months)
    departments: tuple[ReportingStatus, ...] = ()
    last: date | None = None
    count = 0
    if duty.evidence == "none":
        status, next_due, months_shown = UNTRACKED, None, CADENCE_MONTHS.get(duty.cadence)
        return DutyStatus(
            duty.id, duty.code, duty.text_fi, duty.text_en, duty.cadence, duty.evidence, duty.active,
            status, months_shown, None, next_due, 0, (), duty.cadence_assumed,
        )  # fmt: skip
    if duty.evidence == "department_report":
        departments = tuple(department_statuses(session, today))
        count = reported_on_time(departments)
        status = min((d.status for d in departments), key=STATUSES.index, default=UNTRACKED)
        # The duty is as late as its latest department: show that department's dates.
        laggard = min(departments, key=lambda d: d.next_due, default=None)
        last = laggard.last_period_end if laggard else None
        next_due = laggard.next_due if laggard else None
    else:
        if duty.evidence == "action":
            last, count = _action_evidence(session, actor.code, since, today, duty.code)
        else:
            last, count = _review_evidence(session, since, today)
        status, next_due = deadline_status(last, months, today)
    return DutyStatus(
        duty.id, duty.code, duty.text_fi, duty.text_en, duty.cadence, duty.evidence, duty.active,
        status, months, last, next_due, count, departments, duty.cadence_assumed,
    )  # fmt: skip


def responsibilities(
    session: Session, user: CurrentUser | None, today: date, include_retired: bool = False
) -> list[ActorDuties]:
    """The actors and their duties, each with cadence, status and the evidence behind it."""
    require_read(user, "summary.read")
    continuous_months = load_metric_settings(session).unused_months
    result = []
    for actor in session.scalars(select(Actor).order_by(Actor.sort_order)):
        duties = tuple(
            _duty_status(session, actor, duty, today, continuous_months)
            for duty in actor.duties
            if duty.active or include_retired
        )
        result.append(ActorDuties(actor.id, actor.code, actor.name_fi, actor.name_en, duties))
    return result
