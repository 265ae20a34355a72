"""The errors services raise, importable from one place: both are the shared classes, so a
page catching one catches it from every service."""

from __future__ import annotations

from ..permissions import PermissionDenied
from ..validation import ValidationError

__all__ = ["PermissionDenied", "ValidationError"]
