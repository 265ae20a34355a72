"""`init` is idempotent, and a bad seed file stops it with file and line, changing nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from data_model.db import session_factory
from data_model.models import Opportunity, SwotItem
from data_model.schema import migrate
from data_model.seed import PROGRAMME_DIR, load_programme
from data_model.seed_files import SeedError


def _load(engine: Engine, folder: Path = PROGRAMME_DIR) -> None:
    with session_factory(engine)() as session, session.begin():
        load_programme(session, folder)


def _table_counts(engine: Engine) -> dict[str, int]:
    from data_model.models import Base

    with engine.connect() as connection:
        return {
            name: int(connection.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in Base.metadata.tables.items()
        }


def test_loading_twice_changes_nothing(engine: Engine) -> None:
    before = _table_counts(engine)
    _load(engine)
    assert _table_counts(engine) == before


def test_loading_keeps_the_coordinators_edits(engine: Engine) -> None:
    with session_factory(engine)() as session, session.begin():
        item = session.scalars(select(SwotItem).order_by(SwotItem.id)).first()
        assert item is not None
        item.text_fi = "Muokattu teksti"
    _load(engine)
    with session_factory(engine)() as session:
        assert session.scalars(select(SwotItem).order_by(SwotItem.id)).first().text_fi == "Muokattu teksti"  # type: ignore[union-attr]


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "programme"
    shutil.copytree(PROGRAMME_DIR, folder)
    return folder


def _replace(path: Path, old: str, new: str) -> int:
    """Replace the first `old` and return its 1-based line number."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_unknown_form_code_names_file_and_line(empty_engine: Engine, seed_copy: Path) -> None:
    path = seed_copy / "opportunities.yaml"
    text = path.read_text(encoding="utf-8")
    first_forms = text.index("forms:")
    line = text[:first_forms].count("\n") + 1
    path.write_text(
        text[:first_forms] + "forms: [olematon]\n  old_forms:" + text[first_forms + 6 :], encoding="utf-8"
    )
    migrate(empty_engine)
    with pytest.raises(SeedError) as failure:
        _load(empty_engine, seed_copy)
    message = str(failure.value)
    assert "opportunities.yaml" in message and "olematon" in message
    # The error points at the item that holds the bad code.
    assert f"opportunities.yaml:{_item_start(path, line)}:" in message
    _assert_nothing_written(empty_engine)


def test_duplicate_name_is_refused(empty_engine: Engine, seed_copy: Path) -> None:
    path = seed_copy / "channels.yaml"
    line = _replace(path, "name_fi: Instagram", "name_fi: Facebook")
    migrate(empty_engine)
    with pytest.raises(SeedError) as failure:
        _load(empty_engine, seed_copy)
    item_start = _item_start(path, line)
    assert f"channels.yaml:{item_start}:" in str(failure.value) and "Facebook" in str(failure.value)
    _assert_nothing_written(empty_engine)


def test_missing_csv_column_is_refused(empty_engine: Engine, seed_copy: Path) -> None:
    path = seed_copy / "population.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("count", "maara")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    migrate(empty_engine)
    with pytest.raises(SeedError) as failure:
        _load(empty_engine, seed_copy)
    assert "population.csv:1:" in str(failure.value) and "count" in str(failure.value)
    _assert_nothing_written(empty_engine)


def test_bad_csv_value_names_its_line(empty_engine: Engine, seed_copy: Path) -> None:
    path = seed_copy / "population.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",2024,", ",vuosi,", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    migrate(empty_engine)
    with pytest.raises(SeedError) as failure:
        _load(empty_engine, seed_copy)
    assert "population.csv:4:" in str(failure.value)
    _assert_nothing_written(empty_engine)


def _item_start(path: Path, line: int) -> int:
    """The line where the YAML list item holding `line` begins."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(number for number in range(1, line + 1) if lines[number - 1].startswith("- "))


def _assert_nothing_written(engine: Engine) -> None:
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count()).select_from(Opportunity)) == 0
    counts = _table_counts(engine)
    assert sum(counts.values()) == 0, {name: n for name, n in counts.items() if n}
