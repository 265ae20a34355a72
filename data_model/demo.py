"""Demo data: plausible logged actions, reports and demo accounts, all marked `is_demo`.

Kept apart from the programme data and removable with `python -m data_model demo --remove`.
The actions and reports are planned by demo_generator (from seed_data/demo) and written
here in one flush; each action carries `external_ref = "demo:<n>"`, so loading twice adds
nothing.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from . import clock
from .data_versions import EXPERIENCE, INITIATIVES, REPORTS, TARGETS, USERS
from .demo_experience import load_demo_experience, remove_demo_experience
from .demo_generator import PlannedAction, PlannedReport, plan_demo
from .demo_initiatives import load_demo_initiatives, remove_demo_initiatives
from .demo_targets import load_demo_targets, remove_demo_targets
from .demo_templates import Catalogue, DepartmentInfo
from .models import (
    Action,
    ActionReach,
    Area,
    AudienceGroup,
    Base,
    Channel,
    Department,
    DepartmentReport,
    DevelopmentMeasure,
    Opportunity,
    ParticipationForm,
    User,
)
from .models.programme import opportunity_form
from .rollups import buckets_of, refresh_buckets
from .services.audit import record

DEMO_REF_PREFIX = "demo:"


def has_demo_data(session: Session) -> bool:
    """Whether any demo action is in the database."""
    return bool(session.scalar(select(exists().where(Action.is_demo.is_(True)))))


def read_catalogue(session: Session) -> Catalogue:
    """The programme's codes as the demo plan needs them."""
    opportunity_forms: dict[str, set[str]] = {}
    for opportunity, form in session.execute(
        select(Opportunity.code, ParticipationForm.code)
        .join(opportunity_form, opportunity_form.c.opportunity_id == Opportunity.id)
        .join(ParticipationForm, ParticipationForm.id == opportunity_form.c.form_id)
    ):
        opportunity_forms.setdefault(opportunity, set()).add(form)
    return Catalogue(
        departments={
            d.code: DepartmentInfo(d.code, d.active, d.kind, d.report_cadence_months)
            for d in session.scalars(select(Department).order_by(Department.sort_order, Department.id))
        },
        opportunity_forms={code: frozenset(forms) for code, forms in opportunity_forms.items()},
        measures=frozenset(session.scalars(select(DevelopmentMeasure.code))),
        channels=frozenset(session.scalars(select(Channel.code))),
        group_kinds={
            code: kind
            for code, kind in session.execute(
                select(AudienceGroup.code, AudienceGroup.kind).order_by(AudienceGroup.sort_order)
            )
        },
        areas=tuple(session.scalars(select(Area.name).order_by(Area.sort_order))),
    )


class _Rows:
    """The programme rows by code, loaded once so building hundreds of actions costs no queries."""

    def __init__(self, session: Session) -> None:
        self.departments = {row.code: row for row in session.scalars(select(Department))}
        self.opportunities = {row.code: row for row in session.scalars(select(Opportunity))}
        self.forms = {row.code: row for row in session.scalars(select(ParticipationForm))}
        self.measures = {row.code: row for row in session.scalars(select(DevelopmentMeasure))}
        self.channels = {row.code: row for row in session.scalars(select(Channel))}
        self.groups = {row.code: row for row in session.scalars(select(AudienceGroup))}
        self.areas = {row.name: row for row in session.scalars(select(Area))}

    def action(self, planned: PlannedAction) -> Action:
        return Action(
            external_ref=planned.ref,
            is_demo=True,
            source="demo",
            source_note="Demoaineisto: keksitty esimerkki, ei todellinen toimenpide.",
            created_by_id=None,
            updated_by_id=None,
            created_at=planned.logged_at,
            updated_at=planned.logged_at,
            department=self.departments[planned.department],
            title=planned.title,
            description=planned.description,
            start_date=planned.start_date,
            end_date=planned.end_date,
            opportunity=self.opportunities[planned.opportunity] if planned.opportunity else None,
            forms=[self.forms[code] for code in planned.forms],
            measures=[self.measures[code] for code in planned.measures],
            channels=[self.channels[code] for code in planned.channels],
            intended_groups=[self.groups[code] for code in planned.intended],
            format=planned.format,
            area=self.areas[planned.area] if planned.area else None,
            participants_total=planned.participants_total,
            reach=[
                ActionReach(audience_group=self.groups[code], count=n) for code, n in planned.reach.items()
            ],
            reach_estimate=planned.reach_estimate,
            officials_took_part=planned.officials_took_part,
            feedback_given=planned.feedback_given,
            feedback_date=planned.feedback_date,
            feedback_method=planned.feedback_method,
            feedback_url=planned.feedback_url,
            decision_change=planned.decision_change,
            # A department that published its feedback online also publishes the action in
            # the public view, so the demo shows "what changed because of your input".
            is_public=bool(planned.feedback_url),
            staff_experience=planned.staff_experience,
            cost_eur=planned.cost_eur,
        )

    def report(self, planned: PlannedReport) -> DepartmentReport:
        return DepartmentReport(
            department=self.departments[planned.department],
            period_start=planned.period_start,
            period_end=planned.period_end,
            submitted_at=planned.submitted_at,
            summary=planned.summary,
            url=planned.url,
            is_demo=True,
        )


def load_demo(session: Session, today: date | None = None) -> int:
    """Load the demo data set unless it is there already; returns the number of actions added.

    The actions cover the two years before `today` (default: the real today)."""
    plan = plan_demo(read_catalogue(session), today)
    present = set(
        session.scalars(select(Action.external_ref).where(Action.external_ref.startswith(DEMO_REF_PREFIX)))
    )
    reported = {
        (code, start)
        for code, start in session.execute(
            select(Department.code, DepartmentReport.period_start)
            .join(Department, Department.id == DepartmentReport.department_id)
            .where(DepartmentReport.is_demo.is_(True))
        )
    }
    rows = _Rows(session)
    actions = [rows.action(planned) for planned in plan.actions if planned.ref not in present]
    reports = [rows.report(p) for p in plan.reports if (p.department, p.period_start) not in reported]
    initiatives = load_demo_initiatives(session, today or clock.today())
    results = load_demo_experience(session, today or clock.today())
    targets = load_demo_targets(session, today or clock.today())
    if not actions and not reports and not initiatives and not results and not targets:
        return 0
    session.add_all(actions)
    session.add_all(reports)
    session.flush()
    record(
        session,
        None,
        "demo_load",
        entity="action",
        note=f"{len(actions)} demo actions, {len(reports)} reports, {initiatives} initiatives, "
        f"{results} survey results, {targets} targets",
        also=(REPORTS, INITIATIVES, EXPERIENCE, TARGETS),
    )
    return len(actions)


def _forget_demo_users(session: Session) -> None:
    """Rows that point at a demo account lose the pointer (or go, when they cannot exist without it),
    so the accounts can be deleted on SQLite and PostgreSQL alike; audit entries keep the username."""
    demo_users = select(User.id).where(User.is_demo.is_(True)).scalar_subquery()
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table is not User.__table__ or table is User.__table__:
                continue
            column = key.parent
            if column.nullable:
                session.execute(update(table).where(column.in_(demo_users)).values({column.name: None}))
            else:
                session.execute(delete(table).where(column.in_(demo_users)))


def remove_demo(session: Session) -> int:
    """Delete every demo action, report, initiative, survey result, target and account; returns the number of actions removed.

    Reach and link rows go with their action (ON DELETE CASCADE); programme data, baseline
    actions and everything logged by real users stay."""
    # A bulk DELETE bypasses the flush hooks: the monthly sums of its buckets are redone here.
    session.flush()
    connection = session.connection()
    touched = buckets_of(connection, Action.is_demo.is_(True))
    removed = session.execute(delete(Action).where(Action.is_demo.is_(True))).rowcount  # type: ignore[attr-defined]
    refresh_buckets(connection, touched)
    session.execute(delete(DepartmentReport).where(DepartmentReport.is_demo.is_(True)))
    remove_demo_initiatives(session)
    remove_demo_experience(session)
    remove_demo_targets(session)
    _forget_demo_users(session)
    session.execute(delete(User).where(User.is_demo.is_(True)))
    record(
        session,
        None,
        "demo_remove",
        entity="action",
        note=f"{int(removed or 0)} demo actions",
        also=(REPORTS, USERS, INITIATIVES, EXPERIENCE, TARGETS),
    )
    return int(removed or 0)
