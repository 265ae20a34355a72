"""Municipal initiatives (KL 23 §): the register as rows, and its figures.

* **Open** on a day = received on or before it and not decided by it (no decision date, or
  a later one). With a period, the day is the period's last (or today while it runs):
  `filters.as_of_day`; initiatives received before the period count while still open.
* **Past six months**: KL 23 § obliges the council to take up within six months an
  initiative in its competence signed by at least 2 % of the residents entitled to vote. An
  open initiative in the council's competence with at least that many signatories, received
  more than six months before the day, is past the limit. None when the number entitled to
  vote is unknown.
* **Led to action** = decided in the period with led_to_action true ÷ decided in the period
  with a known outcome (None when none).
* **Not told** = decided by the day, the initiator not told by it (KL 23 §: the initiator is
  told what was done).

The number entitled to vote is the coordinator's setting `voters_entitled` (e.g. from the
electoral register) when it is set; otherwise an ESTIMATE from the population figures of the
latest year: the total less the age bands under 18, a band across 18 split in proportion to
its years. The right to vote also turns on citizenship and residence, so it stays an estimate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from ..models import AudienceGroup, Department, Initiative, PopulationFigure, Setting
from ..permissions import CurrentUser, require_read
from .actions_list import Choice, department_choices
from .filters import MetricFilters, add_months, as_of_day
from .labels import Label

VOTERS_SETTING = "voters_entitled"
SIGNATORY_SHARE = 0.02  # KL 23 §: 2 % of the residents entitled to vote
LIMIT_MONTHS = 6
VOTING_AGE = 18
LISTED = 20  # the past-limit initiatives a figure carries by name


@dataclass(frozen=True)
class VoterBase:
    """The number of residents entitled to vote and where it comes from: `from_setting`
    (entered by the coordinator) or an estimate from the population figures of `year`."""

    count: int
    estimate: bool
    from_setting: bool
    year: int | None = None

    @property
    def signatory_threshold(self) -> int:
        """Signatories needed for the six-month rule: 2 % rounded up."""
        return math.ceil(self.count * SIGNATORY_SHARE)


@dataclass(frozen=True)
class InitiativeRow:
    """One initiative as the register and the council list show it."""

    id: int
    received_date: date
    title: str
    initiator_kind: str
    signatories: int
    department: Label
    council_competence: bool
    decision: str
    decision_date: date | None
    decision_ref: str
    led_to_action: bool | None
    told_date: date | None
    told_method: str
    is_demo: bool
    version: int
    deleted: bool = False
    # The day the six-month limit runs out, when the rule applies to it.
    limit_date: date | None = None

    @property
    def is_open(self) -> bool:
        return self.decision_date is None

    def is_open_on(self, day: date) -> bool:
        """Not yet decided on `day` (decided later, or not at all)."""
        return self.decision_date is None or self.decision_date > day

    def state(self, today: date) -> str:
        """open | past_limit | decided | told: the word the register shows for it."""
        if self.decision_date is None:
            return "past_limit" if self.limit_date is not None and self.limit_date < today else "open"
        return "told" if self.told_date is not None else "decided"


@dataclass(frozen=True)
class InitiativeFigures:
    """The figures of the register for some filters, judged on `day`."""

    day: date
    received: int
    open: int
    decided: int
    led_to_action: int
    outcome_known: int
    not_told: int
    past_limit: int | None
    past_limit_rows: tuple[InitiativeRow, ...]
    voters: VoterBase | None

    @property
    def action_share(self) -> float | None:
        return self.led_to_action / self.outcome_known if self.outcome_known else None


@dataclass(frozen=True)
class InitiativeFilter:
    """The register's filters: received in [start, end], a department, open ones only."""

    start: date | None = None
    end: date | None = None
    department_id: int | None = None
    open_only: bool = False
    council_only: bool = False
    deleted: bool = False  # the deleted ones instead, to restore one


def voter_base(session: Session) -> VoterBase | None:
    """The residents entitled to vote: the setting, else the estimate (module docstring)."""
    return voter_base_with(session)[0]


def voter_base_with(
    session: Session, carried: Select[Any] | None = None
) -> tuple[VoterBase | None, tuple[Any, ...]]:
    """`voter_base`, and the one row of `carried` (a SELECT of aggregates without GROUP BY, say
    a figure's counts) read in the same statement: its columns come first in each row."""
    # One statement: the setting as a column of a one-row table, the latest year's population
    # figures joined to it (none when there are none), so the setting comes back either way.
    setting = select(Setting.value).where(Setting.key == VOTERS_SETTING).scalar_subquery().label("value")
    # (two statements, not one conditional expression: mypy 2.4 crashes inferring that one)
    base: Select[Any] = select(setting)
    if carried is not None:
        base = carried.add_columns(setting)
    stored = base.subquery()
    skip = len(stored.c) - 1
    latest = select(func.max(PopulationFigure.year)).scalar_subquery()
    read = session.execute(
        select(
            *stored.c,
            PopulationFigure.year,
            PopulationFigure.count,
            AudienceGroup.kind,
            AudienceGroup.age_min,
            AudienceGroup.age_max,
        )
        .select_from(stored)
        .outerjoin(PopulationFigure, PopulationFigure.year == latest)
        .outerjoin(AudienceGroup, AudienceGroup.id == PopulationFigure.audience_group_id)
    ).all()
    return _voters_from([tuple(row[skip:]) for row in read]), tuple(read[0][:skip]) if read else ()


def _voters_from(found: list[tuple[Any, ...]]) -> VoterBase | None:
    """The voter base from (setting, year, count, kind, age_min, age_max) rows."""
    value = found[0][0] if found else None
    try:
        entered = int(str(value).strip()) if value else 0
    except ValueError:
        entered = 0
    if entered > 0:
        return VoterBase(entered, estimate=False, from_setting=True)
    year = found[0][1] if found else None
    if year is None:
        return None
    rows = [(count, kind, low, high) for _, _, count, kind, low, high in found]
    total = next((count for count, kind, _, _ in rows if kind is None), None)
    ages = [(count, low, high) for count, kind, low, high in rows if kind == "age" and low is not None]
    if total is None:
        total = sum(count for count, _, _ in ages)
    under_age = 0.0
    for count, low, high in ages:
        if low >= VOTING_AGE:
            continue
        top = high if high is not None else low
        years = top - low + 1
        under_age += count * min(1.0, (VOTING_AGE - low) / years)
    if total <= 0:
        return None
    return VoterBase(round(total - under_age), estimate=True, from_setting=False, year=int(year))


def _live() -> ColumnElement[bool]:
    return Initiative.deleted_at.is_(None)


def _limit_date(row: Initiative, voters: VoterBase | None) -> date | None:
    if voters is None or not row.council_competence or row.signatories < voters.signatory_threshold:
        return None
    return add_months(row.received_date, LIMIT_MONTHS)


def _row(row: Initiative, department: Department, voters: VoterBase | None) -> InitiativeRow:
    return InitiativeRow(
        id=row.id,
        received_date=row.received_date,
        title=row.title,
        initiator_kind=row.initiator_kind,
        signatories=row.signatories,
        department=Label(department.id, department.code, department.name_fi, department.name_en),
        council_competence=row.council_competence,
        decision=row.decision,
        decision_date=row.decision_date,
        decision_ref=row.decision_ref,
        led_to_action=row.led_to_action,
        told_date=row.told_date,
        told_method=row.told_method,
        is_demo=row.is_demo,
        version=row.version,
        deleted=row.deleted_at is not None,
        limit_date=_limit_date(row, voters),
    )


def initiative_rows(
    session: Session, conditions: list[ColumnElement[bool]], voters: VoterBase | None
) -> list[InitiativeRow]:
    """The initiatives meeting `conditions` as rows, newest first, each with its department
    (joined) and the six-month limit by `voters` (the caller reads them once, voter_base). No
    check of its own: the register and the council list call it after theirs."""
    found = session.execute(
        select(Initiative, Department)
        .join(Department, Department.id == Initiative.department_id)
        .where(*conditions)
        .order_by(Initiative.received_date.desc(), Initiative.id.desc())
    )
    return [_row(row, department, voters) for row, department in found]


def _register_conditions(wanted: InitiativeFilter) -> list[ColumnElement[bool]]:
    conditions = [Initiative.deleted_at.is_not(None) if wanted.deleted else _live()]
    if wanted.start is not None:
        conditions.append(Initiative.received_date >= wanted.start)
    if wanted.end is not None:
        conditions.append(Initiative.received_date <= wanted.end)
    if wanted.department_id is not None:
        conditions.append(Initiative.department_id == wanted.department_id)
    if wanted.open_only:
        conditions.append(Initiative.decision_date.is_(None))
    if wanted.council_only:
        conditions.append(Initiative.council_competence.is_(True))
    return conditions


def list_initiatives(
    session: Session, user: CurrentUser | None, wanted: InitiativeFilter
) -> list[InitiativeRow]:
    """The register as the filters ask, newest first."""
    require_read(user, "initiatives.read")
    return initiative_rows(session, _register_conditions(wanted), voter_base(session))


@dataclass(frozen=True)
class InitiativeRegister:
    """What the register page lists: the initiatives the filters ask for, the deleted ones (to
    restore one) and the departments to choose from, with one read of the voters."""

    rows: list[InitiativeRow]
    deleted: list[InitiativeRow]
    departments: tuple[Choice, ...]


def initiative_register(
    session: Session, user: CurrentUser | None, wanted: InitiativeFilter
) -> InitiativeRegister:
    """The register as the filters ask and the deleted initiatives, newest first, and every
    department (as the action form offers them)."""
    require_read(user, "initiatives.read")
    voters = voter_base(session)
    return InitiativeRegister(
        rows=initiative_rows(session, _register_conditions(wanted), voters),
        deleted=initiative_rows(session, _register_conditions(InitiativeFilter(deleted=True)), voters),
        departments=department_choices(session),
    )


def initiative_for_edit(
    session: Session, user: CurrentUser | None, initiative_id: int
) -> InitiativeRow | None:
    """One initiative with its version, to open in the form (None when there is none)."""
    require_read(user, "initiatives.read")
    rows = initiative_rows(session, [Initiative.id == initiative_id], voter_base(session))
    return rows[0] if rows else None


def initiative_figures(
    session: Session, user: CurrentUser | None, filters: MetricFilters, today: date
) -> InitiativeFigures:
    """Open, past the six months, led to action, not told (formulas: module docstring).
    The period and department filters apply; the others are about actions and do not."""
    require_read(user, "initiatives.read")
    return initiative_counts(session, filters, today)


def initiative_counts(
    session: Session, filters: MetricFilters, today: date, with_past_limit: bool = True
) -> InitiativeFigures:
    """What `initiative_figures` answers, unchecked: composed in it and in the public view's
    aggregates (metrics.public_view, which shows only its suppressed counts and asks
    `with_past_limit=False`: no voter base, no rows, past_limit None)."""
    day, scope, is_open, statement = _count_statement(filters, today)
    if with_past_limit:
        voters, counts = voter_base_with(session, statement)
    else:
        voters, counts = None, tuple(session.execute(statement).one())
    candidates = (
        initiative_rows(session, [*scope, is_open, Initiative.council_competence.is_(True)], voters)
        if voters is not None
        else []
    )
    return _figures(day, counts, voters, candidates)


def _count_statement(
    filters: MetricFilters, today: date
) -> tuple[date, list[ColumnElement[bool]], ColumnElement[bool], Any]:
    """The day judged on, the initiatives in scope and open on it (as conditions), and the
    statement of the counts of `initiative_counts` (one row; sent alone or with the voters)."""
    day = as_of_day(filters, today)
    scope: list[ColumnElement[bool]] = [_live(), Initiative.received_date <= day]
    if filters.department_ids:
        scope.append(Initiative.department_id.in_(filters.department_ids))
    in_period = [Initiative.received_date >= filters.start] if filters.start is not None else []
    decided_by_day = and_(Initiative.decision_date.is_not(None), Initiative.decision_date <= day)
    decided_in_period = and_(
        decided_by_day,
        *([Initiative.decision_date >= filters.start] if filters.start is not None else []),
    )
    is_open = or_(Initiative.decision_date.is_(None), Initiative.decision_date > day)
    not_told = and_(decided_by_day, or_(Initiative.told_date.is_(None), Initiative.told_date > day))
    counts = select(
        func.count(Initiative.id).filter(*in_period) if in_period else func.count(Initiative.id),
        func.count(Initiative.id).filter(is_open),
        func.count(Initiative.id).filter(decided_in_period),
        func.count(Initiative.id).filter(decided_in_period, Initiative.led_to_action.is_(True)),
        func.count(Initiative.id).filter(decided_in_period, Initiative.led_to_action.is_not(None)),
        func.count(Initiative.id).filter(not_told),
    ).where(*scope)
    return day, scope, is_open, counts


def _figures(
    day: date, counts: tuple[int, ...], voters: VoterBase | None, candidates: list[InitiativeRow]
) -> InitiativeFigures:
    """The figures from the counts and the open initiatives in the council's competence
    (`candidates`: those past the six months are picked here)."""
    received, open_count, decided, led, known, untold = counts
    past = [
        row
        for row in candidates
        if row.is_open_on(day) and row.limit_date is not None and row.limit_date < day
    ]
    past.sort(key=lambda row: (row.received_date, row.id))
    return InitiativeFigures(
        day=day,
        received=int(received),
        open=int(open_count),
        decided=int(decided),
        led_to_action=int(led),
        outcome_known=int(known),
        not_told=int(untold),
        past_limit=len(past) if voters is not None else None,
        past_limit_rows=tuple(past[:LISTED]),
        voters=voters,
    )


def council_list(session: Session, start: date, end: date, today: date) -> list[InitiativeRow]:
    """The initiatives the council is told of for [start, end] (KL 23 §): those in its
    competence received in the period, decided in it, or still open at its end (judged on
    `as_of_day`); oldest first. No check of its own: the council summary checks."""
    return _council_rows(session, start, end, today, voter_base(session))


def council_initiatives(
    session: Session, user: CurrentUser | None, start: date, end: date, today: date
) -> tuple[list[InitiativeRow], InitiativeFigures]:
    """`council_list` and `initiative_figures` of the period [start, end] with one read of the
    voters and of the rows: the initiatives past the six months are open ones in the council's
    competence received by the period's end, all of them on the council's list."""
    require_read(user, "initiatives.read")
    day, _scope, _open, statement = _count_statement(MetricFilters(start=start, end=end), today)
    voters, counts = voter_base_with(session, statement)
    rows = _council_rows(session, start, end, today, voters)
    return rows, _figures(day, counts, voters, rows if voters is not None else [])


def _council_rows(
    session: Session, start: date, end: date, today: date, voters: VoterBase | None
) -> list[InitiativeRow]:
    day = min(end, today)
    rows = initiative_rows(
        session,
        [
            _live(),
            Initiative.council_competence.is_(True),
            Initiative.received_date <= day,
            or_(
                Initiative.received_date >= start,
                Initiative.decision_date.is_(None),
                Initiative.decision_date >= start,
            ),
        ],
        voters,
    )
    return sorted(rows, key=lambda row: (row.received_date, row.id))
