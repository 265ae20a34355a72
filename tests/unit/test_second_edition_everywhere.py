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
from data_model.editions import EditionWindow
from data_model.metrics.catalogue import catalogue_usage
from data_model.metrics.channels import channel_usage
from data_model.metrics.coverage import (
    Matrix,
    channel_by_group,
    department_by_form,
    department_by_group,
    unused_opportunities,
)
from data_model.metrics.duties import ActorDuties, responsibilities
from data_model.metrics.editions import programme_editions
from data_model.metrics.evaluation import edition_evaluation
from data_model.metrics.filters import MetricFilters
from data_model.metrics.gaps import Gap
from data_model.metrics.measures import development_steps, measures_without_actions
from data_model.metrics.reach_page import reach_page_figures
from data_model.metrics.report_figures import report_figures
from data_model.metrics.swot import swot_board
from data_model.permissions import CurrentUser
from data_model.services.actions import create_action, soft_delete_action
from data_model.services.editions import start_next_edition, update_edition
from data_model.services.experience import create_experience
from tests.factories import READER, create_role_users
from tests.unit.action_inputs import valid_input
from tests.unit.experience_inputs import experience_input

NEXT = {
    "name_fi": "Osallistuva Heinola 2026–2029",
    "name_en": "Participatory Heinola 2026–2029",
    "period_start": date(2026, 1, 1),
    "period_end": date(2029, 12, 31),
}
APPROVAL = {"approved_by": "council", "approved_on": date(2026, 3, 16), "approval_section": "31"}
ALL_TIME = MetricFilters()
YEAR_2026 = MetricFilters(start=date(2026, 1, 1), end=date(2026, 12, 31))
FIRST_LAST_DAY = date(2025, 12, 31)

# Each action's department, start and links; the 2026 ones are relogged under the new edition
# unless marked "stays" (logged before the approval, linked to the earlier edition's rows).
ACTIONS: tuple[dict[str, Any], ...] = (
    {"start_date": date(2025, 3, 1), "end_date": None},
    # The advocacy bodies' duties: evidenced under the first edition only.
    {"department": "nuorisovaltuusto", "start_date": date(2025, 5, 1), "end_date": None},
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
    """The figures of every reader before (one edition) and after (two editions): the period
    figures, and each edition's own figures (`single_edition`: the one edition's;
    `editions`: the earlier one's and the new one's), the duties and the SWOT boards."""

    single: dict[str, Any]
    double: dict[str, Any]
    single_edition: dict[str, Counter[Any]]
    editions: tuple[dict[str, Counter[Any]], dict[str, Counter[Any]]]
    single_duties: list[ActorDuties]
    earlier_duties: list[ActorDuties]
    new_duties: list[ActorDuties]
    earlier_board: dict[str, float | None]
    evaluated: dict[str, tuple[int, int]]  # the new edition's evaluation: measure -> (actions, participants)


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


def _edition_figures(session: Session, window: EditionWindow | None) -> dict[str, Counter[Any]]:
    """One edition's own figures that add up over editions (each item's uses, participants …),
    by code, labels checked once each."""
    today = clock.today()
    found: dict[str, Counter[Any]] = {}
    catalogue = catalogue_usage(session, READER, today, edition=window)
    for form in catalogue.forms:
        _labels_once(f"catalogue {form.code}", (item.code for item in form.opportunities))
    found["catalogue"] = Counter(
        {(form.code, item.code): item.times_used for form in catalogue.forms for item in form.opportunities}
    )
    channels = channel_usage(session, READER, edition=window)
    _labels_once("channel_usage", (channel.code for channel in channels))
    found["channel uses"] = Counter({c.code: c.times_used for c in channels})
    found["channel participants"] = Counter({c.code: c.participants_total for c in channels})
    steps = development_steps(session, READER, ALL_TIME, edition=window)
    _labels_once("development_steps", (m.code for p in steps for m in p.measures))
    found["measure actions"] = Counter({m.code: m.actions for p in steps for m in p.measures})
    _labels_once(
        "measures_without_actions",
        (m.code for m in measures_without_actions(session, READER, ALL_TIME, edition=window)),
    )
    reach = {
        m.code: m.reach
        for p in development_steps(session, READER, ALL_TIME, include_retired=True, edition=window)
        for m in p.measures
    }
    found["measure participants"] = Counter({code: r.participants for code, r in reach.items()})
    found["measure unknown totals"] = Counter({code: r.actions_without_total for code, r in reach.items()})
    _labels_once(
        "unused_opportunities",
        (u.opportunity.code for u in unused_opportunities(session, READER, ALL_TIME, today, edition=window)),
    )
    _labels_once("swot_board", (card.code for card in swot_board(session, READER, today, edition=window)))
    duties = responsibilities(session, READER, today, edition=window)
    _labels_once("responsibilities", (d.code for actor in duties for d in actor.duties))
    return found


def _board(session: Session, window: EditionWindow | None, today: date) -> dict[str, float | None]:
    return {
        card.code: card.indicator.value if card.indicator else None
        for card in swot_board(session, READER, today, edition=window)
        if card.indicator is not None and card.indicator.unit == "survey"
    }


def _experience(session: Session, user: CurrentUser, year: int, score: int) -> None:
    create_experience(session, user, experience_input(session, None, year=year, score=score))


@pytest.fixture
def world(engine: Engine, users: dict[str, CurrentUser]) -> World:
    coordinator = users["coordinator"]
    with transaction(engine) as session:
        ids = [_log(session, coordinator, spec) for spec in ACTIONS]
        _experience(session, coordinator, 2025, 55)
    with session_factory(engine)() as session:
        single = _figures(session)
        single_edition = _edition_figures(session, None)
        single_duties = responsibilities(session, READER, FIRST_LAST_DAY)
        single_board = _board(session, None, FIRST_LAST_DAY)
    with transaction(engine) as session:
        new = start_next_edition(session, coordinator, NEXT, clock.today())
        update_edition(session, coordinator, new["id"], APPROVAL)
        for action_id, spec in zip(ids, ACTIONS, strict=True):
            if spec["start_date"] >= NEXT["period_start"] and not spec.get("stays"):
                soft_delete_action(session, coordinator, action_id)
                _log(session, coordinator, spec)
        _experience(session, coordinator, 2026, 80)  # taken under the new edition
    with session_factory(engine)() as session:
        double = _figures(session)
        choices = programme_editions(session, READER, clock.today())
        earlier = next(e for e in choices.editions if e.id != choices.in_force_id)
        editions = (
            _edition_figures(session, earlier.window),
            _edition_figures(session, choices.in_force.window),
        )
        earlier_duties = responsibilities(session, READER, clock.today(), edition=earlier.window)
        new_duties = responsibilities(session, READER, clock.today())
        earlier_board = _board(session, earlier.window, clock.today())
        evaluation = edition_evaluation(session, READER, choices.in_force, clock.today())
        evaluated = {m.activity.code: (m.activity.actions, m.reach.participants) for m in evaluation.measures}
        _labels_once("evaluation measures", (m.activity.code for m in evaluation.measures))
    assert single_board and all(value == 55 for value in single_board.values())
    return World(
        single,
        double,
        single_edition,
        editions,
        single_duties,
        earlier_duties,
        new_duties,
        earlier_board,
        evaluated,
    )


def test_the_world_has_actions_under_both_editions(world: World) -> None:
    assert world.single["channel_by_group all"]["total"] > 0
    assert world.single["channel_by_group 2026"]["total"] > 0


def test_every_item_keyed_figure_lists_each_item_once_and_counts_as_with_one_edition(world: World) -> None:
    assert world.double.keys() == world.single.keys()
    for name, figure in world.single.items():
        assert world.double[name] == figure, name


def test_each_editions_own_figures_list_items_once_and_add_up_to_the_single_editions(world: World) -> None:
    earlier, new = world.editions
    assert earlier.keys() == new.keys() == world.single_edition.keys()
    for name, figure in world.single_edition.items():
        assert +(earlier[name] + new[name]) == +figure, name
    # The 2026 actions count for the new edition, also the one linked to the earlier rows.
    assert new["measure participants"]["vuoropuhelu"] == 40
    assert new["catalogue"][("suunnittelu", "asukaskyselyt")] == 1


def test_an_editions_duties_are_evidenced_only_within_its_window(world: World) -> None:
    start = NEXT["period_start"]
    evidenced = [
        d for actor in world.new_duties for d in actor.duties if d.evidence in ("action", "programme_review")
    ]
    assert evidenced
    for duty in evidenced:
        assert duty.last_evidence is None or duty.last_evidence >= start, duty.code
    advocacy = next(actor for actor in world.new_duties if actor.code == "vaikuttamistoimielimet")
    # Done only in 2025: no evidence in the new edition, first due a period after its start.
    assert {(d.last_evidence, d.evidence_count) for d in advocacy.duties if d.evidence == "action"} == {
        (None, 0)
    }
    # The earlier edition's duties stand as they did on its last day, as with one edition.
    assert world.earlier_duties == world.single_duties


def test_an_earlier_editions_swot_board_reads_the_survey_of_its_own_days(world: World) -> None:
    assert world.earlier_board and all(value == 55 for value in world.earlier_board.values())


def test_the_evaluation_reads_each_measures_reach_by_its_code(world: World) -> None:
    # 1.2.2026, logged before the approval under the earlier edition's row: the new edition's.
    assert world.evaluated["helpot_osallistumiskeinot"] == (1, 40)
    assert world.evaluated["vuoropuhelu"] == (1, 40)
