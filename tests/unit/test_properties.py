"""Property-based: arbitrary values at every validating service and at the import either
save valid data or raise a clear ValidationError (the import: ImportRefused / row problems);
never invalid data saved, never another exception.

Example counts stay modest (CI has 2 cores): the "ci" profile, or HYPOTHESIS_PROFILE=deep.
Each example runs in a transaction that is rolled back, so examples do not see each other.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from data_model.db import session_factory
from data_model.imports import (
    COLUMNS,
    ImportRefused,
    import_actions,
    preview_import,
    table_csv,
    template_headers,
)
from data_model.models import Action
from data_model.permissions import CurrentUser
from data_model.services.actions import create_action, update_action
from data_model.services.programme import create_item
from data_model.services.reports import submit_department_report
from data_model.services.settings import update_setting
from data_model.services.users import create_user
from data_model.text_safety import has_unsafe_characters
from data_model.validation import COST_MAX, COUNT_MAX, ActionInput, ValidationError

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "deep", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TODAY = date(2026, 11, 28)
HOSTILE_TEXT = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "\x00",
            "a\x01b",
            "\u202eexe.txt",
            "<script>alert(1)</script>",
            "'; DROP TABLE action; --",
            '=HYPERLINK("x")',
            "👩‍👩‍👧" * 50,
            "x" * 6000,
            "1e1000000",
            "",
        ]
    ),
)
NUMBERS: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False),
    st.sampled_from(["1e1000000", "9" * 20, "1e30", "12", "12,5", " 7 ", "-1", "inf", "NaN", "ẞ"]),
    HOSTILE_TEXT,
)
DATES: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["1.1.1", "31.12.9999", "2025-02-30", "3.2.2025", "29.2.2024", "x.y.z"]),
    HOSTILE_TEXT,
)
CODES = st.lists(
    st.one_of(st.sampled_from(["tieto", "suunnittelu", "paatos", "toiminta"]), HOSTILE_TEXT), max_size=4
)


@contextmanager
def rolled_back(engine: Engine) -> Iterator[Session]:
    with session_factory(engine)() as session:
        session.begin()
        try:
            yield session
        finally:
            session.rollback()


def _clean_text_field(value: str) -> bool:
    return not has_unsafe_characters(value) and value == value.strip()


action_inputs = st.builds(
    ActionInput,
    department_id=st.one_of(st.none(), st.integers(min_value=-3, max_value=30)),
    title=HOSTILE_TEXT,
    description=HOSTILE_TEXT,
    start_date=DATES,
    end_date=DATES,
    form_codes=CODES,
    format=st.sampled_from(["in_person", "online", "hybrid", "teleport", ""]),
    participants_total=NUMBERS,
    reach=st.dictionaries(st.sampled_from(["youth_15_29", "children_0_14", "nope"]), NUMBERS, max_size=3),
    feedback_date=DATES,
    feedback_url=st.one_of(HOSTILE_TEXT, st.just("https://heinola.fi/x")),
    staff_experience=NUMBERS,
    cost_eur=NUMBERS,
)


# Mostly valid, one or two fields hostile: so that saving is tried, not only refusing.
near_valid_inputs = st.builds(
    ActionInput,
    department_id=st.just(1),
    title=st.one_of(st.just("Lukupiiri"), HOSTILE_TEXT),
    description=HOSTILE_TEXT,
    start_date=st.one_of(st.just(date(2025, 2, 3)), DATES),
    form_codes=st.just(["toiminta"]),
    participants_total=NUMBERS,
    staff_experience=st.one_of(st.none(), NUMBERS),
    cost_eur=NUMBERS,
)


@given(data=st.one_of(action_inputs, near_valid_inputs))
def test_any_action_input_is_saved_valid_or_refused(
    engine: Engine, users: dict[str, CurrentUser], data: ActionInput
) -> None:
    with rolled_back(engine) as session:
        try:
            action = create_action(session, users["coordinator"], data)
        except ValidationError as refused:
            assert refused.errors
            return
        session.flush()
        saved = session.scalars(select(Action).where(Action.id == action.id)).one()
        assert 3 <= len(saved.title) <= 200 and _clean_text_field(saved.title)
        assert not has_unsafe_characters(saved.description)
        assert saved.participants_total is None or 0 <= saved.participants_total <= COUNT_MAX
        assert saved.cost_eur is None or Decimal(0) <= saved.cost_eur <= COST_MAX
        assert saved.staff_experience is None or 1 <= saved.staff_experience <= 5
        assert date(2000, 1, 1) <= saved.start_date
        assert saved.end_date is None or saved.end_date >= saved.start_date


@given(data=st.one_of(near_valid_inputs, action_inputs))
def test_any_action_edit_is_saved_valid_or_refused_and_leaves_the_old_values(
    engine: Engine, users: dict[str, CurrentUser], data: ActionInput
) -> None:
    coordinator = users["coordinator"]
    with rolled_back(engine) as session:
        original = create_action(
            session,
            coordinator,
            ActionInput(
                department_id=1, title="Alkuperäinen", start_date=date(2025, 2, 3), form_codes=["toiminta"]
            ),
        )
        try:
            edited = update_action(session, coordinator, original.id, original.version, data)
        except ValidationError as refused:
            assert refused.errors
            session.refresh(original)
            assert original.title == "Alkuperäinen"
            return
        assert 3 <= len(edited.title) <= 200 and _clean_text_field(edited.title)
        assert edited.participants_total is None or 0 <= edited.participants_total <= COUNT_MAX
        assert edited.cost_eur is None or Decimal(0) <= edited.cost_eur <= COST_MAX


@given(
    username=HOSTILE_TEXT,
    display_name=HOSTILE_TEXT,
    email=st.one_of(HOSTILE_TEXT, st.emails()),
    password=HOSTILE_TEXT,
    role=st.sampled_from(["coordinator", "department_head", "council", "admin", ""]),
    department=st.sampled_from([None, "hyvinvointi", "nope"]),
)
def test_any_user_is_saved_valid_or_refused(
    engine: Engine,
    users: dict[str, CurrentUser],
    username: str,
    display_name: str,
    email: str,
    password: str,
    role: str,
    department: str | None,
) -> None:
    with rolled_back(engine) as session:
        try:
            created = create_user(
                session, users["coordinator"], username, role, display_name, password, department, email
            )
        except ValidationError as refused:
            assert refused.errors
            return
        assert 3 <= len(created.username) <= 60
        assert created.display_name and len(created.display_name) <= 200
        assert _clean_text_field(created.display_name)


@given(period_start=DATES, period_end=DATES, summary=HOSTILE_TEXT, url=HOSTILE_TEXT)
def test_any_report_is_saved_valid_or_refused(
    engine: Engine, users: dict[str, CurrentUser], period_start: Any, period_end: Any, summary: str, url: str
) -> None:
    head = users["department_head"]
    with rolled_back(engine) as session:
        try:
            report = submit_department_report(
                session, head, head.department_id, period_start, period_end, summary, url, today=TODAY
            )
        except ValidationError as refused:
            assert refused.errors
            return
        assert report.period_start <= report.period_end <= date(2028, 12, 31)
        assert 10 <= len(report.summary) <= 5000 and not has_unsafe_characters(report.summary)


@given(text_fi=HOSTILE_TEXT, text_en=HOSTILE_TEXT, quadrant=HOSTILE_TEXT, order=NUMBERS)
def test_any_programme_edit_is_saved_valid_or_refused(
    engine: Engine, users: dict[str, CurrentUser], text_fi: str, text_en: str, quadrant: str, order: Any
) -> None:
    with rolled_back(engine) as session:
        try:
            item = create_item(
                session,
                users["coordinator"],
                "swot",
                {"quadrant": quadrant, "text_fi": text_fi, "text_en": text_en, "sort_order": order},
            )
        except ValidationError as refused:
            assert refused.errors
            return
        assert item["text_fi"] and not has_unsafe_characters(item["text_fi"])


@given(value=NUMBERS)
def test_any_setting_value_is_saved_valid_or_refused(
    engine: Engine, users: dict[str, CurrentUser], value: Any
) -> None:
    with rolled_back(engine) as session:
        try:
            update_setting(session, users["coordinator"], "gap_threshold", value)
        except ValidationError as refused:
            assert refused.errors


@given(content=st.binary(max_size=2000), name=st.sampled_from(["t.csv", "t.xlsx", "t.txt"]))
def test_any_bytes_as_an_import_file_give_a_preview_never_an_exception(
    engine: Engine, users: dict[str, CurrentUser], content: bytes, name: str
) -> None:
    with rolled_back(engine) as session:
        preview = preview_import(session, users["coordinator"], name, content)
        assert preview.problems or not preview.rows or preview.importable


@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {
                COLUMNS["department"]: st.one_of(st.just("hyvinvointi"), HOSTILE_TEXT),
                COLUMNS["title"]: HOSTILE_TEXT,
                COLUMNS["start_date"]: DATES.map(lambda v: "" if v is None else str(v)),
                COLUMNS["forms"]: st.one_of(st.just("toiminta"), HOSTILE_TEXT),
                COLUMNS["participants_total"]: NUMBERS.map(lambda v: "" if v is None else str(v)),
                COLUMNS["cost_eur"]: NUMBERS.map(lambda v: "" if v is None else str(v)),
            }
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_import_rows_are_all_saved_valid_or_all_refused(
    engine: Engine, users: dict[str, CurrentUser], rows: list[dict[str, str]]
) -> None:
    with rolled_back(engine) as session:
        headers = template_headers(session)
        content = table_csv(headers, [[row.get(header, "") for header in headers] for row in rows])
        before = len(session.scalars(select(Action.id)).all())
        try:
            created = import_actions(session, users["coordinator"], "t.csv", content)
        except ImportRefused as refused:
            assert refused.problems
            assert len(session.scalars(select(Action.id)).all()) == before
            return
        assert len(created) == len(rows)
        for action in session.scalars(select(Action).where(Action.id.in_(created))):
            assert 3 <= len(action.title) <= 200 and _clean_text_field(action.title)
            assert action.participants_total is None or 0 <= action.participants_total <= COUNT_MAX
