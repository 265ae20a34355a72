"""Finding the data_model functions the permission tests go through: every public one handed a
database session, and which of those write."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import data_model.exports
import data_model.imports
import data_model.metrics
import data_model.services


def takes_session(function: Callable[..., Any]) -> bool:
    """True when one of `function`'s parameters is annotated as a database Session."""
    return any("Session" in str(p.annotation) for p in inspect.signature(function).parameters.values())


def _modules() -> Iterator[ModuleType]:
    # The import is a service of its own, outside services/.
    for package in (data_model.metrics, data_model.services, data_model.exports, data_model.imports):
        for module_info in pkgutil.iter_modules(package.__path__):
            yield importlib.import_module(f"{package.__name__}.{module_info.name}")


def session_functions() -> dict[str, Callable[..., Any]]:
    """Every public function of the data_model packages (and the import) that is handed a
    database session."""
    found: dict[str, Callable[..., Any]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(value) or value.__module__ != module.__name__:
                continue
            if takes_session(value):
                found[f"{module.__name__}.{name}"] = value
    return found


def is_write(function: Callable[..., Any]) -> bool:
    """True when `function` is a write service: its own code calls `permissions.require`."""
    return re.search(r"\brequire\(", inspect.getsource(function)) is not None
