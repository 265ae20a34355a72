"""The layers stay apart and each rule keeps one home: read from the sources, so a change that
brings back a second copy or a wrong-way import fails here, not in a confused figure later."""

from __future__ import annotations

import ast
import csv
import io
import re
from pathlib import Path

from openpyxl import load_workbook

from data_model import imports
from data_model.exports import safe
from data_model.imports import templates

ROOT = Path(__file__).resolve().parents[2]
# The seed loader's own callers: first start (bootstrap) and the command line.
SEED_USERS = {"data_model.seed", "data_model.bootstrap", "data_model.__main__"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, relative imports resolved (`from .x import y` gives both
    the package `….x` and `….x.y`, since y may be a module)."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _sources(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (ROOT / folder).rglob("*.py"))


def _importers(sources: list[Path], target: str) -> list[str]:
    return [
        _module_name(path)
        for path in sources
        if any(name == target or name.startswith(target + ".") for name in _imports(path))
    ]


def test_the_read_side_never_imports_the_write_side() -> None:
    assert _importers(_sources("data_model/metrics", "data_model/exports"), "data_model.services") == []


def test_only_the_loader_and_the_command_line_import_the_seed_loader() -> None:
    runtime = [*_sources("data_model", "pages"), ROOT / "app.py"]
    assert set(_importers(runtime, "data_model.seed")) <= SEED_USERS


def test_data_model_never_imports_streamlit() -> None:
    assert _importers(_sources("data_model"), "streamlit") == []


def test_the_resolver_sees_relative_imports() -> None:
    """The checks above are only as good as the resolver: a known relative import is found."""
    assert "data_model.metrics.reach" in _imports(ROOT / "data_model/metrics/gaps.py")
    assert "data_model.seed" in _imports(ROOT / "data_model/bootstrap.py")


def _runtime_code() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in _sources("data_model", "pages")}


def _places(pattern: str) -> list[str]:
    return sorted(
        str(path.relative_to(ROOT))
        for path, text in _runtime_code().items()
        if re.search(pattern, text, re.M)
    )


def test_markdown_escaping_has_one_home() -> None:
    assert _places(r"^def plain\(") == ["pages/widgets/markdown.py"]


def test_the_formula_guard_has_one_home() -> None:
    assert _places(r"^FORMULA_STARTS\s*=|^def safe_(cell|text)\(") == ["data_model/exports/safe.py"]
    assert templates.safe_cell is safe.safe_cell


def test_the_youth_group_code_is_written_once() -> None:
    # With the other group codes the per-action sums need (reach re-exports it).
    assert _places(r"[\"']youth_15_29[\"']") == ["data_model/metrics/reach_totals.py"]


def test_the_import_template_goes_through_the_export_guard() -> None:
    """Text that a spreadsheet would run is defused in the import template files too."""
    hostile = ['=HYPERLINK("http://evil","x")', "+1", "@SUM(A1)", "\t=1"]
    text = imports.table_csv(["Otsikko"], [[value] for value in hostile]).decode("utf-8-sig")
    assert [row[0] for row in list(csv.reader(io.StringIO(text), delimiter=";"))[1:]] == [
        safe.safe_text(value) for value in hostile
    ]
    book = load_workbook(io.BytesIO(imports.table_xlsx(["Otsikko"], [[value] for value in hostile])))
    cells = [row[0] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert cells == [safe.safe_text(value) for value in hostile]
    assert all(str(cell).startswith("'") for cell in cells)


def test_reported_on_time_is_decided_in_one_place() -> None:
    assert _places(r"status\s*[!=]=\s*OVERDUE") == ["data_model/metrics/reporting.py"]


def test_the_small_count_caution_is_decided_in_one_place() -> None:
    """`too_few` (reach.py) is the rule; nobody combines the raw flag with a participant test."""
    assert _places(r"small_count and") == ["data_model/metrics/reach.py"]


def test_every_service_takes_the_session_then_the_acting_user() -> None:
    """One argument order for every write (services/__init__.py): (session, user, …)."""
    import importlib
    import inspect
    import pkgutil

    import data_model.services as services

    wrong = []
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"data_model.services.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            parameters = list(inspect.signature(function).parameters.values())
            if not any("CurrentUser" in str(p.annotation) for p in parameters):
                continue
            if [p.name for p in parameters[:2]] not in (["session", "user"], ["session", "actor"]):
                wrong.append(f"{module.__name__}.{name}{inspect.signature(function)}")
    assert wrong == []


def test_the_one_markdown_escape_leaves_no_markup_active() -> None:
    from pages.widgets.markdown import plain

    assert plain("**lihava** ![kuva](http://x) #otsikko 1. a_b") == (
        r"\*\*lihava\*\* \!\[kuva\]\(http\://x\) \#otsikko 1\. a\_b"
    )
