"""The coordinator keeps the programme's content current: SWOT, catalogue, measures,
channels, responsibilities ("programme.write") and the reference data behind the figures —
population, audience groups, departments, areas ("reference.write"; the thresholds: services.settings).

Every write checks the permission first, validates every field (a message per field, keys programme_admin.error.*),
writes, and records an audit entry with the values before and after. Nothing is deleted:
retiring an item sets active=False, so actions that refer to it keep their history.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .. import clock
from ..editions import edition_in_force
from ..i18n import Message, msg
from ..indicators import INDICATORS
from ..models import (
    Base,
    PopulationFigure,
    ProgrammeEdition,
)
from ..models.editions import InEdition
from ..permissions import CurrentUser, require, require_read
from ..text_safety import clean_text
from ..validation import NUMBER_TEXT_MAX, population_sum_problem, population_sum_warnings
from . import audit
from .errors import ValidationError
from .programme_fields import (
    ENTITIES,
    Entity,
    Field,
)


def _codes_of(rows: list[Any]) -> list[str]:
    return [row.code for row in rows]


def snapshot(entity_key: str, row: Base) -> dict[str, Any]:
    """A row's editable values as plain data (references by code), for audit and editing."""
    entity = ENTITIES[entity_key]
    values: dict[str, Any] = {}
    for name, spec in entity.fields.items():
        if spec.kind == "refs":
            values[name] = _codes_of(getattr(row, name))
        elif spec.kind == "ref":
            target = getattr(row, spec.attribute)
            values[name] = target.code if target is not None else None
        else:
            values[name] = getattr(row, name)
    if hasattr(row, "code"):
        values["code"] = row.code
    if entity.retirable:
        values["active"] = row.active  # type: ignore[attr-defined]
    return values


def _clean_text(spec: Field, label: Message, raw: Any) -> tuple[str | None, Message | None]:
    text = "" if raw is None else clean_text(str(raw))
    text = "\n".join(line.rstrip() for line in text.strip().splitlines())
    if spec.required and not text:
        return None, msg("programme_admin.error.required", label=label)
    if len(text) > spec.max_length:
        return None, msg(
            "programme_admin.error.too_long", label=label, maximum=spec.max_length, length=len(text)
        )
    return text, None


def _clean_int(spec: Field, label: Message, raw: Any) -> tuple[int | None, Message | None]:
    not_whole = msg("programme_admin.error.whole_number", label=label)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return spec.default, (msg("programme_admin.error.required", label=label) if spec.required else None)
    if isinstance(raw, bool):
        return None, not_whole
    if isinstance(raw, float):
        if not math.isfinite(raw) or raw != int(raw):
            return None, not_whole
        raw = int(raw)
    if len(str(raw)) > NUMBER_TEXT_MAX:
        return None, not_whole
    try:
        number = int(str(raw).strip().replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        return None, not_whole
    if spec.minimum is not None and number < spec.minimum:
        return None, msg("programme_admin.error.at_least", label=label, minimum=spec.minimum)
    if spec.maximum is not None and number > spec.maximum:
        return None, msg("programme_admin.error.at_most", label=label, maximum=spec.maximum)
    return number, None


def _clean(
    session: Session, name: str, spec: Field, raw: Any, edition_id: int | None
) -> tuple[Any, Message | None]:
    label = msg(f"programme_admin.field.{name}")
    if spec.kind == "text":
        return _clean_text(spec, label, raw)
    if spec.kind == "int":
        return _clean_int(spec, label, raw)
    if spec.kind == "bool":
        if raw is None:
            return False, None
        if not isinstance(raw, bool):
            return None, msg("programme_admin.error.yes_or_no", label=label)
        return raw, None
    if spec.kind == "choice":
        if raw not in spec.choices:
            return None, msg("programme_admin.error.choice", label=label, choices=", ".join(spec.choices))
        return raw, None
    if spec.kind == "indicator":
        if raw in (None, ""):
            return None, None
        if raw not in INDICATORS:
            return None, msg("programme_admin.error.unknown_indicator", label=label, value=str(raw))
        return raw, None
    target: Any = spec.target
    codes = list(raw or []) if spec.kind == "refs" else ([] if raw in (None, "") else [raw])
    if spec.required and not codes:
        return None, msg("programme_admin.error.choose_one", label=label)
    query = select(target).where(target.code.in_(codes))
    if issubclass(target, InEdition):
        # A principle or an actor is chosen from the item's own edition.
        query = query.where(target.edition_id == edition_id)
    found = {row.code: row for row in session.scalars(query)}
    missing = [code for code in codes if code not in found]
    if missing:
        return None, msg(
            "programme_admin.error.unknown_choice", label=label, codes=", ".join(map(str, missing))
        )
    rows = [found[code] for code in dict.fromkeys(codes)]
    return (rows if spec.kind == "refs" else (rows[0] if rows else None)), None


def _extra_checks(
    session: Session, entity: Entity, row_id: int | None, values: dict[str, Any], edition_id: int | None
) -> dict[str, Message]:
    errors: dict[str, Message] = {}
    model: Any = entity.model
    for name in entity.unique:
        column = getattr(model, name)
        same_list = [model.edition_id == edition_id] if issubclass(model, InEdition) else []
        clash = session.scalar(
            select(func.count())
            .select_from(model)
            .where(func.lower(column) == str(values[name]).lower(), model.id != (row_id or -1), *same_list)
        )
        if clash:
            errors[name] = msg(
                "programme_admin.error.taken",
                label=msg(f"programme_admin.field.{name}"),
                value=str(values[name]),
            )
    if (
        "legal_basis" in entity.extra_checks
        and values["statutory"] == "statutory"
        and not values["legal_basis"]
    ):
        errors["legal_basis"] = msg("programme_admin.error.legal_basis_required")
    if "ages" in entity.extra_checks:
        low, high = values.get("age_min"), values.get("age_max")
        if values.get("kind") == "age" and low is None:
            errors["age_min"] = msg("programme_admin.error.age_min_required")
        if low is not None and high is not None and high < low:
            errors["age_max"] = msg("programme_admin.error.age_max_below_min")
    if "population_unique" in entity.extra_checks:
        group = values.get("audience_group")
        clash = session.scalar(
            select(func.count())
            .select_from(PopulationFigure)
            .where(
                PopulationFigure.year == values["year"],
                PopulationFigure.audience_group_id.is_(None)
                if group is None
                else PopulationFigure.audience_group_id == group.id,
                PopulationFigure.id != (row_id or -1),
            )
        )
        if clash:
            errors["year"] = msg("programme_admin.error.population_taken")
        else:
            problem = population_sum_problem(session, values["year"], group, values["count"], row_id)
            if problem:
                errors["count"] = msg(
                    "programme_admin.error.field", label=msg("programme_admin.field.count"), error=problem
                )
    return errors


def _validated(
    session: Session,
    entity: Entity,
    row_id: int | None,
    current: dict[str, Any],
    changes: Mapping[str, Any],
    edition_id: int | None = None,
) -> dict[str, Any]:
    """The cleaned values; `edition_id` is the item's edition, where choices and unique names live."""
    unknown = [name for name in changes if name not in entity.fields]
    if unknown:
        raise ValidationError(
            {name: msg("programme_admin.error.not_editable", name=name) for name in unknown}
        )
    errors: dict[str, Message] = {}
    values: dict[str, Any] = {}
    for name, spec in entity.fields.items():
        raw = changes[name] if name in changes else current.get(name)
        value, error = _clean(session, name, spec, raw, edition_id)
        if error:
            errors[name] = error
        values[name] = value
    if not errors:
        errors = _extra_checks(session, entity, row_id, values, edition_id)
    if errors:
        raise ValidationError(errors)
    return values


def _apply(entity: Entity, row: Base, values: dict[str, Any]) -> None:
    for name, value in values.items():
        spec = entity.fields[name]
        setattr(row, spec.attribute if spec.kind == "ref" else name, value)


def _entity(key: str) -> Entity:
    if key not in ENTITIES:
        raise KeyError(f"unknown kind of content '{key}'")
    return ENTITIES[key]


def _load(session: Session, entity: Entity, item_id: int) -> Base:
    row = session.get(entity.model, item_id)
    if row is None:
        raise ValidationError.one(
            "id", "programme_admin.error.not_found", what=msg(entity.name_key), id=item_id
        )
    return row


def _new_code(session: Session, entity: Entity, values: dict[str, Any], edition_id: int | None) -> str:
    source = str(values.get(entity.code_from or "", "")) or entity.model.__tablename__
    ascii_text = unicodedata.normalize("NFKD", source).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")[:60] or "kohta"
    code, number = base, 1
    model: Any = entity.model
    query = select(model.code).where(model.code.like(f"{base}%"))
    if issubclass(model, InEdition):
        query = query.where(model.edition_id == edition_id)
    existing = set(session.scalars(query))
    while code in existing:
        number += 1
        code = f"{base}_{number}"
    return code


# --- services ------------------------------------------------------------------------------


def update_item(
    session: Session, user: CurrentUser | None, entity_key: str, item_id: int, changes: Mapping[str, Any]
) -> dict[str, Any]:
    """Change some fields of one item; returns its values after the change."""
    entity = _entity(entity_key)
    require(user, entity.permission)
    row = _load(session, entity, item_id)
    before = snapshot(entity_key, row)
    values = _validated(session, entity, item_id, before, changes, getattr(row, "edition_id", None))
    _apply(entity, row, values)
    session.flush()
    after = snapshot(entity_key, row)
    if after != before:
        audit.record(session, user, "update", row.__tablename__, item_id, before=before, after=after)
    return after


def _edition_of(session: Session, entity: Entity, edition_id: int | None) -> int | None:
    """The edition a programme item is read or written in: the one given, else the one in force today."""
    if not issubclass(entity.model, InEdition):
        return None
    if edition_id is None:
        return edition_in_force(session, clock.today()).id
    if session.get(ProgrammeEdition, edition_id) is None:
        raise ValidationError.one("edition_id", "editions.error.not_found", id=edition_id)
    return edition_id


def create_item(
    session: Session,
    user: CurrentUser | None,
    entity_key: str,
    values: Mapping[str, Any],
    edition_id: int | None = None,
) -> dict[str, Any]:
    """Add a new item (a code is made from its name) to an edition (default: the one in force
    today); returns its values with its id."""
    entity = _entity(entity_key)
    require(user, entity.permission)
    edition = _edition_of(session, entity, edition_id)
    clean = _validated(session, entity, None, {}, values, edition)
    row = entity.model()
    if isinstance(row, InEdition) and edition is not None:
        row.edition_id = edition
    _apply(entity, row, clean)
    if entity.code_from is not None:
        row.code = _new_code(session, entity, clean, edition)  # type: ignore[attr-defined]
    if entity.retirable:
        row.active = True  # type: ignore[attr-defined]
    session.add(row)
    session.flush()
    after = snapshot(entity_key, row)
    audit.record(session, user, "create", row.__tablename__, row.id, after=after)  # type: ignore[attr-defined]
    return {"id": row.id, **after}  # type: ignore[attr-defined]


def set_active(
    session: Session, user: CurrentUser | None, entity_key: str, item_id: int, active: bool
) -> dict[str, Any]:
    """Retire (active=False) or restore an item. Its row stays, with everything that refers to it."""
    entity = _entity(entity_key)
    require(user, entity.permission)
    if not entity.retirable:
        raise ValidationError.one("active", "programme_admin.error.not_retirable", what=msg(entity.name_key))
    row = _load(session, entity, item_id)
    before = snapshot(entity_key, row)
    if row.active == active:  # type: ignore[attr-defined]
        return before
    row.active = active  # type: ignore[attr-defined]
    session.flush()
    after = snapshot(entity_key, row)
    event = "restore" if active else "retire"
    audit.record(session, user, event, row.__tablename__, item_id, before=before, after=after)
    return after


# --- reading for the editor ----------------------------------------------------------------


def editable_items(
    session: Session, user: CurrentUser | None, entity_key: str, edition_id: int | None = None
) -> list[dict[str, Any]]:
    """Every item of a kind (retired ones too) with its id and editable values, in order; a
    programme item from one edition (default: the one in force today)."""
    require_read(user, "programme_admin.read")
    entity = _entity(entity_key)
    model: Any = entity.model
    order = [getattr(model, "sort_order", None), model.id]
    if entity.model is PopulationFigure:
        order = [PopulationFigure.year.desc(), PopulationFigure.audience_group_id, PopulationFigure.id]
    # Each reference loaded for all rows at once, not lazily per row (issue 12).
    references = [
        selectinload(getattr(model, spec.attribute if spec.kind == "ref" else name))
        for name, spec in entity.fields.items()
        if spec.kind in ("ref", "refs")
    ]
    query = select(model).options(*references).order_by(*[o for o in order if o is not None])
    edition = _edition_of(session, entity, edition_id)
    if edition is not None:
        query = query.where(model.edition_id == edition)
    rows = session.scalars(query)
    return [{"id": row.id, **snapshot(entity_key, row)} for row in rows]  # type: ignore[attr-defined]


def reference_options(
    session: Session,
    user: CurrentUser | None,
    entity_key: str,
    field_name: str,
    edition_id: int | None = None,
) -> list[tuple[str, str]]:
    """(code, Finnish name) choices for a ref/refs field, in display order (a principle or an
    actor from the edition given, default the one in force today)."""
    require_read(user, "programme_admin.read")
    spec = _entity(entity_key).fields[field_name]
    target: Any = spec.target
    label = next(getattr(target, name) for name in ("name_fi", "title_fi", "code") if hasattr(target, name))
    query = select(target.code, label).order_by(target.sort_order, target.id)
    if issubclass(target, InEdition):
        edition = edition_id if edition_id is not None else edition_in_force(session, clock.today()).id
        query = query.where(target.edition_id == edition)
    rows = session.execute(query)
    return [(code, name) for code, name in rows]


def population_warnings(session: Session, user: CurrentUser | None) -> list[Message]:
    """The years whose age groups do not add up to the whole population, in words: shown
    on the population form, so the coordinator sees what a single save cannot refuse."""
    require_read(user, "programme_admin.read")
    return population_sum_warnings(session)
