"""A script run's first statement reads every domain's data version and the metric
thresholds together; a session handed those thresholds applies them without reading them."""

from __future__ import annotations

from sqlalchemy import Engine, update

from data_model.data_versions import SETTINGS, bump, data_versions
from data_model.db import session_factory, transaction
from data_model.metrics.settings import MetricSettings, keep_metric_settings, load_metric_settings
from data_model.models import Setting
from data_model.run_reads import run_reads
from tests.sql_statements import sql_statements


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
