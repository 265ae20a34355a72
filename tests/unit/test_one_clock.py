"""One clock: `data_model.clock` is the only code that reads the time or knows the time zone;
everything else asks it, so no page, export or rule can judge by the server's UTC day."""

from __future__ import annotations

import ast
import re
from datetime import datetime
from pathlib import Path

from data_model.exports.csv_export import table_csv
from data_model.exports.tables import DATE, Column, Table

ROOT = Path(__file__).resolve().parents[2]
CLOCK = ROOT / "data_model" / "clock.py"
# Reading the server's day or hour, or converting zones by hand. (Epoch seconds, time.time(),
# have no zone and no day, so a token's expiry may count them.)
OWN_CLOCK = re.compile(
    r"\b(?:datetime\.(?:now|today|utcnow)|date\.today|time\.localtime)\(|ZoneInfo\(|\.astimezone\("
)
LATE_UTC = datetime(2026, 12, 2, 23, 30)  # 3.12.2026 01.30 in Helsinki


def test_nothing_outside_the_clock_reads_the_time() -> None:
    sources = [*ROOT.glob("data_model/**/*.py"), *ROOT.glob("pages/**/*.py"), ROOT / "app.py"]
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sources
        if path != CLOCK
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OWN_CLOCK.search(line)
    ]
    assert offenders == []


def test_a_csv_timestamp_is_helsinki_time() -> None:
    """A change stored at 23.30 UTC on 2 December happened on 3 December in Helsinki."""
    table = Table("t", "T", (Column("Muutettu", DATE),), ((LATE_UTC,),))
    assert "2026-12-03 01:30" in table_csv(table, "kyllä", "ei").decode("utf-8-sig")


def _wraps_the_clock(function: ast.FunctionDef) -> bool:
    """A function whose body (after its docstring) only passes its own arguments on to
    `clock.<name>`; one that adds something (the reader's language) is a helper of its own."""
    body = [node for node in function.body if not isinstance(node, ast.Expr)]
    if len(body) != 1 or not isinstance(body[0], ast.Return):
        return False
    call = body[0].value
    return (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == "clock"
        and not call.keywords
        and [ast.unparse(arg) for arg in call.args] == [arg.arg for arg in function.args.args]
    )


def test_nobody_renames_the_clock() -> None:
    """A second name for `clock.today` or `clock.to_local` (such as the council summary's
    `local_today` and `local_time`) is a second place a reader must check: call the clock."""
    sources = [*ROOT.glob("data_model/**/*.py"), *ROOT.glob("pages/**/*.py"), ROOT / "app.py"]
    wrappers = [
        f"{path.relative_to(ROOT)}: {node.name}"
        for path in sources
        if path != CLOCK
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and _wraps_the_clock(node)
    ]
    assert wrappers == []
