"""Every reader a page passes to `data.read` declares the domains it reads
(data_model.reader_domains): an undeclared one is keyed by every domain, so it goes cold on
every write, which this test catches instead of a slow page."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from data_model.data_versions import DOMAINS
from data_model.reader_domains import READER_DOMAINS, domains_of

ROOT = Path(__file__).resolve().parents[2]
CACHED_CALLS = {"read", "versions_of"}


def _imported_names(tree: ast.Module) -> dict[str, Any]:
    """What each name a page imports from data_model is: a function or a module."""
    names: dict[str, Any] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("data_model"):
            module = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if value is None:  # a submodule: `from data_model.services import users`
                    value = importlib.import_module(f"{node.module}.{alias.name}")
                names[alias.asname or alias.name] = value
    return names


def _readers_in_pages() -> Iterator[tuple[str, str, Any]]:
    for path in sorted((ROOT / "pages").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _imported_names(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in CACHED_CALLS or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Name):
                yield str(path.relative_to(ROOT)), first.id, names.get(first.id)
            elif isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name):
                module = names.get(first.value.id)
                yield (
                    str(path.relative_to(ROOT)),
                    f"{first.value.id}.{first.attr}",
                    getattr(module, first.attr, None),
                )


def test_every_reader_the_pages_cache_declares_its_domains() -> None:
    found = list(_readers_in_pages())
    assert len(found) > 20  # the scan sees the pages' reads
    # A reader chosen at run time (the council page's document builders) is a local name.
    undeclared = [
        (page, name) for page, name, reader in found if reader is not None and reader not in READER_DOMAINS
    ]
    assert not undeclared, "declare these readers' domains in data_model/reader_domains.py"


def test_declared_domains_are_known_and_an_undeclared_reader_is_keyed_by_all() -> None:
    for reader, domains in READER_DOMAINS.items():
        assert domains and set(domains) <= set(DOMAINS), reader
    assert domains_of(lambda session: None) == DOMAINS
