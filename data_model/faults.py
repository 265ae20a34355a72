"""What kind of failure an exception is, so a person is told what happened and what to do.

The kinds are the keys of the messages in locales/*/errors.yaml. Only exceptions that reach
the error boundary are classified here; the pages handle ValidationError and PermissionDenied
themselves, beside the field or the form.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError

from .db import DatabaseMissing

UNEXPECTED = "unexpected"
# The database could not be used at all: the page says so and the next run tries again.
DATABASE_KINDS = frozenset({"db_unavailable", "db_readonly", "db_missing"})


def classify(error: BaseException) -> str:
    """One of: db_missing, db_unavailable, db_readonly, db_busy, conflict, unexpected."""
    if isinstance(error, DatabaseMissing):
        return "db_missing"
    if isinstance(error, IntegrityError):
        # A race the form's own checks could not see: a username or version taken meanwhile.
        return "conflict"
    if isinstance(error, OperationalError):
        text = str(error.orig or error).lower()
        if "locked" in text or "busy" in text:
            return "db_busy"
        if "readonly" in text or "read-only" in text or "read only" in text:
            return "db_readonly"
        return "db_unavailable"
    if isinstance(error, InterfaceError) or (isinstance(error, DBAPIError) and error.connection_invalidated):
        return "db_unavailable"
    return UNEXPECTED
