"""Once a second edition is in force every programme item (channel, opportunity, measure, SWOT
item, duty) has two rows with one code. Every reader keyed by a programme item must list each
item once, from the edition in force, and count an earlier edition's action under the item with
the same code: nothing shows twice and no total changes.

The world: the seeded programme and five actions logged under the first edition (2025 and 2026);
figures read. Then the next edition starts on 1.1.2026 and is approved; two of the 2026 actions
are logged again under the new edition's rows (the originals soft-deleted), one stays linked to
the earlier rows (logged before the approval). Every reader's figures are read again: each label
once, and the period figures equal the single-edition ones; an edition's own figures (its window
only) add up with the earlier edition's to the single-edition ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from data_model import clock
from data_model.db import session_factory, transaction
from data_model.metrics.coverage import Matrix, channel_by_group, department_by_form, department_by_group
from data_model.metrics.filters import MetricFilters
from data_model.metrics.gaps import Gap
from data_model.metrics.reach_page import reach_page_figures
from data_model.metrics.report_figures import report_figures
from data_model.permissions import CurrentUser
from data_model.services.actions import create_action, soft_delete_action
from data_model.services.editions import start_next_edition, update_edition
from tests.factories import READER, create_role_users
from tests.unit.action_inputs import valid_input

NEXT = {
    "name_fi": "Osallistuva Heinola 2026–2029",
    "name_en": "Participatory Heinola 2026–2029",
    "period_start": date(2026, 1, 1),
    "period_end": date(2029, 12, 31),
}
APPROVAL = {"approved_by": "council", "approved_on": date(2026, 3, 16), "approval_section": "31"}
ALL_TIME = MetricFilters()
YEAR_2026 = MetricFilters(start=date(2026, 1, 1), end=date(2026, 12, 31))

# Each action's department, start and links; the 2026 ones are relogged under the new edition
# unless marked "stays" (logged before the approval, linked to the earlier edition's rows).
ACTIONS: tuple[dict[str, Any], ...] = (
    {"start_date": date(2025, 3, 1), "end_date": None},
    {
        "department": "kaupunkiymparisto",
        "start_date": date(2025, 9, 1),
        "end_date": None,
        "opportunity_code": "osallistuva_budjetointi",
        "form_codes": ["paatos"],
        "measure_codes": ["vuoropuhelu", "palaute_huomioimisesta"],
        "channel_codes": ["facebook", "nettisivut"],
        "reach": {"older_65_74": 12, "working_age_30_64": 20},
    },
    {"start_date": date(2026, 2, 1), "end_date": None, "stays": True},
    {
        "department": "kaupunkiymparisto",
        "start_date": date(2026, 6, 1),
        "end_date": None,
        "opportunity_code": "osallistuva_budjetointi",
        "form_codes": ["paatos"],
        "measure_codes": ["vuoropuhelu"],
        "channel_codes": ["facebook", "instagram"],
        "reach": {"youth_15_29": 3, "working_age_30_64": 30},
    },
    {
        "start_date": date(2026, 9, 1),
        "end_date": None,
        "opportunity_code": "info_keskustelutilaisuudet",
        "measure_codes": ["matalan_kynnyksen_yhteydenotto"],
        "channel_codes": ["henkilokohtainen_tapaaminen"],
        "reach": {"older_75_plus": 4, "children_0_14": 2},
    },
)


@pytest.fixture
def users(engine: Engine) -> dict[str, CurrentUser]:
    return create_role_users(engine)


def _log(session: Session, user: CurrentUser, spec: dict[str, Any]) -> int:
    values = {key: value for key, value in spec.items() if key not in ("department", "stays")}
    return create_action(
        session, user, valid_input(session, spec.get("department", "hyvinvointi"), **values)
    ).id


@dataclass(frozen=True)
class World:
    """The figures of every reader before (one edition) and after (two editions)."""

    single: dict[str, Any]
    double: dict[str, Any]


def _labels_once(name: str, codes: Iterable[str]) -> None:
    twice = sorted(code for code, n in Counter(codes).items() if n > 1)
    assert not twice, f"{name}: listed twice: {twice}"


def _matrix(matrix: Matrix) -> dict[str, Any]:
    _labels_once("matrix rows", (row.code for row in matrix.rows))
    _labels_once("matrix columns", (column.code for column in matrix.columns))
    return {
        "rows": [(row.code, row.name_fi) for row in matrix.rows],
        "cells": {
            (row.code, column.code): matrix.values[i][j]
            for i, row in enumerate(matrix.rows)
            for j, column in enumerate(matrix.columns)
            if matrix.values[i][j]
        },
        "total": matrix.total,
    }


def _suggestions(gaps: list[Gap]) -> list[Any]:
    found = []
    for gap in gaps:
        for name in ("target_channels", "target_opportunities", "best_channels", "best_opportunities"):
            listed = getattr(gap, name)
            _labels_once(f"gap {gap.group.code} {name}", (s.item.code for s in listed))
            found.append((gap.group.code, name, [(s.item.code, s.reached) for s in listed]))
    return found


def _figures(session: Session) -> dict[str, Any]:
    """Every programme-item-keyed reader's figures, labels checked once each."""
    today = clock.today()
    found: dict[str, Any] = {}
    for period_name, filters in (("all", ALL_TIME), ("2026", YEAR_2026)):
        found[f"channel_by_group {period_name}"] = _matrix(channel_by_group(session, READER, filters))
        found[f"department_by_group {period_name}"] = _matrix(department_by_group(session, READER, filters))
        found[f"department_by_form {period_name}"] = _matrix(department_by_form(session, READER, filters))
        page = reach_page_figures(session, READER, filters, today)
        for name in ("department_form", "channel_group", "department_group"):
            found[f"reach page {name} {period_name}"] = _matrix(getattr(page, name))
        found[f"reach page gaps {period_name}"] = _suggestions(page.report.gaps)
        found[f"gaps {period_name}"] = _suggestions(report_figures(session, READER, filters).gaps)
    return found


@pytest.fixture
def world(engine: Engine, users: dict[str, CurrentUser]) -> World:
    coordinator = users["coordinator"]
    with transaction(engine) as session:
        ids = [_log(session, coordinator, spec) for spec in ACTIONS]
    with session_factory(engine)() as session:
        single = _figures(session)
    with transaction(engine) as session:
        new = start_next_edition(session, coordinator, NEXT, clock.today())
        update_edition(session, coordinator, new["id"], APPROVAL)
        for action_id, spec in zip(ids, ACTIONS, strict=True):
            if spec["start_date"] >= NEXT["period_start"] and not spec.get("stays"):
                soft_delete_action(session, coordinator, action_id)
                _log(session, coordinator, spec)
    with session_factory(engine)() as session:
        double = _figures(session)
    return World(single, double)


def test_the_world_has_actions_under_both_editions(world: World) -> None:
    assert world.single["channel_by_group all"]["total"] > 0
    assert world.single["channel_by_group 2026"]["total"] > 0


def test_every_item_keyed_figure_lists_each_item_once_and_counts_as_with_one_edition(world: World) -> None:
    assert world.double.keys() == world.single.keys()
    for name, figure in world.single.items():
        assert world.double[name] == figure, name
