"""A page can never reach an unchecked building block: every data_model function that takes a
session and that `pages/` or `app.py` names (calls it, or hands it to `data.read`) is a read
service (listed in tests.unit.read_inventory, checked there as every role), a write service
(it calls `require`), or one of the few doors below that check something other than a role.

Read from the sources, so a page that starts reading `reach_figures` or
`load_metric_settings` itself fails here, not in a figure a council member should not see."""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tests.unit.read_inventory import READ_SERVICES
from tests.unit.session_functions import is_write, takes_session
from tests.unit.unchecked_readers import PUBLIC_READERS

ROOT = Path(__file__).resolve().parents[2]

# Functions with a session that pages use though they check no role, and why.
DOORS: dict[str, str] = {
    # The login runs before there is a user: it checks the password, the lock-out and the
    # session version itself (data_model/auth.py, tests/unit/test_login_*.py).
    "data_model.auth.login_accounts": "the active accounts, read once per run: the credentials "
    "streamlit-authenticator is given (kept on the server) and the check of the run's session",
    "data_model.auth.attempt_login": "the login itself, with its lock-out",
    "data_model.auth.log_out": "ends the session that asks",
    "data_model.run_reads.run_reads": "the cache keys of every read and the thresholds, read once "
    "per run (pages/widgets/data.py)",
    "data_model.run_reads.hand_to": "reads nothing: hands a cached read the thresholds and the "
    "last change run_reads read",
    "data_model.services.users.change_own_password": "checks that the actor is the account itself, "
    "with its current password",
}


def _page_files() -> list[Path]:
    return [*sorted((ROOT / "pages").rglob("*.py")), ROOT / "app.py"]


def _imported_names(tree: ast.Module) -> dict[str, str]:
    """Local name -> the data_model path it stands for (`users` -> data_model.services.users)."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("data_model"):
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("data_model"):
                    # `import data_model.x as y` names data_model.x; `import data_model.x` binds data_model
                    local = alias.asname or alias.name.split(".")[0]
                    names[local] = alias.name if alias.asname else local
    return names


def _dotted(node: ast.expr, names: dict[str, str]) -> str | None:
    """`users.list_users` -> data_model.services.users.list_users, when its root is imported."""
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value, names)
        return f"{base}.{node.attr}" if base else None
    return None


def _resolve(path: str) -> object | None:
    """The object a dotted data_model path names (a module's attribute, or a module)."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            value: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            value = getattr(value, part, None)
        return value
    return None


def session_functions_used(source: str) -> Iterator[tuple[int, str, Callable[..., Any]]]:
    """(line, name, function) for every data_model function taking a session that `source` names."""
    tree = ast.parse(source)
    names = _imported_names(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Name | ast.Attribute) or not isinstance(node.ctx, ast.Load):
            continue
        path = _dotted(node, names)
        value = _resolve(path) if path else None
        if inspect.isfunction(value) and takes_session(value):
            yield node.lineno, f"{value.__module__}.{value.__qualname__}", value


def unchecked_uses(source: str) -> list[tuple[int, str]]:
    """(line, name) of every function `source` uses that is no read service, public reader
    (it takes no user by design: tests.unit.read_inventory), write or door."""
    return [
        (line, name)
        for line, name, function in session_functions_used(source)
        if name not in READ_SERVICES
        and name not in PUBLIC_READERS
        and name not in DOORS
        and not is_write(function)
    ]


def test_pages_and_app_use_only_read_services_writes_and_named_doors() -> None:
    found = {
        f"{path.relative_to(ROOT)}:{line} {name}"
        for path in _page_files()
        for line, name in unchecked_uses(path.read_text(encoding="utf-8"))
    }
    assert found == set(), "a page reads only through a checked read service (tests.unit.read_inventory)"


def test_the_scan_sees_what_pages_read_and_write() -> None:
    used = {name for path in _page_files() for _line, name, _f in session_functions_used(path.read_text())}
    # Handed to data.read, called on an imported module, and called inside a write.
    assert {
        "data_model.metrics.report_figures.overview_figures",
        "data_model.services.users.list_users",
        "data_model.services.actions.create_action",
        "data_model.metrics.freshness.last_change_at",
    } <= used
    assert set(DOORS) <= used, "a door no page uses any more goes"


def test_a_page_reading_a_building_block_is_caught() -> None:
    page = (
        "from data_model.metrics import reach\n"
        "from data_model.metrics.settings import load_metric_settings as settings\n"
        "from pages.widgets.data import read\n"
        "figures = read(reach.reach_figures, filters)\n"
        "limits = read(settings)\n"
        "checked = read(reach.special_group_reach, user, filters)\n"
    )
    assert unchecked_uses(page) == [
        (4, "data_model.metrics.reach.reach_figures"),
        (5, "data_model.metrics.settings.load_metric_settings"),
    ]
