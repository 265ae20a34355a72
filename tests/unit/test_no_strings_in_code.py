"""No text a person reads is written in code: it lives in the catalogues, in both languages.

An AST scan of data_model/ and pages/ flags every string literal that reads like prose — it
holds a Finnish letter, or two words side by side — unless it is a docstring, a log line, SQL,
a developer's error (a builtin exception: the error boundary shows a catalogue text instead),
a widget key, or one of the few literals listed below with the reason it may stay.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROSE = re.compile(r"[äöåÄÖÅ]|[A-Za-z]{2,}[,.:;]?\s+[A-Za-z]{2,}")
SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH|PRAGMA)\b|\bIS (NOT )?NULL\b")
LOGGERS = {"log", "logger", "logging", "LOG"}
DEVELOPER_ERRORS = {
    "ValueError",
    "KeyError",
    "TypeError",
    "RuntimeError",
    "LookupError",
    "AssertionError",
    "NotImplementedError",
}
# Calls whose string arguments are code, not words: SQL and constraint expressions.
CODE_CALLS = {"text", "CheckConstraint", "execute", "exec_driver_sql"}
# Keyword arguments that are identifiers or formats, never shown as words.
CODE_KEYWORDS = {"key", "icon", "type", "format", "cascade", "back_populates", "anchor"}

# Whole modules whose words are not the web UI's, each with why.
ALLOWED_MODULES = {
    "data_model/__main__.py": "the command line speaks to the operator at a terminal, in both languages at once",
    "data_model/backup.py": "backup and restore run from the command line; their errors go to the operator",
    "data_model/config.py": "start-up configuration errors for the operator, written in both languages at once",
    "data_model/seed.py": "errors in seed_data/ files, with file:line, for whoever edits those files",
    "data_model/seed_reference.py": "errors in seed_data/ files, with file:line, for whoever edits those files",
    "data_model/seed_files.py": "reads seed_data/ files: the words are the files' own (kyllä, true)",
    "data_model/demo_generator.py": "the invented demo actions are content, like the seed data, not UI text",
    "data_model/demo_templates.py": "reads the demo templates: its errors name file:line for whoever edits them",
    "data_model/demo.py": "the demo loader's content and its command-line report",
    "data_model/demo_accounts.py": "the demo users' display names are data stored in the user table",
}

# The import file's format: its Finnish headers and words are the file's own, not the UI's.
IMPORT_FORMAT = "data_model/imports/file_format.py"

# Single literals that may stay, each with why: (module, the literal).
ALLOWED_LITERALS: dict[tuple[str, str], str] = {
    **{
        (IMPORT_FORMAT, header): "a column header of the import file format (the Finnish template)"
        for header in (
            "Alkamispäivä",
            "Päättymispäivä",
            "Osallisuuden muodot",
            "Osallisuuden mahdollisuus",
            "Kehittämistoimet",
            "Viestintäkanavat",
            "Kohderyhmät",
            "Osallistujia yhteensä",
            "Luvut ovat arvioita",
            "Päättäjiä mukana",
            "Palaute annettu",
            "Palautteen päivä",
            "Palautteen tapa",
            "Palautteen linkki",
            "Muutos päätöksessä",
            "Henkilöstön kokemus (1–5)",
            "Lähde",
        )
    },
    **{
        (IMPORT_FORMAT, header): "a column header of the survey results' import file (the Finnish template)"
        for header in (
            "Pistemäärä (0–100)",
            "Samaa mieltä (%)",
            "Ei samaa eikä eri mieltä (%)",
            "Eri mieltä (%)",
            "Lähteen linkki",
            "Kyselytulokset",
            "Ryhmä",
        )
    },
    (IMPORT_FORMAT, "paikan päällä"): "a value the import file may hold for the format column",
    (IMPORT_FORMAT, "kyllä"): "the yes word the import file holds and the template writes",
    (
        "data_model/imports/problems.py",
        "{} problems in the file",
    ): "the exception's text for the log; pages list the problems",
    **{
        ("data_model/metrics/day_keys.py", sql): "the SQL month_after compiles to in this dialect"
        for sql in (
            "date({}, 'start of month', '+1 month')",
            "CAST(date_trunc('month', CAST({} AS TIMESTAMP)) + INTERVAL '1 month' AS DATE)",
        )
    },
    ("data_model/db.py", "SQLite database file missing or replaced: {}"): (
        "the exception's text for the log; the error boundary shows the catalogue's errors.* text"
    ),
    **{
        (
            "data_model/official_population_values.py",
            word,
        ): "a word PxWeb writes in a 11re export, matched when reading it"
        for word in (
            "yhteensä",
            "kaikki ikäluokat",
            "all ages",
            "päivitetty",
            "område",
            "ikä",
            "ålder",
            "kön",
            "år",
        )
    },
    ("data_model/services/users.py", "järjestelmä"): "the system actor's username, stored in the audit log",
    (
        "data_model/services/users.py",
        "Järjestelmä",
    ): "the system actor's display name, stored in the audit log",
    ("data_model/faults.py", "read only"): "matched in a database driver's error text",
    ("pages/widgets/navigation.py", "<script>{ const settings = {};\n{}}</script>"): (
        "JavaScript the page runs (the <html lang> attribute), no words for a reader"
    ),
    (
        "data_model/exports/pdf_export.py",
        "Osallistuva Heinola",
    ): "the programme's proper name, the PDF's author",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            for statement in node.body:
                if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                    found.add(id(statement.value))
    return found


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _exempt_nodes(tree: ast.AST) -> set[int]:
    """Every node under a log call, a developer error, an SQL call or a code keyword."""
    exempt: set[int] = set()

    def cover(node: ast.AST) -> None:
        exempt.update(id(inner) for inner in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.value.id in LOGGERS
            ) or _called_name(node) in CODE_CALLS:
                cover(node)
            for keyword in node.keywords:
                if keyword.arg in CODE_KEYWORDS:
                    cover(keyword.value)
        elif (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and _called_name(node.exc) in DEVELOPER_ERRORS
        ):
            cover(node.exc)
    return exempt


def _strings(tree: ast.AST, skipped: set[int]) -> list[tuple[int, str, str]]:
    """(line, its words, how it is shown) of each string literal; an f-string is one string,
    judged by its words around the placeholders and shown with {} for each."""
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.JoinedStr):
            parts = [part for part in node.values if isinstance(part, ast.Constant)]
            skipped.update(id(part) for part in parts)
            words = " ".join(str(part.value) for part in parts)
            shown = "".join(str(p.value) if isinstance(p, ast.Constant) else "{}" for p in node.values)
            found.append((node.lineno, words, shown))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value, node.value))
    return found


def prose_literals(path: Path, relative: str) -> list[str]:
    """`module:line: 'text'` for each string in `path` that reads like words for a person."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{relative}:{line}: {shown[:80]!r}"
        for line, words, shown in _strings(tree, _docstrings(tree) | _exempt_nodes(tree))
        if PROSE.search(words) and not SQL.search(words) and (relative, shown) not in ALLOWED_LITERALS
    ]


def _scanned() -> list[tuple[Path, str]]:
    paths = [*ROOT.glob("data_model/**/*.py"), *ROOT.glob("pages/**/*.py")]
    scanned = []
    for path in sorted(paths):
        relative = path.relative_to(ROOT).as_posix()
        if "/migrations/" not in relative and relative not in ALLOWED_MODULES:
            scanned.append((path, relative))
    return scanned


def test_no_user_facing_text_is_written_in_code() -> None:
    found = [line for path, relative in _scanned() for line in prose_literals(path, relative)]
    assert found == [], "move these to data_model/locales/{fi,en}/*.yaml:\n" + "\n".join(found)


def test_every_allowance_still_names_something_that_exists() -> None:
    for module in ALLOWED_MODULES:
        assert (ROOT / module).is_file(), module
    literals = {
        (relative, shown)
        for path, relative in _scanned()
        for _, _, shown in _strings(ast.parse(path.read_text(encoding="utf-8")), set())
    }
    assert sorted(set(ALLOWED_LITERALS) - literals) == []


def test_the_scan_finds_prose_and_passes_code(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Docstring with words."""\n'
        "import logging\n"
        'log = logging.getLogger("x")\n'
        "def f(st, session, text):\n"
        '    """Docstring."""\n'
        '    log.info("started the thing")\n'
        '    session.execute(text("SELECT a FROM b WHERE c IS NULL"))\n'
        '    st.button("ok", key="form submit")\n'
        "    if not session:\n"
        '        raise ValueError("not a session at all")\n'
        '    st.error("Tallennus epäonnistui")\n'
        '    return f"Saved {text} items"\n',
        encoding="utf-8",
    )
    found = prose_literals(sample, "sample.py")
    assert sorted(line.split(": ", 1)[1] for line in found) == ["'Saved {} items'", "'Tallennus epäonnistui'"]
