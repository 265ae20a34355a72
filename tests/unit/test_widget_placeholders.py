"""Every select box and multiselect in the pages names its placeholder from the catalogue.

Without one, Streamlit writes its own English "Choose an option" into the field (visible when
nothing is chosen, and read out by screen readers in the search box), on a Finnish page: the
one-language crawl found it on the targets page. A class, so checked over every page's source.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHOOSERS = {"selectbox", "multiselect"}


def _choosers_without_placeholder() -> list[str]:
    missing: list[str] = []
    for path in sorted((ROOT / "pages").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in CHOOSERS
                and not any(keyword.arg in {"placeholder", None} for keyword in node.keywords)
            ):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return missing


def test_every_chooser_in_the_pages_has_a_placeholder() -> None:
    assert _choosers_without_placeholder() == []


def test_the_scan_finds_the_choosers() -> None:
    # The scan is no scan if it finds nothing: the pages hold dozens of choosers.
    count = sum(
        1
        for path in (ROOT / "pages").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CHOOSERS
    )
    assert count > 20
