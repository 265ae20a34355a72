"""Command line: `python -m data_model init [--demo]`, `demo --remove`, `user add …`,
`backup --out FILE`, `restore FILE [--force]`, `public-html --out FILE [--lang en] [--year N]`."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from . import clock
from .backup import BackupError, backup, restore
from .bootstrap import prepare_database
from .config import load_settings
from .db import make_engine, session_factory, transaction
from .demo import remove_demo
from .exports.public_html import write_public_html
from .i18n import DEFAULT_LANGUAGE, LANGUAGES
from .models import ROLES
from .seed_files import SeedError
from .services.users import SYSTEM_ACTOR, create_user
from .validation import ValidationError


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


def _read_password() -> str:
    # A person types it twice, unseen; a script pipes it on standard input.
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Salasana / Password: ")
    if getpass.getpass("Salasana uudelleen / Password again: ") != first:
        raise ValidationError.one("password", "password.mismatch")
    return first


def _user_add(args: argparse.Namespace) -> int:
    engine = make_engine(load_settings().database_url)
    # A new install: the tables and the departments must exist before the first user.
    prepare_database(engine, with_demo=False)
    try:
        password = _read_password()
        with transaction(engine) as session:
            user = create_user(
                session,
                SYSTEM_ACTOR,
                args.username,
                args.role,
                args.name or args.username,
                password,
                department_code=args.department,
                email=args.email,
                must_change_password=args.one_time,
            )
    except ValidationError as error:
        for field, message in error.errors.items():
            print(f"{field}: {message}", file=sys.stderr)
        return 2
    print(f"Käyttäjä {user.username} ({user.role}) luotu. / User created.")
    return 0


def _backup(args: argparse.Namespace) -> int:
    manifest = backup(make_engine(load_settings().database_url), Path(args.out))
    rows = sum(manifest["tables"].values())
    print(f"Varmuuskopio {args.out}: {rows} riviä, skeema {manifest['schema_revision']}. / Backup written.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    manifest = restore(make_engine(load_settings().database_url), Path(args.file), force=args.force)
    rows = sum(manifest["tables"].values())
    print(f"Palautettu {args.file}: {rows} riviä. / Restored.")
    return 0


def _public_html(args: argparse.Namespace) -> int:
    engine = make_engine(load_settings().database_url)
    with session_factory(engine)() as session:
        written = write_public_html(session, Path(args.out), args.year, clock.today(), args.lang)
    print(f"Julkinen näkymä {written} ({args.lang}). / Public view written.")
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
    user = commands.add_parser("user", help="manage users from the command line").add_subparsers(
        dest="user_command", required=True
    )
    add = user.add_parser("add", help="create a user; the password is asked for, or read from stdin")
    add.add_argument("--username", required=True)
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--department", help="department code (required for department_head)")
    add.add_argument("--name", help="display name (default: the username)")
    add.add_argument("--email", default="")
    add.add_argument(
        "--one-time", action="store_true", help="the user must change the password at first login"
    )
    add.set_defaults(run=_user_add)
    backup_command = commands.add_parser("backup", help="write every table and the schema version to FILE")
    backup_command.add_argument("--out", required=True, metavar="FILE", help="the zip to write")
    backup_command.set_defaults(run=_backup)
    restore_command = commands.add_parser("restore", help="load a backup into an empty database")
    restore_command.add_argument("file", metavar="FILE")
    restore_command.add_argument(
        "--force", action="store_true", help="replace whatever the database holds with the backup"
    )
    restore_command.set_defaults(run=_restore)
    public = commands.add_parser(
        "public-html", help="write the public view as one self-contained HTML file for the city's website"
    )
    public.add_argument("--out", required=True, metavar="FILE", help="the HTML file to write")
    public.add_argument(
        "--lang", default=DEFAULT_LANGUAGE, choices=LANGUAGES, help="the language (default fi)"
    )
    public.add_argument("--year", type=int, help="the calendar year (default: the latest with actions)")
    public.set_defaults(run=_public_html)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except SeedError as error:
        print(f"Virhe lähtötiedoissa / seed data error: {error}", file=sys.stderr)
        return 2
    except BackupError as error:
        print(f"Virhe / error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
