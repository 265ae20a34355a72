"""How the catalogue of participation opportunities is used: each opportunity's actions,
departments and last use, by participation form, and the statutory ones never used.

Every figure counts only actions that are not soft-deleted, aggregated in SQL; dates are
judged against an injected `today`, so the answers are repeatable in tests. The items are one
edition's (default: the one in force `today`), each counting the actions that started while
that edition was in force and are linked to the item with its code (data_model.editions).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, join, literal, select
from sqlalchemy.orm import Session

from ..editions import EditionWindow
from ..i18n import in_language
from ..models import (
    Action,
    Department,
    Opportunity,
    ParticipationForm,
)
from ..models.programme import opportunity_form
from ..permissions import CurrentUser, require_read
from .coverage import is_unused
from .filters import add_months, edition_scope, live_actions
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


def _department_names(rows: object) -> dict[str, tuple[str, ...]]:
    names: dict[str, list[str]] = defaultdict(list)
    for key, name in rows:  # type: ignore[attr-defined]
        names[key].append(name)
    return {key: tuple(values) for key, values in names.items()}


def catalogue_usage(
    session: Session,
    user: CurrentUser | None,
    today: date,
    include_retired: bool = False,
    edition: EditionWindow | None = None,
) -> CatalogueUsage:
    """Each catalogue item of the edition (default: in force `today`) by participation form,
    with times used, last use and departments (its actions starting on or before `today`, or
    before the edition's last day in force); "unused" as metrics.coverage decides it."""
    require_read(user, "summary.read")
    scope = edition_scope(edition, today)
    as_of = scope.as_of
    months = load_metric_settings(session).unused_months
    since = add_months(as_of, -months)
    counted = (live_actions(), Action.start_date <= as_of, *scope.actions)
    # Times used and last use per code, and its departments, from one pass over the actions.
    usage: dict[str, tuple[int, date | None]] = {}
    named: list[tuple[str, str]] = []
    for code, name, count, newest in session.execute(
        select(Opportunity.code, Department.name_fi, func.count(Action.id), func.max(Action.start_date))
        .select_from(Action)
        .join(Opportunity, Opportunity.id == Action.opportunity_id)
        .join(Department, Department.id == Action.department_id)
        .where(*counted)
        .group_by(Opportunity.code, Department.name_fi, Department.sort_order)
        .order_by(Opportunity.code, Department.sort_order)
    ):
        before, latest = usage.get(code, (0, None))
        usage[code] = (before + int(count), max(newest, latest) if latest is not None else newest)
        named.append((code, name))
    departments = _department_names(named)
    # Every form, each with its items (none: a form listed empty), in one statement.
    items = join(
        opportunity_form,
        Opportunity,
        and_(
            Opportunity.id == opportunity_form.c.opportunity_id,
            literal(include_retired) | Opportunity.active,
            Opportunity.edition_id == scope.edition_id,
        ),
    )
    listing = session.execute(
        select(ParticipationForm, Opportunity)
        .select_from(ParticipationForm)
        .outerjoin(items, opportunity_form.c.form_id == ParticipationForm.id)
        .order_by(ParticipationForm.sort_order, Opportunity.sort_order)
    ).all()
    grouped: dict[int, list[OpportunityUsage]] = defaultdict(list)
    all_forms = list(dict.fromkeys(form for form, _item in listing))
    for form, item in listing:
        if item is None:
            continue
        times, last = usage.get(item.code, (0, None))
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
                departments=departments.get(item.code, ()),
                unused=is_unused(last, since),
            )
        )
    return CatalogueUsage(
        forms=tuple(
            FormCatalogue(form.code, form.name_fi, form.name_en, tuple(grouped.get(form.id, [])))
            for form in all_forms
        ),
        unused_months=months,
        since=since,
    )
