"""How the catalogue of participation opportunities is used: each opportunity's actions,
departments and last use, by participation form, and the statutory ones never used.

Every figure counts only actions that are not soft-deleted, aggregated in SQL; dates are
judged against an injected `today`, so the answers are repeatable in tests.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from ..i18n import in_language
from ..models import (
    Action,
    Department,
    Opportunity,
    ParticipationForm,
)
from ..models.programme import opportunity_form
from ..permissions import CurrentUser, require_read
from .coverage import unused_opportunities
from .filters import MetricFilters, add_months, live_actions
from .settings import load_metric_settings


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
