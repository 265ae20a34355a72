"""Streamlit's magic (a bare expression on its own line is written to the page) is off in
.streamlit/config.toml: rewriting a script for it cost about 15 ms each time Streamlit
compiled one (every run under AppTest, so in every timing of the bench). No page may rely
on it: a bare value shown by magic would vanish."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_magic_is_off() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["magicEnabled"] is False


def test_no_page_shows_a_bare_expression() -> None:
    bare = []
    for path in [ROOT / "app.py", *ROOT.glob("pages/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for field in ("body", "orelse", "finalbody"):
                statements = getattr(node, field, None)
                if not isinstance(statements, list):
                    continue
                for index, statement in enumerate(statements):
                    if not isinstance(statement, ast.Expr):
                        continue
                    if isinstance(statement.value, ast.Call | ast.Await | ast.Yield | ast.YieldFrom):
                        continue  # magic leaves these alone
                    docstring = index == 0 and isinstance(statement.value, ast.Constant)
                    if not docstring:
                        bare.append(f"{path.relative_to(ROOT)}:{statement.lineno}")
    assert bare == []
