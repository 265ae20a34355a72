"""An action's programme item read as the item of the edition in force (by its code).

An action links to the rows of the edition in force on its own date; once the next edition
starts every item has a second row with the same code. A figure listing items of the edition
in force must count an earlier edition's action under that edition's row of the same code,
or each item shows twice (data_model.editions). `InForceKey` adds the two joins that turn the
linked row into that key inside the figure's own statement (no statement of its own), and the
label condition that lists each item once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func
from sqlalchemy.orm import aliased

from ..editions import in_force_id_sql


class InForceKey:
    """The key of an item of `model` (Channel, Opportunity, …) in the edition in force on
    `day`: that edition's row of the linked row's code, or the linked row itself where that
    edition has no such code (its figures are not dropped)."""

    def __init__(self, model: Any, day: date) -> None:
        self.linked: Any = aliased(model)
        self.current: Any = aliased(model)
        self.day = day

    @property
    def id(self) -> ColumnElement[int]:
        """The key: select and group by it after `join`."""
        return func.coalesce(self.current.id, self.linked.id)

    def join(self, statement: Any, item_id: Any) -> Any:
        """`statement` joined from the action's link `item_id` to the key's rows."""
        linked, current = self.linked, self.current
        return statement.join(linked, linked.id == item_id).outerjoin(
            current, and_(current.code == linked.code, current.edition_id == in_force_id_sql(self.day))
        )


def listed_in_force(model: Any, day: date) -> ColumnElement[bool]:
    """The rows a matrix or list shows by default: the active ones of the edition in force on
    `day` (an inactive or other edition's row only where it has figures, added by the caller)."""
    return and_(model.active, model.edition_id == in_force_id_sql(day))
