"""The command line: `init` twice changes nothing; a bad seed file exits with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from data_model.__main__ import main
from data_model.db import make_engine, session_factory
from data_model.models import Action, SwotItem


@pytest.fixture
def sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def _counts(url: str) -> tuple[int, int]:
    with session_factory(make_engine(url))() as session:
        return (
            int(session.scalar(select(func.count()).select_from(SwotItem)) or 0),
            int(session.scalar(select(func.count()).select_from(Action)) or 0),
        )


def test_init_twice_changes_nothing(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init"]) == 0
    first = _counts(sqlite_url)
    assert main(["init"]) == 0
    assert _counts(sqlite_url) == first == (16, 3)
    assert "valmis" in capsys.readouterr().out
