"""How a rule that fails says so: one message per field, raised or collected."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..i18n import Message, MessageError, msg

T = TypeVar("T")

Errors = dict[str, Message]


class ValidationError(ValueError):
    """Input that breaks a rule; `errors` maps each field to its message. str() is Finnish
    (for logs and the command line); a page renders each message in the reader's language."""

    def __init__(self, errors: Errors) -> None:
        super().__init__("; ".join(f"{name}: {message.text()}" for name, message in errors.items()))
        self.errors = errors

    @classmethod
    def one(cls, field: str, key: str, **params: object) -> ValidationError:
        """The error for one field: `raise ValidationError.one("title", "validation.x", n=3)`."""
        return cls({field: msg(key, **params)})


class Invalid(MessageError):
    """One value broke its rule; the message is shown beside the field."""


class Collector:
    """Runs each field's check and keeps the first message per field."""

    def __init__(self) -> None:
        self.errors: Errors = {}

    def run(self, name: str, check: Callable[..., T], *args: Any) -> T | None:
        """`check(*args)`, or None with its message kept for `name` when it raises Invalid."""
        try:
            return check(*args)
        except Invalid as problem:
            self.errors.setdefault(name, problem.message)
            return None

    def fail(self, name: str, key: str, **params: object) -> None:
        """Keep the message `key` for `name` unless the field already has one."""
        self.errors.setdefault(name, msg(key, **params))
