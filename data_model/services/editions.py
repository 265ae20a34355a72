"""The coordinator starts the next edition of the programme and records its approval.

The next edition is a copy of the one it is started from: every SWOT item, catalogue item,
principle and measure, channel, actor and duty, retired ones too (still retired), each with its
code, so the same item is recognised in both (data_model/editions.py). The copy is then edited
in the programme admin page like any edition; the earlier edition and the actions logged under
it are never touched. The new edition is a draft, never in force, until its approval (body,
date, §) is recorded with `update_edition`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..editions import edition_in_force
from ..i18n import Message, MessageError, msg
from ..models import (
    Actor,
    Base,
    Channel,
    DevelopmentMeasure,
    DevelopmentPrinciple,
    Opportunity,
    ProgrammeEdition,
    Responsibility,
    SwotItem,
)
from ..models.choices import APPROVERS
from ..permissions import CurrentUser, require
from ..text_safety import clean_text
from ..validation import ValidationError, parse_date
from . import audit
from .programme_fields import PROGRAMME

NAME_MAX = 200
# Copied in this order so a measure finds its principle and a duty its actor already copied.
COPIED: tuple[type[Base], ...] = (
    SwotItem,
    Opportunity,
    DevelopmentPrinciple,
    DevelopmentMeasure,
    Channel,
    Actor,
    Responsibility,
)
# Columns never copied as they are: the key, the edition, and the parents remapped below.
NOT_COPIED = {"id", "edition_id", "principle_id", "actor_id"}
EDITION_FIELDS = ("name_fi", "name_en", "period_start", "period_end")
APPROVAL_FIELDS = ("approved_by", "approved_on", "approval_section")


def edition_snapshot(edition: ProgrammeEdition) -> dict[str, Any]:
    """An edition's values as plain data (dates as ISO text), for audit and the editor."""
    values = audit.values_of(edition, ("code", *EDITION_FIELDS, *APPROVAL_FIELDS, "based_on_id"))
    return {name: value.isoformat() if isinstance(value, date) else value for name, value in values.items()}


def _label(name: str) -> Message:
    return msg(f"editions.field.{name}")


def _date(errors: dict[str, Message], name: str, raw: Any, required: bool) -> date | None:
    try:
        day = parse_date(raw)
    except MessageError as problem:
        errors[name] = msg("editions.error.field", label=_label(name), error=problem.message)
        return None
    if day is None and required:
        errors[name] = msg("editions.error.required", label=_label(name))
    return day


def _text(errors: dict[str, Message], name: str, raw: Any, required: bool) -> str:
    text = " ".join(clean_text(str(raw or "")).split())
    if required and not text:
        errors[name] = msg("editions.error.required", label=_label(name))
    elif len(text) > NAME_MAX:
        errors[name] = msg("editions.error.too_long", label=_label(name), maximum=NAME_MAX)
    return text


def _section(errors: dict[str, Message], raw: Any) -> int | None:
    text = str(raw if raw is not None else "").strip().removeprefix("§").strip()
    if not text:
        return None
    if not text.isdigit() or len(text) > 6 or int(text) == 0:
        errors["approval_section"] = msg("editions.error.section")
        return None
    return int(text)


def _validated(
    session: Session, edition_id: int | None, current: Mapping[str, Any], changes: Mapping[str, Any]
) -> dict[str, Any]:
    unknown = [name for name in changes if name not in (*EDITION_FIELDS, *APPROVAL_FIELDS)]
    if unknown:
        raise ValidationError({name: msg("editions.error.not_editable", name=name) for name in unknown})

    def raw(name: str) -> Any:
        return changes[name] if name in changes else current.get(name)

    errors: dict[str, Message] = {}
    values: dict[str, Any] = {
        "name_fi": _text(errors, "name_fi", raw("name_fi"), required=True),
        "name_en": _text(errors, "name_en", raw("name_en"), required=False),
        "period_start": _date(errors, "period_start", raw("period_start"), required=True),
        "period_end": _date(errors, "period_end", raw("period_end"), required=True),
        "approved_by": raw("approved_by") or None,
        "approved_on": _date(errors, "approved_on", raw("approved_on"), required=False),
        "approval_section": _section(errors, raw("approval_section")),
    }
    start, end = values["period_start"], values["period_end"]
    if start and end and end < start:
        errors["period_end"] = msg("editions.error.end_before_start")
    if values["approved_by"] is not None and values["approved_by"] not in APPROVERS:
        errors["approved_by"] = msg("editions.error.approver")
    approval = [values[name] is not None for name in APPROVAL_FIELDS]
    if any(approval) and not all(approval):
        # An approval is a decision: body, date and § together, or none of them yet.
        for name in APPROVAL_FIELDS:
            if values[name] is None and name not in errors:
                errors[name] = msg("editions.error.approval_incomplete", label=_label(name))
    clash = session.scalar(
        select(func.count())
        .select_from(ProgrammeEdition)
        .where(
            func.lower(ProgrammeEdition.name_fi) == values["name_fi"].lower(),
            ProgrammeEdition.id != (edition_id or -1),
        )
    )
    if clash and "name_fi" not in errors:
        errors["name_fi"] = msg("editions.error.name_taken", name=values["name_fi"])
    if errors:
        raise ValidationError(errors)
    return values


def _new_code(session: Session, name: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")[:60] or "painos"
    taken = set(session.scalars(select(ProgrammeEdition.code).where(ProgrammeEdition.code.like(f"{base}%"))))
    code, number = base, 1
    while code in taken:
        number += 1
        code = f"{base}_{number}"
    return code


def _copy_items(session: Session, source: ProgrammeEdition, target: ProgrammeEdition) -> int:
    """Copy every item of `source` into `target`; returns how many were copied."""
    copies: dict[type[Base], dict[int, Any]] = {}
    for model in COPIED:
        table: Any = model.__table__  # type: ignore[attr-defined]
        columns = [column.key for column in table.columns if column.key not in NOT_COPIED]
        copies[model] = {}
        rows = session.scalars(select(model).where(model.edition_id == source.id).order_by(model.id))  # type: ignore[attr-defined]
        row: Any
        for row in rows:
            copy: Any = model(**{name: getattr(row, name) for name in columns})
            copy.edition_id = target.id
            if isinstance(row, DevelopmentMeasure):
                copy.principle = copies[DevelopmentPrinciple][row.principle_id]
            if isinstance(row, Responsibility):
                copy.actor = copies[Actor][row.actor_id]
            if isinstance(row, Opportunity):
                copy.forms = list(row.forms)
            if isinstance(row, Channel):
                copy.target_groups = list(row.target_groups)
            session.add(copy)
            copies[model][row.id] = copy
    session.flush()
    return sum(len(rows) for rows in copies.values())


def start_next_edition(
    session: Session, user: CurrentUser | None, values: Mapping[str, Any], today: date
) -> dict[str, Any]:
    """Start a new edition (a draft) as a copy of the edition in force `today`; returns its
    values with its id. `values`: name_fi, name_en, period_start, period_end."""
    require(user, PROGRAMME)
    draft = session.scalars(select(ProgrammeEdition).where(ProgrammeEdition.approved_on.is_(None))).first()
    if draft is not None:
        # One edition is prepared at a time: a second copy would split the coordinator's edits.
        raise ValidationError.one("name_fi", "editions.error.draft_exists", name=draft.name_fi)
    source = edition_in_force(session, today)
    clean = _validated(session, None, {}, {name: values.get(name) for name in EDITION_FIELDS})
    if clean["period_start"] <= source.period_start:
        raise ValidationError.one("period_start", "editions.error.start_after", name=source.name_fi)
    edition = ProgrammeEdition(
        code=_new_code(session, clean["name_fi"]),
        based_on_id=source.id,
        **{name: clean[name] for name in EDITION_FIELDS},
    )
    session.add(edition)
    session.flush()
    copied = _copy_items(session, source, edition)
    after = edition_snapshot(edition)
    audit.record(
        session, user, "create", "programme_edition", edition.id, after=after, note=f"{source.code}: {copied}"
    )
    return {"id": edition.id, **after}


def update_edition(
    session: Session, user: CurrentUser | None, edition_id: int, changes: Mapping[str, Any]
) -> dict[str, Any]:
    """Change an edition's name or period, or record its approval (body, date, § together)."""
    require(user, PROGRAMME)
    edition = session.get(ProgrammeEdition, edition_id)
    if edition is None:
        raise ValidationError.one("id", "editions.error.not_found", id=edition_id)
    before = edition_snapshot(edition)
    current = audit.values_of(edition, (*EDITION_FIELDS, *APPROVAL_FIELDS))
    clean = _validated(session, edition_id, current, changes)
    for name, value in clean.items():
        setattr(edition, name, value)
    session.flush()
    after = edition_snapshot(edition)
    if after != before:
        audit.record(session, user, "update", "programme_edition", edition_id, before=before, after=after)
    return after
