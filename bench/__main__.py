"""`python -m bench --actions 10000 [--database-url URL] [--runs 5] [--json]`."""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import secrets
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

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


def run(actions: int, database_url: str | None, runs: int) -> dict[str, Any]:
    """Build the database, measure every page, return the issue's result object."""
    if database_url is None:
        folder = tempfile.mkdtemp(prefix="bench-")
        database_url = f"sqlite:///{folder}/bench.db"
    os.environ["DATABASE_URL"] = database_url
    # Made per run: the app refuses a cookie key that is written anywhere.
    os.environ.setdefault("HEINOLA_COOKIE_KEY", secrets.token_urlsafe(48))
    os.environ["HEINOLA_DEMO"] = "0"
    engine = make_engine(database_url)
    build(engine, actions)
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
    args = parser.parse_args(argv)
    # AppTest outside a server logs a harmless ScriptRunContext warning per cached call.
    logging.getLogger("streamlit").setLevel(logging.ERROR)
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
