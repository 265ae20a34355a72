"""The demo data set: big enough, from every department, with the gaps the dashboard must show
(young people, open feedback loops, an overdue report), loadable twice and removable cleanly."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from data_model.__main__ import main
from data_model.action_values import action_input_of
from data_model.db import make_engine, session_factory, transaction
from data_model.demo import has_demo_data, load_demo, read_catalogue, remove_demo
from data_model.demo_generator import months_before, plan_demo, spread
from data_model.demo_templates import DEMO_DIR
from data_model.metrics.feedback import feedback_loop
from data_model.metrics.filters import MetricFilters
from data_model.metrics.reach import YOUTH, group_share, representation
from data_model.metrics.reporting import OVERDUE, reporting_status
from data_model.models import (
    Action,
    ActionReach,
    AuditEntry,
    Channel,
    Department,
    DepartmentReport,
    Opportunity,
    ParticipationForm,
    SwotItem,
    User,
)
from data_model.models.actions import action_channel, action_form, action_intended_group, action_measure
from data_model.seed_files import SeedError
from data_model.validation import validate_action
from tests.factories import READER

TODAY = date(2026, 11, 28)
OPEN_LOOP_DAYS = 60
OVERDUE_DAYS = 8 * 30  # "last report more than 8 months ago"


@pytest.fixture
def demo_engine(engine: Engine) -> Engine:
    with transaction(engine) as session:
        load_demo(session, TODAY)
    return engine


def _scalar(engine: Engine, sql: str, **params: object) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(sql), params).scalar() or 0)


def _count(session: Session, model: type, *where: object) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]


def test_at_least_150_actions_over_the_last_two_years(demo_engine: Engine) -> None:
    with session_factory(demo_engine)() as session:
        demo = list(session.scalars(select(Action).where(Action.is_demo.is_(True))))
        active = {d.id for d in session.scalars(select(Department).where(Department.active.is_(True)))}
    assert len(demo) >= 150
    assert all(a.source == "demo" and a.created_by_id is None for a in demo)
    assert all(a.external_ref and a.external_ref.startswith("demo:") for a in demo)
    recent = [a for a in demo if a.department_id in active]
    two_years_ago = months_before(TODAY, 24)
    assert all(two_years_ago <= a.start_date <= TODAY for a in recent)
    # spread over the whole window, not bunched at one end
    assert min(a.start_date for a in recent) < two_years_ago + timedelta(days=60)
    assert max(a.start_date for a in recent) > TODAY - timedelta(days=60)
    assert all(a.start_date < date(2025, 1, 1) for a in demo if a.department_id not in active)


def test_every_department_and_advocacy_body_has_actions(demo_engine: Engine) -> None:
    with session_factory(demo_engine)() as session:
        rows = session.execute(
            select(Department.code, Department.active, func.count(Action.id))
            .outerjoin(Action, (Action.department_id == Department.id) & Action.is_demo.is_(True))
            .group_by(Department.code, Department.active)
        ).all()
    assert len(rows) == 9
    assert all(count > 0 for _code, _active, count in rows), rows
    assert sum(count for _code, active, count in rows if active) >= 160


def test_every_action_meets_the_validation_rules(demo_engine: Engine) -> None:
    """The rules the app's form and import enforce; demo rows bypass the form, so check here."""
    with session_factory(demo_engine)() as session:
        actions = list(session.scalars(select(Action).where(Action.is_demo.is_(True))))
        for action in actions:
            where = f"{action.external_ref} {action.title}"
            assert 3 <= len(action.title) <= 200, where
            assert action.end_date is None or action.end_date >= action.start_date, where
            assert action.start_date <= TODAY, where
            assert action.format in ("in_person", "online", "hybrid"), where
            total = action.participants_total
            assert total is None or total >= 0, where
            counts = {r.audience_group.code: (r.audience_group.kind, r.count) for r in action.reach}
            assert all(count >= 0 for _kind, count in counts.values()), where
            if total is None:
                assert not counts, where
            else:
                assert all(count <= total for _kind, count in counts.values()), where
                assert sum(count for kind, count in counts.values() if kind == "age") <= total, where
            assert action.staff_experience is None or 1 <= action.staff_experience <= 5, where
            assert action.cost_eur is None or action.cost_eur >= 0, where
            assert action.forms, where
            if action.opportunity is not None:
                assert {f.code for f in action.forms} <= {f.code for f in action.opportunity.forms}, where
            if action.feedback_given:
                assert action.feedback_date is not None and action.feedback_method, where
                assert action.start_date <= action.feedback_date <= TODAY, where
            else:
                assert action.feedback_date is None and not action.decision_change, where
            assert action.feedback_url == "" or action.feedback_url.startswith("https://"), where
            assert action.created_at.date() <= TODAY, where


def test_every_action_passes_the_apps_own_checks(demo_engine: Engine) -> None:
    """The very checks the log-action form and the import run (data_model/validation/)."""
    with session_factory(demo_engine)() as session:
        for action in session.scalars(select(Action).where(Action.is_demo.is_(True))):
            entered = action_input_of(action)
            assert validate_action(session, entered, TODAY) == {}, action.external_ref


def test_every_field_is_used(demo_engine: Engine) -> None:
    """Each field has both kinds of values somewhere, so every chart and filter has something to show."""
    with session_factory(demo_engine)() as session:
        demo = Action.is_demo.is_(True)
        assert _count(session, Action, demo, Action.participants_total.is_(None)) > 0
        assert _count(session, Action, demo, Action.reach_estimate.is_(True)) > 0
        assert _count(session, Action, demo, Action.officials_took_part.is_(False)) > 0
        assert _count(session, Action, demo, Action.decision_change != "") >= 5
        assert _count(session, Action, demo, Action.feedback_url != "") > 0
        # The public view's "what changed": published actions, and private ones beside them.
        assert _count(session, Action, demo, Action.is_public.is_(True), Action.feedback_given.is_(True)) > 0
        assert _count(session, Action, demo, Action.is_public.is_(False)) > 0
        assert _count(session, Action, demo, Action.staff_experience <= 2) > 0
        assert _count(session, Action, demo, Action.staff_experience.is_(None)) > 0
        assert _count(session, Action, demo, Action.cost_eur.is_(None)) > 0
        assert _count(session, Action, demo, Action.area_id.is_(None)) == 0
        formats = set(session.scalars(select(Action.format).where(demo).distinct()))
        assert formats == {"in_person", "online", "hybrid"}
        for table in (action_form, action_measure, action_channel, action_intended_group):
            assert int(session.scalar(select(func.count()).select_from(table)) or 0) > 150


def test_young_people_are_under_represented(demo_engine: Engine) -> None:
    """Representation index = share among participants of known age / share of the population."""
    age_reach = """
        SELECT SUM(CASE WHEN g.code = :code THEN r.count ELSE 0 END) * 1.0 / SUM(r.count)
        FROM action_reach r
        JOIN audience_group g ON g.id = r.audience_group_id
        JOIN action a ON a.id = r.action_id
        WHERE g.kind = 'age' AND a.deleted_at IS NULL
    """
    population = """
        SELECT p.count * 1.0 / (SELECT t.count FROM population_figure t
                                WHERE t.audience_group_id IS NULL AND t.year = p.year)
        FROM population_figure p JOIN audience_group g ON g.id = p.audience_group_id
        WHERE g.code = :code ORDER BY p.year DESC LIMIT 1
    """
    with demo_engine.connect() as connection:

        def index(code: str) -> float:
            reached = float(connection.execute(text(age_reach), {"code": code}).scalar_one())
            share = float(connection.execute(text(population), {"code": code}).scalar_one())
            return reached / share

        assert index("youth_15_29") < 0.4
        assert index("older_65_74") > 1.2
        assert index("older_75_plus") > 1.0
    # ...except where the action was made for them: youth council, Snapchat, Instagram, Wilma
    youth_channels = """
        SELECT COUNT(DISTINCT a.id) FROM action a
        JOIN action_channel ac ON ac.action_id = a.id JOIN channel c ON c.id = ac.channel_id
        JOIN action_reach r ON r.action_id = a.id JOIN audience_group g ON g.id = r.audience_group_id
        WHERE a.is_demo AND c.code IN ('snapchat', 'instagram', 'wilma')
          AND g.code = 'youth_15_29' AND r.count * 4 >= a.participants_total
    """
    assert _scalar(demo_engine, youth_channels) >= 3


def test_lonely_people_are_rarely_reached(demo_engine: Engine) -> None:
    lonely = """
        SELECT COALESCE(SUM(r.count), 0) FROM action_reach r
        JOIN audience_group g ON g.id = r.audience_group_id
        JOIN action a ON a.id = r.action_id WHERE a.is_demo AND g.code = 'lonely'
    """
    everyone = "SELECT SUM(participants_total) FROM action WHERE is_demo"
    reached = _scalar(demo_engine, lonely)
    assert 0 < reached < _scalar(demo_engine, everyone) * 0.01


def test_most_planning_actions_report_back_but_some_loops_stay_open(demo_engine: Engine) -> None:
    planning_actions = (
        select(action_form.c.action_id)
        .join(ParticipationForm, ParticipationForm.id == action_form.c.participation_form_id)
        .where(ParticipationForm.code.in_(("suunnittelu", "paatos")))
    )
    with session_factory(demo_engine)() as session:
        rows = session.execute(
            select(Action.feedback_given, Action.start_date, Action.end_date).where(
                Action.is_demo.is_(True), Action.id.in_(planning_actions)
            )
        ).all()
    told = [row for row in rows if row.feedback_given]
    open_loops = [
        row
        for row in rows
        if not row.feedback_given
        and (row.end_date or row.start_date) < TODAY - timedelta(days=OPEN_LOOP_DAYS)
    ]
    assert len(rows) >= 80
    assert len(told) > len(rows) * 0.6
    assert 5 <= len(open_loops) < len(rows) * 0.35


def test_one_department_is_overdue_with_its_report(demo_engine: Engine) -> None:
    with session_factory(demo_engine)() as session:
        rows = session.execute(
            select(Department.code, func.max(DepartmentReport.submitted_at))
            .outerjoin(
                DepartmentReport,
                (DepartmentReport.department_id == Department.id) & DepartmentReport.is_demo.is_(True),
            )
            .where(
                Department.active.is_(True),
                Department.kind == "department",
                Department.report_cadence_months.is_not(None),
            )
            .group_by(Department.code)
        ).all()
        reports_per_department = {
            code: count
            for code, count in session.execute(
                select(Department.code, func.count(DepartmentReport.id))
                .join(DepartmentReport, DepartmentReport.department_id == Department.id)
                .group_by(Department.code)
            )
        }
    last = {code: at.date() if at else None for code, at in rows}
    overdue = sorted(code for code, day in last.items() if day is None or (TODAY - day).days > OVERDUE_DAYS)
    assert overdue == ["kaupunkiymparisto"]
    assert last["kaupunkiymparisto"] is not None  # it did report once, then stopped
    for code, day in last.items():
        if code != "kaupunkiymparisto":
            assert day is not None and (TODAY - day).days < 7 * 31, (code, day)
    assert reports_per_department["hyvinvointi"] >= 4
    assert "nuorisovaltuusto" not in reports_per_department  # advocacy bodies have no reporting duty


def test_the_dashboard_metrics_show_the_gaps(demo_engine: Engine) -> None:
    """The same three findings through the dashboard's own metrics, as demo mode shows them."""
    with session_factory(demo_engine)() as session:
        rows = representation(session, MetricFilters())
        youth, older = group_share(rows, YOUTH), group_share(rows, "older_65_74")
        assert youth is not None and youth.index is not None and youth.index < 0.5
        assert older is not None and older.index is not None and older.index > 1.0
        statuses = reporting_status(session, READER, TODAY)
        assert [s.department.code for s in statuses if s.status == OVERDUE] == ["kaupunkiymparisto"]
        loop = feedback_loop(session, READER, MetricFilters(), TODAY)
        assert len(loop.open_loops) >= 5
        assert loop.rate is not None and loop.rate > 0.6


def test_loading_twice_adds_nothing(demo_engine: Engine) -> None:
    def counts() -> tuple[int, ...]:
        with session_factory(demo_engine)() as session:
            return tuple(_count(session, model) for model in (Action, ActionReach, DepartmentReport))

    before = counts()
    with transaction(demo_engine) as session:
        assert has_demo_data(session)
        assert load_demo(session, TODAY) == 0
    with transaction(demo_engine) as session:
        assert load_demo(session) == 0  # another day: still nothing new
    assert counts() == before


def test_the_same_day_gives_the_same_data_set(session: Session) -> None:
    catalogue = read_catalogue(session)
    first, again = plan_demo(catalogue, TODAY), plan_demo(catalogue, TODAY)
    assert first == again
    later = plan_demo(catalogue, TODAY + timedelta(days=100))
    assert max(a.start_date for a in later.actions) > max(a.start_date for a in first.actions)


def test_remove_leaves_the_programme_and_the_baseline(demo_engine: Engine) -> None:
    with transaction(demo_engine) as session:
        demo_user = User(
            username="demo-paallikko",
            display_name="Demo",
            password_hash="x",
            role="coordinator",
            is_demo=True,
        )
        session.add(demo_user)
        session.flush()
        session.add(AuditEntry(user_id=demo_user.id, username=demo_user.username, event="login"))
        # a real action that someone logged while signed in with a demo account stays
        department = session.scalars(select(Department).where(Department.code == "hyvinvointi")).one()
        session.add(
            Action(
                department=department, title="Oikea toimenpide", start_date=TODAY, created_by_id=demo_user.id
            )
        )
    with session_factory(demo_engine)() as session:
        programme = (_count(session, SwotItem), _count(session, Opportunity), _count(session, Channel))
        demo_actions = _count(session, Action, Action.is_demo.is_(True))

    with transaction(demo_engine) as session:
        assert remove_demo(session) == demo_actions

    with session_factory(demo_engine)() as session:
        assert not has_demo_data(session)
        assert (
            _count(session, SwotItem),
            _count(session, Opportunity),
            _count(session, Channel),
        ) == programme
        assert sorted(session.scalars(select(Action.source))) == [
            "baseline",
            "baseline",
            "baseline",
            "manual",
        ]
        assert _count(session, DepartmentReport) == 0
        assert _count(session, User, User.is_demo.is_(True)) == 0
        assert session.scalar(select(AuditEntry.user_id).where(AuditEntry.event == "login")) is None
        kept = session.scalars(select(Action).where(Action.title == "Oikea toimenpide")).one()
        assert kept.created_by_id is None
    # the reach and link rows went with their actions (ON DELETE CASCADE on both backends)
    for table in ("action_reach", "action_form", "action_measure", "action_channel", "action_intended_group"):
        orphans = f"SELECT COUNT(*) FROM {table} WHERE action_id NOT IN (SELECT id FROM action)"  # noqa: S608
        assert _scalar(demo_engine, orphans) == 0, table
    assert _scalar(demo_engine, "SELECT COUNT(*) FROM action_reach") == 1  # the 2023 survey's youth count


def test_counts_are_spread_over_the_age_bands_without_loss() -> None:
    rng = random.Random(1)
    weights = {"a": 0.0, "b": 1.0, "c": 3.0}
    for total in (0, 1, 7, 100, 613):
        counts = spread(total, weights, rng)
        assert sum(counts.values()) == total and counts["a"] == 0
        assert min(counts.values()) >= 0


def test_months_before_keeps_the_day_or_takes_the_last_of_a_shorter_month() -> None:
    assert months_before(date(2026, 11, 28), 24) == date(2024, 11, 28)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2025, 1, 15), 13) == date(2023, 12, 15)


def test_a_bad_template_names_its_file_and_line(session: Session, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    shutil.copytree(DEMO_DIR, folder)
    actions = folder / "actions.yaml"
    actions.write_text(
        actions.read_text(encoding="utf-8").replace("channels: [instagram]", "channels: [tiktok]", 1),
        encoding="utf-8",
    )
    with pytest.raises(SeedError, match=r"actions\.yaml:\d+: tuntematon viestintäkanava 'tiktok'"):
        plan_demo(read_catalogue(session), TODAY, folder)


@pytest.fixture
def sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def test_cli_loads_and_removes_the_demo(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    def actions() -> tuple[int, int]:
        engine = make_engine(sqlite_url)
        with session_factory(engine)() as session:
            counted = (_count(session, Action), _count(session, Action, Action.is_demo.is_(True)))
        engine.dispose()
        return counted

    assert main(["init", "--demo"]) == 0
    total, demo = actions()
    assert demo >= 150 and total == demo + 3
    assert main(["init", "--demo"]) == 0
    assert actions() == (total, demo)
    assert main(["demo", "--remove"]) == 0
    assert actions() == (3, 0)
    engine = make_engine(sqlite_url)
    with session_factory(engine)() as session:
        assert _count(session, User, User.is_demo.is_(True)) == 0  # the demo accounts went too
        assert _count(session, DepartmentReport) == 0
    engine.dispose()
    assert f"({demo} toimenpidettä)" in capsys.readouterr().out
