"""Password hashing and the password rules."""

from __future__ import annotations

import bcrypt

from .i18n import Message, msg

MIN_PASSWORD_LENGTH = 12
# bcrypt reads at most 72 bytes; longer passwords would fail the login silently.
MAX_PASSWORD_BYTES = 72
# A long password of one or two repeated characters is no stronger than a short one.
MIN_DISTINCT_CHARACTERS = 5
# Guessed first by anyone: a password that is one of these with digits or symbols around it.
COMMON_WORDS = ("password", "salasana", "qwerty", "asdfgh", "123456", "heinola", "letmein", "welcome")
# Published in the README for demo accounts: refused for every real account.
PUBLISHED_PASSWORDS = ("osallisuus-demo-2025",)


def password_problem(password: str, username: str, is_demo: bool = False) -> Message | None:
    """Why `password` is not acceptable for `username`; None when it is fine.

    Only demo accounts (`is_demo`) may have the password published in the README."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return msg("password.too_short", minimum=MIN_PASSWORD_LENGTH)
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        return msg("password.too_long", maximum=MAX_PASSWORD_BYTES)
    if password.strip().lower() == username.strip().lower():
        return msg("password.same_as_username")
    folded = password.strip().lower()
    if len(set(folded)) < MIN_DISTINCT_CHARACTERS:
        return msg("password.too_few_distinct", minimum=MIN_DISTINCT_CHARACTERS)
    if not is_demo and folded in PUBLISHED_PASSWORDS:
        return msg("password.published")
    letters = "".join(character for character in folded if character.isalpha())
    if letters in COMMON_WORDS or "".join(c for c in folded if c.isdigit()) == folded:
        return msg("password.too_easy")
    return None


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt()).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    encoded = password.encode("utf-8")
    if len(encoded) > MAX_PASSWORD_BYTES:
        return False
    return bcrypt.checkpw(encoded, password_hash.encode("ascii"))
