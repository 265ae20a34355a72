"""`python -m bench --actions 10000 [--database-url URL] [--runs 5] [--json]`: builds the
database, then measures it in a fresh process (`--measure-only`, a database already built)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import secrets
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from data_model.db import make_engine

from .build import build
from .measure import (
    PAGES,
    floor_time,
    log_to_dashboard,
    naive_time,
    peak_rss_mb,
    render_times,
)

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"


def run(actions: int, database_url: str | None, runs: int) -> dict[str, Any]:
    """Build the database, then measure it in a fresh process; the issue's result object."""
    if database_url is None:
        folder = tempfile.mkdtemp(prefix="bench-")
        database_url = f"sqlite:///{folder}/bench.db"
    os.environ["DATABASE_URL"] = database_url
    # Made per run: the app refuses a cookie key that is written anywhere.
    os.environ.setdefault("HEINOLA_COOKIE_KEY", secrets.token_urlsafe(48))
    os.environ["HEINOLA_DEMO"] = "0"
    engine = make_engine(database_url)
    build(engine, actions)
    engine.dispose()
    # Measured apart from the build, as a server process meets a database: a process that had
    # just written 100,000 actions carried their objects, and every render's garbage
    # collection walked them (Council 0.43 s cold in the building process, 0.13 s in a fresh
    # one, on the same database).
    child = subprocess.run(  # noqa: S603 (this interpreter, this package, our own arguments)
        [
            sys.executable,
            "-m",
            "bench",
            "--measure-only",
            "--database-url",
            database_url,
            "--actions",
            str(actions),
            "--runs",
            str(runs),
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode != 0:
        raise RuntimeError(f"measuring {database_url} failed:\n{child.stderr[-3000:]}")
    return dict(json.loads(child.stdout.strip().splitlines()[-1]))


def measure(actions: int, database_url: str, runs: int) -> dict[str, Any]:
    """Measure every page of a database already built; the issue's result object."""
    engine = make_engine(database_url)
    floor, naive = floor_time(engine, runs), naive_time(engine, runs)
    pages = {}
    for name, page in PAGES.items():
        pages[name] = {**render_times(page, runs), "floor_s": floor, "naive_s": naive}
    result = {
        "actions": actions,
        "database": engine.dialect.name,
        "pages": pages,
        "log_to_dashboard_s": log_to_dashboard(engine, runs),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    engine.dispose()
    return result


def table(result: dict[str, Any]) -> str:
    """One markdown table with the ratios the issue's targets are about."""
    lines = [
        f"{result['actions']} actions, {result['database']}: "
        f"save → Overview {result['log_to_dashboard_s']:.2f} s, peak RSS {result['peak_rss_mb']} MB",
        "",
        "| page | cold s | warm s | floor s | naive s | cold ÷ floor | naive ÷ cold | SQL statements |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, row in result["pages"].items():
        lines.append(
            f"| {name} | {row['cold_s']:.3f} | {row['warm_s']:.3f} | {row['floor_s']:.3f} | "
            f"{row['naive_s']:.3f} | {row['cold_s'] / row['floor_s']:.1f} | "
            f"{row['naive_s'] / row['cold_s']:.2f} | {row['statements']} |"
        )
    return "\n".join(lines)


def machine() -> str:
    return (
        f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores "
        f"(shared with other work while measured), {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--doc", action="store_true", help="append the table to docs/benchmarks.md")
    parser.add_argument(
        "--measure-only", action="store_true", help="measure --database-url as it is, no build"
    )
    args = parser.parse_args(argv)
    # AppTest outside a server logs a harmless ScriptRunContext warning per cached call.
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    if args.measure_only:
        if args.database_url is None:
            parser.error("--measure-only needs --database-url")
        result = measure(args.actions, args.database_url, args.runs)
    else:
        result = run(args.actions, args.database_url, args.runs)
    if args.json:
        print(json.dumps(result))
    else:
        print(table(result))
    if args.doc:
        with DOC.open("a", encoding="utf-8") as doc:
            doc.write(f"\n### {machine()}\n\n{table(result)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
