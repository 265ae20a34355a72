"""The register of municipal initiatives (KL 23 §) as rows: each with its department and the
day its six-month limit runs out, read with the voter base that limit rests on.

The limit applies to an initiative in the council's competence signed by at least 2 % of the
residents entitled to vote (metrics.voters): the council takes it up within six months.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, join, or_, select
from sqlalchemy.orm import Session

from ..models import Department, Initiative
from ..permissions import CurrentUser, require_read
from .actions_list import Choice, department_choices
from .filters import add_months
from .labels import Label
from .voters import VoterBase, voters_of, voters_statement

LIMIT_MONTHS = 6


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
class InitiativeFilter:
    """The register's filters: received in [start, end], a department, open ones only."""

    start: date | None = None
    end: date | None = None
    department_id: int | None = None
    open_only: bool = False
    council_only: bool = False
    deleted: bool = False  # the deleted ones instead, to restore one


def live_initiative() -> ColumnElement[bool]:
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
    (joined) and the six-month limit by `voters` (the caller has read them). No check of its
    own: the register and the council list call it after theirs."""
    found = session.execute(
        select(Initiative, Department)
        .join(Department, Department.id == Initiative.department_id)
        .where(*conditions)
        .order_by(Initiative.received_date.desc(), Initiative.id.desc())
    )
    return [_row(row, department, voters) for row, department in found]


def rows_with_voters(
    session: Session, conditions: list[ColumnElement[bool]], carried: Select[Any] | None = None
) -> tuple[VoterBase | None, tuple[Any, ...], list[InitiativeRow]]:
    """The voter base, the one row of `carried` (metrics.voters.voters_statement) and the
    initiatives meeting `conditions` as `initiative_rows` gives them, in one statement: the
    initiatives are joined to the first population figure's row (or the lone row when there
    are none), so each figure still comes once."""
    statement, skip = voters_statement(carried)
    place = statement.selected_columns.place
    with_department = join(Initiative, Department, Department.id == Initiative.department_id)
    read = session.execute(
        statement.add_columns(Initiative, Department)
        .outerjoin(with_department, and_(or_(place.is_(None), place == 1), *conditions))
        .order_by(Initiative.received_date.desc(), Initiative.id.desc())
    ).all()
    voters, values = voters_of(read, skip)
    rows = [_row(row[-2], row[-1], voters) for row in read if row[-2] is not None]
    return voters, values, rows


def _register_conditions(wanted: InitiativeFilter) -> list[ColumnElement[bool]]:
    conditions = [Initiative.deleted_at.is_not(None) if wanted.deleted else live_initiative()]
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
    return rows_with_voters(session, _register_conditions(wanted))[2]


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
    voters, _none, rows = rows_with_voters(session, _register_conditions(wanted))
    return InitiativeRegister(
        rows=rows,
        deleted=initiative_rows(session, _register_conditions(InitiativeFilter(deleted=True)), voters),
        departments=department_choices(session),
    )


def initiative_for_edit(
    session: Session, user: CurrentUser | None, initiative_id: int
) -> InitiativeRow | None:
    """One initiative with its version, to open in the form (None when there is none)."""
    require_read(user, "initiatives.read")
    rows = rows_with_voters(session, [Initiative.id == initiative_id])[2]
    return rows[0] if rows else None
