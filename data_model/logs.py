"""Structured logs: one JSON object per line on stderr, configured once per process.

An operator greps one line per event; a failure's line carries the reference the person saw
on the page, so "viite 7F3A9C21" leads straight to the traceback.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import sys
import traceback
from datetime import UTC, datetime
from typing import Any

LOGGER_NAME = "heinola"


class JsonLineFormatter(logging.Formatter):
    """A record as one line of JSON: time, level, logger, event, its fields, any exception."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": record.getMessage(),
        }
        line.update(getattr(record, "fields", {}))
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            line["error_type"] = type(error).__name__
            line["error"] = str(error)
            line["traceback"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(line, ensure_ascii=False, default=str)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    # Looks up sys.stderr at each line, so a test (or a server) that swaps it still gets the log.
    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure_logging() -> logging.Logger:
    """The app's logger, given its one stderr handler the first time; later calls change nothing."""
    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(handler, _StderrHandler) for handler in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(JsonLineFormatter())
        logger.addHandler(handler)
        logger.setLevel(os.environ.get("HEINOLA_LOG_LEVEL", "INFO").upper())
        # Streamlit's own handlers would print the record a second time, as plain text.
        logger.propagate = False
    return logger


def new_reference() -> str:
    """A short reference a person can read out over the phone: 8 hex digits."""
    return secrets.token_hex(4).upper()


def log_failure(error: BaseException, kind: str, **fields: Any) -> str:
    """Log `error` with its traceback and a new reference; return the reference."""
    reference = new_reference()
    configure_logging().error(
        "failure",
        exc_info=(type(error), error, error.__traceback__),
        extra={"fields": {"reference": reference, "kind": kind, **fields}},
    )
    return reference
