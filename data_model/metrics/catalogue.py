"""How the catalogue of participation opportunities is used: each opportunity's actions,
departments and last use, by participation form, and the statutory ones never used.

Every figure counts only actions that are not soft-deleted, aggregated in SQL; dates are
judged against an injected `today`, so the answers are repeatable in tests. The items are one
edition's (default: the one in force `today`), each counting the actions that started while
that edition was in force and are linked to the item with its code (data_model.editions).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, String, Subquery, and_, cast, func, join, literal, null, select, union_all
from sqlalchemy.orm import Session

from ..editions import EditionWindow, edition_start_sql
from ..i18n import in_language
from ..models import (
    Department,
    Opportunity,
    ParticipationForm,
)
from ..models.programme import opportunity_form
from ..permissions import CurrentUser, require_read
from .coverage import UnusedOpportunity, is_unused, unused_of
from .day_keys import day_of_key
from .filters import EditionScope, add_months, edition_scope
from .labels import Label
from .opportunity_use import opportunity_use
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
    return _read(session, today, include_retired, edition, ())[0]


def catalogue_with_unused(
    session: Session, user: CurrentUser | None, today: date, unused_days: Sequence[date]
) -> tuple[CatalogueUsage, list[list[UnusedOpportunity]]]:
    """`catalogue_usage` on `today` and, for each of `unused_days`, the unused opportunities
    of every action (`coverage.unused_opportunities` without filters) judged on that day, in
    one statement: a day that is `today` takes its opportunities' last use from the
    catalogue's use, the others read their own."""
    require_read(user, "summary.read")
    return _read(session, today, False, None, unused_days)


def _read(
    session: Session,
    today: date,
    include_retired: bool,
    edition: EditionWindow | None,
    unused_days: Sequence[date],
) -> tuple[CatalogueUsage, list[list[UnusedOpportunity]]]:
    scope = edition_scope(edition, today)
    as_of = scope.as_of
    months = load_metric_settings(session).unused_months
    since = add_months(as_of, -months)
    # Times used and last use (yyyymmdd) per code and department, from the monthly sums.
    use = _use(scope)
    usage = (
        select(
            Opportunity.code,
            Department.name_fi.label("department"),
            Department.sort_order,
            func.sum(use.c.n0).label("times"),
            func.max(use.c.last0).label("last"),
        )
        .select_from(use)
        .join(Opportunity, Opportunity.id == use.c.opportunity_id)
        .join(Department, Department.id == use.c.department_id)
        .group_by(Opportunity.code, Department.name_fi, Department.sort_order)
        .cte("opportunity_use")
    )
    items = join(
        opportunity_form,
        Opportunity,
        and_(
            Opportunity.id == opportunity_form.c.opportunity_id,
            literal(include_retired) | Opportunity.active,
            Opportunity.edition_id == scope.edition_id,
        ),
    )
    # Every form, each with its items (none: a form listed empty), each item once per
    # department that used it (none: once); then per unused day its edition's active items
    # with their last use: rows of (kind, form, item, department, times, last).
    listed_rows = (
        select(
            literal(CATALOGUE).label("kind"),
            ParticipationForm.id.label("form_id"),
            Opportunity.id.label("item_id"),
            usage.c.department,
            usage.c.sort_order,
            usage.c.times,
            usage.c["last"],
        )
        .select_from(ParticipationForm)
        .outerjoin(items, opportunity_form.c.form_id == ParticipationForm.id)
        .outerjoin(usage, usage.c.code == Opportunity.code)
    )
    day_scopes = [edition_scope(None, day) for day in unused_days]
    unused_rows = [
        _unused_rows(index, day_scope, usage if edition is None and day == today else None)
        for index, (day, day_scope) in enumerate(zip(unused_days, day_scopes, strict=True))
    ]
    rows = union_all(listed_rows, *unused_rows).subquery()
    listing = session.execute(
        select(rows.c.kind, ParticipationForm, Opportunity, rows.c.department, rows.c.times, rows.c["last"])
        .select_from(rows)
        .outerjoin(ParticipationForm, ParticipationForm.id == rows.c.form_id)
        .outerjoin(Opportunity, Opportunity.id == rows.c.item_id)
        .order_by(
            rows.c.kind,
            ParticipationForm.sort_order,
            ParticipationForm.id,
            Opportunity.sort_order,
            Opportunity.id,
            rows.c.sort_order,
            rows.c.department,
        )
    ).all()
    unused = unused_of(
        (
            (int(kind), Label(item.id, item.code, item.name_fi, item.name_en), day_of_key(last))
            for kind, _form, item, _department, _times, last in listing
            if kind != CATALOGUE
        ),
        day_scopes,
        months,
    )
    forms = [row[1:] for row in listing if row[0] == CATALOGUE]
    # An item listed under several forms repeats its departments: each form's rows are its own.
    used: dict[tuple[int, int], tuple[int, int | None]] = {}  # times, last use as yyyymmdd
    named: dict[tuple[int, int], list[str]] = defaultdict(list)
    listed: dict[int, list[Opportunity]] = defaultdict(list)
    all_forms = list(dict.fromkeys(form for form, *_rest in forms))
    for form, item, department, count, newest in forms:
        if item is None:
            continue
        key = (form.id, item.id)
        if key not in used:
            listed[form.id].append(item)
            used[key] = (0, None)
        if department is None:
            continue
        before, latest = used[key]
        used[key] = (before + int(count), newest if latest is None else max(newest, latest))
        named[key].append(department)
    grouped: dict[int, list[OpportunityUsage]] = defaultdict(list)
    for form in all_forms:
        for item in listed[form.id]:
            times, newest = used[(form.id, item.id)]
            last = day_of_key(newest)
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
                    departments=tuple(named[(form.id, item.id)]),
                    unused=is_unused(last, since),
                )
            )
    catalogue = CatalogueUsage(
        forms=tuple(
            FormCatalogue(form.code, form.name_fi, form.name_en, tuple(grouped.get(form.id, [])))
            for form in all_forms
        ),
        unused_months=months,
        since=since,
    )
    return catalogue, unused


CATALOGUE = "c"  # the kind of the catalogue's rows; an unused day's rows are its index


def _use(scope: EditionScope) -> Subquery:
    """The opportunities' use (opportunity_use's n0, last0) by the scope's actions up to its
    "as of" day; an opportunity with none has no row."""
    use = opportunity_use([edition_start_sql(scope.edition_id)], scope.as_of)
    return select(use).where(use.c.n0 > 0).subquery()


def _unused_rows(index: int, scope: Any, usage: Any) -> Any:
    """The active items of the scope's edition with their last use, as the catalogue's rows:
    from the catalogue's use (`usage`) when it counts the same actions, else read here."""
    if usage is None:
        use = _use(scope)
        last = (
            select(Opportunity.code, func.max(use.c.last0).label("last_used"))
            .join(use, use.c.opportunity_id == Opportunity.id)
            .group_by(Opportunity.code)
            .subquery()
        )
    else:
        last = (
            select(usage.c.code, func.max(usage.c["last"]).label("last_used"))
            .group_by(usage.c.code)
            .subquery()
        )
    number, text = cast(null(), Integer), cast(null(), String)
    return (
        select(literal(str(index)), number, Opportunity.id, text, number, number, last.c.last_used)
        .outerjoin(last, last.c.code == Opportunity.code)
        .where(Opportunity.active, Opportunity.edition_id == scope.edition_id)
    )
