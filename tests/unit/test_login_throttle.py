"""The lock-out locks the attacker, not the owner (findings 5 and 7 of issue 11): guesses are
counted per username and source with a growing lock, atomically (parallel guesses cannot
pass the limit), and guesses refused during a lock write nothing."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from data_model.auth import attempt_login
from data_model.db import session_factory, transaction
from data_model.login_throttle import MAX_FAILURES, MAX_SOURCE_LENGTH
from data_model.models import AuditEntry, LoginThrottle
from tests.factories import TEST_PASSWORD, create_user

T0 = datetime(2026, 3, 2, 9, 0)
WRONG = "väärä-salasana-123"
ATTACKER = "203.0.113.9"
OWNER = "198.51.100.7"


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_one_wrong_password_every_15_seconds_does_not_keep_the_owner_out(
    engine: Engine, session: Session
) -> None:
    create_user(engine, "koordinaattori", "coordinator")
    refused_owner = 0
    for step in range(3 * 60 * 4):  # three hours of one guess every 15 s
        now = T0 + step * timedelta(seconds=15)
        attempt_login(session, "koordinaattori", WRONG, now=now, source=ATTACKER)
        if step % 24 == 12:  # the owner logs in every six minutes, from their own address
            result = attempt_login(session, "koordinaattori", TEST_PASSWORD, now=now, source=OWNER)
            refused_owner += result.status != "ok"
    assert refused_owner == 0
    locked = attempt_login(session, "koordinaattori", TEST_PASSWORD, now=now, source=ATTACKER)
    assert locked.status == "locked"


def test_each_new_lock_of_the_same_source_is_longer(engine: Engine, session: Session) -> None:
    create_user(engine, "valtuutettu", "council")
    now, lengths = T0, []
    for _ in range(3):
        for _ in range(MAX_FAILURES):
            result = attempt_login(session, "valtuutettu", WRONG, now=now, source=ATTACKER)
        assert result.status == "locked" and result.locked_until is not None
        lengths.append(result.locked_until - now)
        now = result.locked_until + timedelta(seconds=1)
    assert lengths == [timedelta(minutes=15), timedelta(minutes=30), timedelta(minutes=60)]
    # The right password after the lock starts the source afresh.
    assert attempt_login(session, "valtuutettu", TEST_PASSWORD, now=now, source=ATTACKER).status == "ok"
    for _ in range(MAX_FAILURES):
        result = attempt_login(session, "valtuutettu", WRONG, now=now, source=ATTACKER)
    assert result.locked_until == now + timedelta(minutes=15)


def test_twenty_parallel_wrong_guesses_count_at_most_the_limit(engine: Engine) -> None:
    create_user(engine, "valtuutettu", "council")
    start = threading.Barrier(20)
    statuses: list[str] = []

    def guess() -> None:
        start.wait()
        with transaction(engine) as session:
            statuses.append(attempt_login(session, "valtuutettu", WRONG, now=T0, source=ATTACKER).status)

    threads = [threading.Thread(target=guess) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(statuses) == 20
    with session_factory(engine)() as session:
        failures = session.scalar(select(func.count()).where(AuditEntry.event == "login_failed"))
    assert failures == MAX_FAILURES
    assert statuses.count("locked") == 20 - MAX_FAILURES + 1


def test_guesses_during_a_lock_write_nothing(engine: Engine, session: Session) -> None:
    create_user(engine, "valtuutettu", "council")
    for number in range(MAX_FAILURES):
        attempt_login(session, "valtuutettu", WRONG, now=T0 + timedelta(seconds=number), source=ATTACKER)
    session.commit()
    audit_rows, throttle_rows = _count(session, AuditEntry), _count(session, LoginThrottle)
    for number in range(50):
        moment = T0 + timedelta(minutes=1, seconds=number)
        result = attempt_login(session, "valtuutettu", "x" * 72, now=moment, source=ATTACKER)
        assert result.status == "locked"
    session.commit()
    assert (_count(session, AuditEntry), _count(session, LoginThrottle)) == (audit_rows, throttle_rows)


def test_an_overlong_source_is_stored_bounded(engine: Engine, session: Session) -> None:
    create_user(engine, "valtuutettu", "council")
    attempt_login(session, "valtuutettu", WRONG, now=T0, source="9" * 100_000)
    session.commit()
    stored = session.scalars(select(LoginThrottle.source)).all()
    assert [len(source) for source in stored] == [MAX_SOURCE_LENGTH]
