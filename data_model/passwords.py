"""Password hashing and the password rules."""

from __future__ import annotations

import bcrypt

MIN_PASSWORD_LENGTH = 12
# bcrypt reads at most 72 bytes; longer passwords would fail the login silently.
MAX_PASSWORD_BYTES = 72


def password_problem(password: str, username: str) -> str | None:
    """Why `password` is not acceptable for `username`, in Finnish; None when it is fine."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Salasanassa on oltava vähintään {MIN_PASSWORD_LENGTH} merkkiä."
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        return f"Salasana saa olla enintään {MAX_PASSWORD_BYTES} tavua pitkä."
    if password.strip().lower() == username.strip().lower():
        return "Salasana ei saa olla sama kuin käyttäjätunnus."
    return None


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt()).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    encoded = password.encode("utf-8")
    if len(encoded) > MAX_PASSWORD_BYTES:
        return False
    return bcrypt.checkpw(encoded, password_hash.encode("ascii"))
