"""Command line: `python -m data_model init [--demo]`, `demo --remove`, `user add …`."""

from __future__ import annotations

import argparse
import sys

from .bootstrap import prepare_database
from .config import load_settings
from .db import make_engine, transaction
from .demo import remove_demo
from .seed_files import SeedError


def _init(args: argparse.Namespace) -> int:
    engine = make_engine(load_settings().database_url)
    prepare_database(engine, with_demo=args.demo)
    print("Tietokanta on valmis. / The database is ready.")
    return 0


def _demo(args: argparse.Namespace) -> int:
    engine = make_engine(load_settings().database_url)
    if args.remove:
        with transaction(engine) as session:
            removed = remove_demo(session)
        print(f"Demoaineisto poistettu ({removed} toimenpidettä). / Demo data removed.")
        return 0
    prepare_database(engine, with_demo=True)
    print("Demoaineisto ladattu. / Demo data loaded.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m data_model", description="Osallistuva Heinola")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init", help="migrate and load the programme")
    init.add_argument("--demo", action="store_true", help="also load demo data and demo accounts")
    init.set_defaults(run=_init)
    demo = commands.add_parser("demo", help="load (or --remove) the demo data")
    demo.add_argument("--remove", action="store_true", help="take the demo data out again")
    demo.set_defaults(run=_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except SeedError as error:
        print(f"Virhe lähtötiedoissa / seed data error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
