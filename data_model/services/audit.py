"""The audit log, and the bump of the data version of what a write changed (see
data_model.data_versions), which tells caches in every process that it happened."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from .. import data_versions
from ..models import AuditEntry, Base, utcnow
from ..permissions import CurrentUser


def record(
    session: Session,
    user: CurrentUser | None,
    event: str,
    entity: str = "",
    entity_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str = "",
    bump: bool = True,
    also: tuple[str, ...] = (),
) -> AuditEntry:
    """Add an audit entry in the caller's transaction and, for a data change, bump the data
    version of `entity`'s domain and of the domains in `also` (a write that changes more than
    one table's rows); `bump=False` for security events that change no figure."""
    entry = AuditEntry(
        at=utcnow(),
        user_id=user.id if user else None,
        username=user.username if user else "",
        event=event,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
        note=note,
    )
    session.add(entry)
    if bump:
        data_versions.bump(session, (data_versions.domain_of(entity), *also), at=entry.at)
    return entry


R = TypeVar("R", bound=Base)


def values_of(row: Base, fields: tuple[str, ...]) -> dict[str, Any]:
    """The named columns of `row` as plain data: what an audit entry stores before and after."""
    return {name: getattr(row, name) for name in fields}


@contextmanager
def changed(
    session: Session,
    user: CurrentUser | None,
    event: str,
    entity: str,
    row: R,
    snapshot: Callable[[R], dict[str, Any]],
    note: str = "",
) -> Iterator[R]:
    """Audit what the `with` block changes in `row`: its snapshot before the block, and after
    it once flushed. A block that raises records nothing (its transaction is rolled back)."""
    before = snapshot(row)
    yield row
    session.flush()
    record(
        session, user, event, entity, getattr(row, "id", None), before=before, after=snapshot(row), note=note
    )
