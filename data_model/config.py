"""Configuration from the environment or `.streamlit/secrets.toml`; the environment wins.

Demo mode is on only when nothing is configured: no `DATABASE_URL` and no cookie key. A
configured database never switches demo mode on by itself (a forgotten key must not seed
demo accounts with a published password into production): without a key it refuses to
start. `HEINOLA_DEMO=1|0` forces it.
"""

from __future__ import annotations

import difflib
import itertools
import math
import os
import secrets
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(os.environ.get("HEINOLA_DATA_DIR", PROJECT_ROOT / "data"))
SECRETS_FILE = PROJECT_ROOT / ".streamlit" / "secrets.toml"
EXAMPLE_COOKIE_KEY = "vaihda-tama-pitkaan-satunnaiseen-merkkijonoon"
MIN_COOKIE_KEY_LENGTH = 32
# A key must look random: enough distinct characters, none dominating, and about 128 bits
# by its own character frequencies (32 zeros, 32 spaces or a sentence do not).
MIN_COOKIE_KEY_DISTINCT = 12
MIN_COOKIE_KEY_BITS = 112.0
# Six characters in a row counting up or down (abcdef, 987654) are typed, not random.
MAX_COOKIE_KEY_RUN = 6
# Keys published in this repository (the example, old test keys): refused, also with small edits.
PUBLISHED_COOKIE_KEYS = (
    EXAMPLE_COOKIE_KEY,
    "testi-avain-joka-on-riittavan-pitka-0123456789",
    "selaintestien-avain-joka-on-riittavan-pitka-0123456789",
)


# Appended to the messages about a bad key: what to set, and how to make a good one.
_HOW_TO_SET_KEY = (
    "Aseta HEINOLA_COOKIE_KEY tai cookie_key tiedostoon .streamlit/secrets.toml, esim. "
    '`python -c "import secrets; print(secrets.token_urlsafe(48))"`.'
)


class ConfigurationError(RuntimeError):
    """The install is not configured well enough to run safely; the message says what to set."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    cookie_key: str | None
    demo_mode: bool


def _secrets_file() -> dict[str, object]:
    if not SECRETS_FILE.exists():
        return {}
    with SECRETS_FILE.open("rb") as handle:
        return tomllib.load(handle)


def _lookup(env_name: str, secret_name: str, file_values: dict[str, object]) -> str | None:
    value = os.environ.get(env_name)
    if value:
        return value
    secret = file_values.get(secret_name)
    return str(secret) if secret else None


def default_sqlite_url() -> str:
    return f"sqlite:///{DATA_DIR / 'heinola.db'}"


def load_settings() -> Settings:
    """Read the settings once per call; cheap, so callers need not cache it."""
    file_values = _secrets_file()
    database_url = _lookup("DATABASE_URL", "database_url", file_values)
    cookie_key = _lookup("HEINOLA_COOKIE_KEY", "cookie_key", file_values)
    forced = os.environ.get("HEINOLA_DEMO")
    # Anything configured means production: a database without a key must fail, not go demo.
    demo = forced == "1" if forced in ("0", "1") else not (database_url or cookie_key)
    return Settings(database_url=database_url or default_sqlite_url(), cookie_key=cookie_key, demo_mode=demo)


def check_cookie_key(key: str | None) -> str:
    """Refuse a missing, short or example cookie key, saying what to set."""
    if not key:
        raise ConfigurationError(
            "Evästeavain puuttuu. Aseta HEINOLA_COOKIE_KEY tai cookie_key tiedostoon "
            ".streamlit/secrets.toml (vähintään 32 satunnaista merkkiä). "
            "/ The cookie key is missing: set HEINOLA_COOKIE_KEY."
        )
    if _resembles_published_key(key):
        raise ConfigurationError(
            "Evästeavain on esimerkkiarvo: vaihda se omaan satunnaiseen arvoon. "
            f"/ The cookie key is the example value: replace it. {_HOW_TO_SET_KEY}"
        )
    if len(key) < MIN_COOKIE_KEY_LENGTH:
        raise ConfigurationError(
            f"Evästeavain on liian lyhyt ({len(key)} merkkiä, vähintään {MIN_COOKIE_KEY_LENGTH}). "
            f"/ The cookie key is too short (at least {MIN_COOKIE_KEY_LENGTH} characters). {_HOW_TO_SET_KEY}"
        )
    if _looks_weak(key):
        raise ConfigurationError(
            "Evästeavain ei ole satunnainen (välilyöntejä, toistuvia merkkejä tai liian vähän eri "
            f"merkkejä). / The cookie key is not random enough. {_HOW_TO_SET_KEY}"
        )
    return key


def _resembles_published_key(key: str) -> bool:
    folded = "".join(key.split()).lower()
    return any(
        difflib.SequenceMatcher(None, folded, published).ratio() >= 0.75
        for published in PUBLISHED_COOKIE_KEYS
    )


def _looks_weak(key: str) -> bool:
    if any(character.isspace() for character in key):
        return True
    counts = Counter(key)
    if len(counts) < MIN_COOKIE_KEY_DISTINCT or max(counts.values()) > len(key) / 4:
        return True
    bits = -sum(n * math.log2(n / len(key)) for n in counts.values())
    return bits < MIN_COOKIE_KEY_BITS or _longest_run(key) >= MAX_COOKIE_KEY_RUN


def _longest_run(key: str) -> int:
    longest = run = 1
    step = 0
    for before, after in itertools.pairwise(key):
        difference = ord(after) - ord(before)
        run = run + 1 if difference in (1, -1) and difference == step else 2 if difference in (1, -1) else 1
        step = difference
        longest = max(longest, run)
    return longest


def cookie_key(settings: Settings) -> str:
    """The key that signs login cookies: checked in production, generated once in demo mode."""
    if not settings.demo_mode:
        return check_cookie_key(settings.cookie_key)
    if settings.cookie_key:
        return settings.cookie_key
    key_file = DATA_DIR / "demo-cookie-key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(48))
        key_file.chmod(0o600)
    return key_file.read_text().strip()
