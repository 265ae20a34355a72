"""Reading seed files (YAML and CSV) into records that remember their file and line."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from .config import PROJECT_ROOT

M = TypeVar("M")


class SeedError(ValueError):
    """A seed file is wrong; the message names the file and line."""


@dataclass(frozen=True)
class Record:
    """One item of a seed file with the place it came from."""

    values: dict[str, Any]
    path: Path
    line: int

    @property
    def where(self) -> str:
        try:
            shown = self.path.relative_to(PROJECT_ROOT)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}"

    def fail(self, message: str) -> SeedError:
        return SeedError(f"{self.where}: {message}")

    def require(self, *keys: str) -> None:
        missing = [key for key in keys if self.values.get(key) in (None, "")]
        if missing:
            raise self.fail(f"puuttuva kenttä: {', '.join(missing)} (missing field)")

    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key, default)
        return default if value is None else value

    def text_lines(self, key: str) -> str:
        """A list field stored as one line per item."""
        value = self.values.get(key) or []
        if isinstance(value, str):
            return value
        return "\n".join(str(item) for item in value)

    def child(self, values: dict[str, Any]) -> Record:
        return Record(values, self.path, int(values.get("__line__", self.line)))


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records each mapping's line as `__line__`."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(key): value for key, value in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml_list(path: Path, key: str | None = None) -> list[Record]:
    """The list at the top of a YAML file (or under `key`), each item as a Record."""
    if not path.exists():
        raise SeedError(f"{path}: tiedosto puuttuu (file missing)")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise SeedError(f"{path}:{line}: virheellinen YAML (invalid YAML): {error}") from error
    if key is not None:
        data = (data or {}).get(key)
    if not isinstance(data, list):
        raise SeedError(f"{path}:1: odotettiin luetteloa (expected a list)")
    records = []
    for item in data:
        if not isinstance(item, dict):
            raise SeedError(f"{path}: odotettiin avain–arvo-kohteita (expected mappings)")
        records.append(Record(item, path, int(item["__line__"])))
    return records


def read_csv(path: Path, required_columns: Iterable[str]) -> list[Record]:
    """A CSV file's rows as Records; a missing column stops with the header line."""
    if not path.exists():
        raise SeedError(f"{path}: tiedosto puuttuu (file missing)")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        missing = [column for column in required_columns if column not in columns]
        if missing:
            raise SeedError(f"{path}:1: puuttuva sarake: {', '.join(missing)} (missing column)")
        return [Record(dict(row), path, reader.line_num) for row in reader]


def check_unique(records: list[Record], key: str) -> None:
    """Stop at the second record that repeats a value of `key`."""
    seen: dict[str, Record] = {}
    for record in records:
        value = str(record.get(key, "")).strip()
        if value in seen:
            raise record.fail(f"toistuva {key} '{value}', ensin rivillä {seen[value].line} (duplicate)")
        seen[value] = record


def parse_bool(record: Record, key: str) -> bool:
    value = str(record.get(key, "")).strip().lower()
    if value in ("true", "1", "yes", "kyllä"):
        return True
    if value in ("false", "0", "no", "ei", ""):
        return False
    raise record.fail(f"{key}: odotettiin true/false, saatiin '{value}'")


def parse_int(record: Record, key: str) -> int:
    value = str(record.get(key, "")).strip()
    try:
        return int(value)
    except ValueError:
        raise record.fail(f"{key}: odotettiin kokonaislukua, saatiin '{value}'") from None


def parse_choice(record: Record, key: str, allowed: tuple[str, ...]) -> str:
    """The record's value for `key`, which must be one of `allowed`."""
    value = str(record.get(key, "")).strip()
    if value not in allowed:
        raise record.fail(f"{key}: '{value}' ei ole sallittu (allowed: {', '.join(allowed)})")
    return value


def rows_by_code(session: Session, model: type[M]) -> dict[str, M]:
    """Every row of `model` by its code (the seed files refer to rows by code)."""
    return {row.code: row for row in session.scalars(select(model))}  # type: ignore[attr-defined]


def parse_date(record: Record, key: str) -> date | None:
    """An ISO date, or None when the field is empty."""
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise record.fail(f"{key}: virheellinen päivämäärä '{value}' (use YYYY-MM-DD)") from None
