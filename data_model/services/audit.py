"""The audit log and the data version that tells caches a write happened."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..models import AuditEntry, Base, Setting, utcnow
from ..permissions import CurrentUser

DATA_VERSION_KEY = "data_version"


def bump_data_version(session: Session) -> None:
    """Every write bumps one counter; cached reads are keyed by it, in every app process."""
    counter = session.get(Setting, DATA_VERSION_KEY, with_for_update=True)
    if counter is None:
        # The first writes on a new database can race to create the counter: the loser of the
        # insert reads the winner's row and bumps it, instead of failing the user's save.
        try:
            with session.begin_nested():
                session.add(Setting(key=DATA_VERSION_KEY, value="1"))
            return
        except IntegrityError:
            counter = session.get(Setting, DATA_VERSION_KEY, with_for_update=True, populate_existing=True)
            if counter is None:
                raise
    counter.value = str(int(counter.value) + 1)
    session.flush()


def data_version(session: Session) -> int:
    """The counter bumped by every write (0 before the first)."""
    value = session.scalar(select(Setting.value).where(Setting.key == DATA_VERSION_KEY))
    return int(value) if value else 0


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
) -> AuditEntry:
    """Add an audit entry in the caller's transaction and, for a data change, bump the data
    version (`bump=False` for security events that change no figure)."""
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
        bump_data_version(session)
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
