"""Errors that services raise and pages show as they are."""

from __future__ import annotations

from ..permissions import PermissionDenied


class ValidationError(ValueError):
    """Input a service refuses: `errors` maps a field name to a Finnish message for it."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


__all__ = ["PermissionDenied", "ValidationError"]
