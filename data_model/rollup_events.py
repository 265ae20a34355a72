"""Noting what each flush touches, so data_model.rollups refreshes just those months in the same
transaction: the hooks on actions and their reach rows. Importing this module registers them
(data_model.db.session_factory does)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, event, inspect
from sqlalchemy.orm import Mapper, Session, UOWTransaction

from .models import Action, ActionReach
from .rollups import CHUNK, Key, buckets_of, key_of, refresh_buckets

_TOUCHED_KEYS = "rollup_touched_keys"
_TOUCHED_ACTIONS = "rollup_touched_actions"
_DEFERRED = "rollups_deferred"
# Attributes of an action that decide its bucket or its sums; other edits leave the sums alone.
_SUMMED = (
    "department_id",
    "area_id",
    "start_date",
    "deleted_at",
    "participants_total",
    "format",
    "opportunity_id",
    "feedback_given",
    "end_date",
    "forms",
    "intended_groups",
    "channels",
)


def _touched(target: object) -> tuple[set[Key], set[int]]:
    session = Session.object_session(target)
    info = session.info if session is not None else {}
    return info.setdefault(_TOUCHED_KEYS, set()), info.setdefault(_TOUCHED_ACTIONS, set())


def _before(action: Action, name: str) -> Any:
    history = inspect(action).attrs[name].history
    return history.deleted[0] if history.deleted else getattr(action, name)


def _action_saved(_mapper: Mapper[Any], _connection: Connection, action: Action) -> None:
    keys, _ = _touched(action)
    state = inspect(action)
    if any(state.attrs[name].history.has_changes() for name in _SUMMED):
        keys.add(
            key_of(
                _before(action, "department_id"), _before(action, "area_id"), _before(action, "start_date")
            )
        )
        keys.add(key_of(action.department_id, action.area_id, action.start_date))


def _action_inserted(_mapper: Mapper[Any], _connection: Connection, action: Action) -> None:
    _touched(action)[0].add(key_of(action.department_id, action.area_id, action.start_date))


def _action_deleted(_mapper: Mapper[Any], _connection: Connection, action: Action) -> None:
    keys, _ = _touched(action)
    keys.add(
        key_of(_before(action, "department_id"), _before(action, "area_id"), _before(action, "start_date"))
    )


def _reach_changed(_mapper: Mapper[Any], _connection: Connection, row: ActionReach) -> None:
    _touched(row)[1].add(row.action_id)


def defer_to_rebuild(session: Session) -> None:
    """Leave the sums alone on this session's flushes, for a bulk load that calls
    rebuild_rollups once when it is done: refreshing every month each batch touched costs a
    pass over all the rows before it, so a 100,000-action load would take quadratic time."""
    session.info[_DEFERRED] = True


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    keys: set[Key] = session.info.pop(_TOUCHED_KEYS, set())
    action_ids: set[int] = session.info.pop(_TOUCHED_ACTIONS, set())
    if session.info.get(_DEFERRED) or (not keys and not action_ids):
        return
    connection = session.connection()
    ids = sorted(action_ids)
    for start in range(0, len(ids), CHUNK):
        keys |= buckets_of(connection, Action.id.in_(ids[start : start + CHUNK]))
    refresh_buckets(connection, keys)


event.listen(Action, "after_insert", _action_inserted)
event.listen(Action, "after_update", _action_saved)
event.listen(Action, "after_delete", _action_deleted)
for _event in ("after_insert", "after_update", "after_delete"):
    event.listen(ActionReach, _event, _reach_changed)
event.listen(Session, "after_flush_postexec", _after_flush)
