"""`python -m data_model user add` makes the first coordinator of a new install, with the
password from standard input, and refuses what the user service refuses."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import select

from data_model.__main__ import main
from data_model.auth import attempt_login
from data_model.db import make_engine, transaction
from data_model.models import Department, User


@pytest.fixture
def sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_user_add_on_a_new_install(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, "Ensimmainen-salasana-1\n")
    assert main(["user", "add", "--username", "Kirsi", "--role", "coordinator", "--name", "Kirsi K"]) == 0
    engine = make_engine(sqlite_url)
    with transaction(engine) as session:
        user = session.scalars(select(User)).one()
        assert (user.username, user.role, user.display_name, user.is_demo) == (
            "kirsi",
            "coordinator",
            "Kirsi K",
            False,
        )
        assert not user.must_change_password
        assert attempt_login(session, "kirsi", "Ensimmainen-salasana-1").status == "ok"


def test_user_add_department_head_needs_a_known_department(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "Johtajan-salasana-12\n")
    assert main(["user", "add", "--username", "johtaja", "--role", "department_head"]) == 2
    assert "toimiala" in capsys.readouterr().err
    _stdin(monkeypatch, "Johtajan-salasana-12\n")
    argv = [
        "user",
        "add",
        "--username",
        "johtaja",
        "--role",
        "department_head",
        "--department",
        "hyvinvointi",
    ]
    assert main([*argv, "--one-time"]) == 0
    with transaction(make_engine(sqlite_url)) as session:
        user, code = session.execute(select(User, Department.code).join(Department)).one()
        assert (code, user.must_change_password) == ("hyvinvointi", True)


def test_user_add_refuses_a_short_password(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "lyhyt\n")
    assert main(["user", "add", "--username", "kirsi", "--role", "coordinator"]) == 2
    assert "12 merkkiä" in capsys.readouterr().err
    with transaction(make_engine(sqlite_url)) as session:
        assert session.scalars(select(User)).all() == []
