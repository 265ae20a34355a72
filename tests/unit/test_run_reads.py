"""A script run's first statement reads every domain's data version, the metric thresholds
and when the data last changed; a session handed them applies them without reading them, and
the last change is the audit log's newest data change (a failed login is none)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, delete, func, select, update

from data_model.auth import attempt_login
from data_model.data_versions import ACTIONS, REFERENCE, SETTINGS, bump, changed_keys, data_versions
from data_model.db import session_factory, transaction
from data_model.metrics.freshness import last_change_at
from data_model.metrics.settings import MetricSettings, keep_metric_settings, load_metric_settings
from data_model.models import AuditEntry, Setting
from data_model.run_reads import hand_to, run_reads
from data_model.services.audit import record
from tests.factories import READER, create_user
from tests.sql_statements import sql_statements

EARLIER = datetime(2026, 12, 1, 9, 30, 0, 250000)
LATER = datetime(2026, 12, 1, 9, 30, 1)


def test_one_statement_reads_the_versions_and_the_thresholds(engine: Engine) -> None:
    with transaction(engine) as session:
        session.execute(update(Setting).where(Setting.key == "small_count").values(value="7"))
        session.execute(update(Setting).where(Setting.key == "gap_threshold").values(value="ei luku"))
        bump(session, [SETTINGS])
    with session_factory(engine)() as session:
        with sql_statements(engine) as statements:
            this_run = run_reads(session)
        assert len(statements) == 1
        assert this_run.versions == data_versions(session)
        assert this_run.versions[SETTINGS] >= 1
        # Read as load_metric_settings reads them: an invalid value falls back to its default.
        assert this_run.thresholds == load_metric_settings(session)
        assert this_run.thresholds.small_count == 7
        assert this_run.thresholds.gap_threshold == MetricSettings().gap_threshold


def test_a_session_handed_the_thresholds_reads_none(engine: Engine) -> None:
    handed = MetricSettings(small_count=11)
    with session_factory(engine)() as session, sql_statements(engine) as statements:
        keep_metric_settings(session, handed)
        assert load_metric_settings(session) == handed
        assert statements == []
        # A write in the session forgets them: what it wrote is read back.
        session.execute(update(Setting).where(Setting.key == "small_count").values(value="3"))
        assert load_metric_settings(session).small_count == 3


def test_the_last_change_is_the_audit_logs_and_a_failed_login_leaves_it(engine: Engine) -> None:
    create_user(engine, "valtuutettu", "council")
    with session_factory(engine)() as session:
        assert run_reads(session).last_change == last_change_at(session, READER)
    with transaction(engine) as session:
        record(session, None, "update", entity="department")
        record(session, None, "update", entity="action")
    with transaction(engine) as session:
        for _ in range(6):  # failures and the lock-out that follows: audited, no data change
            attempt_login(session, "valtuutettu", "väärä-salasana-123")
    with session_factory(engine)() as session:
        noted = run_reads(session).last_change
        assert noted is not None
        assert noted == last_change_at(session, READER)
        newest = session.scalar(select(func.max(AuditEntry.at)))
        assert newest is not None and noted < newest


def test_an_earlier_time_noted_later_does_not_move_the_last_change_back(engine: Engine) -> None:
    with transaction(engine) as session:
        bump(session, [ACTIONS], at=LATER)
    with transaction(engine) as session:
        bump(session, [ACTIONS, REFERENCE], at=EARLIER)
    with session_factory(engine)() as session:
        assert run_reads(session).last_change == LATER


def test_without_noted_times_the_audit_log_answers(engine: Engine) -> None:
    with transaction(engine) as session:
        record(session, None, "update", entity="department")
        session.execute(delete(Setting).where(Setting.key.in_(changed_keys())))
    with session_factory(engine)() as session:
        this_run = run_reads(session)
        assert this_run.last_change is None
        hand_to(session, this_run)
        assert last_change_at(session, READER) == session.scalar(select(func.max(AuditEntry.at)))
