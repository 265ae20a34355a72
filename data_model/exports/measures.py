"""Development measures advanced in a period: the one figure the council report needs that no
metric gives per period (metrics.coverage and programme_usage count measures over all time).

Counted with the metrics' own action filter, so "advanced in Q3/2025" means: at least one
counted action of Q3/2025 is linked to the measure.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..metrics.filters import MetricFilters, action_conditions
from ..metrics.labels import Label
from ..models import Action, DevelopmentMeasure, DevelopmentPrinciple
from ..models.actions import action_measure


@dataclass(frozen=True)
class MeasureProgress:
    """One active development measure (its text as the label's name) and its actions."""

    measure: Label
    actions: int


def measure_progress(session: Session, filters: MetricFilters) -> list[MeasureProgress]:
    """Every active measure in programme order with the number of filtered actions linked to it."""
    counted = (
        select(action_measure.c.development_measure_id.label("measure_id"), func.count().label("actions"))
        .join(Action, Action.id == action_measure.c.action_id)
        .where(*action_conditions(filters))
        .group_by(action_measure.c.development_measure_id)
        .subquery()
    )
    rows = session.execute(
        select(DevelopmentMeasure, func.coalesce(counted.c.actions, 0))
        .join(DevelopmentPrinciple, DevelopmentPrinciple.id == DevelopmentMeasure.principle_id)
        .outerjoin(counted, counted.c.measure_id == DevelopmentMeasure.id)
        .where(DevelopmentMeasure.active)
        .order_by(DevelopmentPrinciple.sort_order, DevelopmentMeasure.sort_order, DevelopmentMeasure.id)
    ).all()
    return [
        MeasureProgress(Label(item.id, item.code, item.text_fi, item.text_en), int(actions))
        for item, actions in rows
    ]
