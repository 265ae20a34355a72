"""One clock and an honest freshness line: stored UTC is shown as Helsinki time (a change at
23.30 UTC is the next day in Helsinki), and a failed login moves neither the data version nor
"Tiedot päivitetty"."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from data_model import clock
from data_model.auth import attempt_login
from data_model.data_versions import data_versions
from data_model.exports.council_summary import source_lines
from data_model.metrics.freshness import last_change_at
from tests.factories import READER, create_user

LATE_UTC = datetime(2026, 12, 2, 23, 30)  # 3.12.2026 klo 01.30 in Helsinki (UTC+2)


def test_a_failed_login_leaves_data_version_and_freshness_unchanged(engine: Engine, session: Session) -> None:
    create_user(engine, "valtuutettu", "council")
    versions, changed = data_versions(session), last_change_at(session, READER)
    for _ in range(6):  # failures and the lock-out that follows
        attempt_login(session, "valtuutettu", "väärä-salasana-123")
    session.flush()
    assert data_versions(session) == versions
    assert last_change_at(session, READER) == changed


def test_stored_utc_late_at_night_is_shown_as_the_next_day_in_helsinki() -> None:
    assert clock.to_local(LATE_UTC) == datetime(2026, 12, 3, 1, 30)
    assert clock.fmt_stored(LATE_UTC) == "3.12.2026 klo 01.30"
    assert clock.fmt_stored(None) == "–"


def test_council_export_and_pages_share_the_clock() -> None:
    # The council summary's freshness line and the pages' one read the same helper.
    line = source_lines(clock.to_local(LATE_UTC), date(2026, 12, 3), "fi")[-1]
    assert "3.12.2026 klo 01.30" in line


def test_pages_take_today_and_timestamps_from_the_clock() -> None:
    # No page reads the server's clock or shows stored UTC raw.
    from pathlib import Path

    root = Path(__file__).parents[2]
    for path in [*root.glob("pages/**/*.py"), root / "app.py"]:
        text = path.read_text(encoding="utf-8")
        assert "date.today()" not in text, path
        assert "datetime.now(" not in text, path
        for stored in ("entry.at", "last_submitted_at", "submitted_at", "changed"):
            assert f"fmt_datetime({stored}" not in text, (path, stored)
            assert f"fmt_datetime(s.{stored}" not in text and f"fmt_datetime(r.{stored}" not in text, (
                path,
                stored,
            )
