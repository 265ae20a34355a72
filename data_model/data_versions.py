"""Data versions per domain: what tells cached reads, in every app process, that a write
changed what they show.

A write bumps the version of the domain its table belongs to and no other, so a logged
action leaves the users list, the programme texts and the population figures warm in every
cache. A reader is keyed by the versions of the domains it reads (data_model.reader_domains).
The counters are rows of the setting table (`data_version.<domain>`), all read in one
statement per script run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import Setting

# The prefix of every counter's key in the setting table.
DATA_VERSION_KEY = "data_version"

ACTIONS = "actions"  # actions with their reach, forms, channels, groups and measures
REPORTS = "reports"  # department reports
PROGRAMME = "programme"  # the programme's content: catalogue, SWOT, steps, channels, duties
REFERENCE = "reference"  # departments, areas and audience groups
POPULATION = "population"  # population figures, the denominators of representation
SETTINGS = "settings"  # thresholds such as the gap threshold
USERS = "users"  # accounts
INITIATIVES = "initiatives"  # municipal initiatives (KL 23 §)
TARGETS = "targets"  # the targets followed on the overview and the targets page
EXPERIENCE = "experience"  # survey results on residents' experience of participation

DOMAINS: tuple[str, ...] = (
    ACTIONS,
    REPORTS,
    PROGRAMME,
    REFERENCE,
    POPULATION,
    SETTINGS,
    USERS,
    INITIATIVES,
    TARGETS,
    EXPERIENCE,
)

# The domain of every table a write can audit (the audit entry's `entity`). A new table
# without one is refused by `domains_of`, and tests/unit/test_data_versions.py names it.
TABLE_DOMAINS: dict[str, str] = {
    "action": ACTIONS,
    "action_reach": ACTIONS,
    # The monthly sums change with the actions, in the same transaction (data_model/rollups.py).
    "action_month": ACTIONS,
    "reach_month": ACTIONS,
    "link_month": ACTIONS,
    "department_report": REPORTS,
    "participation_form": PROGRAMME,
    "opportunity": PROGRAMME,
    "swot_item": PROGRAMME,
    "development_principle": PROGRAMME,
    "development_measure": PROGRAMME,
    "channel": PROGRAMME,
    "actor": PROGRAMME,
    "responsibility": PROGRAMME,
    "programme_edition": PROGRAMME,
    "department": REFERENCE,
    "area": REFERENCE,
    "audience_group": REFERENCE,
    "population_figure": POPULATION,
    "setting": SETTINGS,
    "app_user": USERS,
    "initiative": INITIATIVES,
    "target": TARGETS,
    "experience_result": EXPERIENCE,
}


VERSION_KEY_PREFIX = f"{DATA_VERSION_KEY}."


def version_key(domain: str) -> str:
    """The setting row that holds `domain`'s counter."""
    return f"{VERSION_KEY_PREFIX}{domain}"


def domain_of(entity: str) -> str:
    """The domain a write to table `entity` changes (KeyError for a table without one: a write
    that bumped nothing would leave every cache showing the old figures)."""
    return TABLE_DOMAINS[entity]


def changed_key(domain: str) -> str:
    """The setting row that holds when `domain`'s data last changed (UTC, ISO format)."""
    return f"{version_key(domain)}.changed_at"


def _update_locked(session: Session, key: str, first: str, update: Callable[[str], str]) -> None:
    """Set the setting row `key` to `update(value)` under a row lock, or create it as `first`."""
    row = session.get(Setting, key, with_for_update=True)
    if row is None:
        # The first writes on a new database can race to create the row: the loser of the
        # insert reads the winner's row and updates it, instead of failing the user's save.
        try:
            with session.begin_nested():
                session.add(Setting(key=key, value=first))
            return
        except IntegrityError:
            row = session.get(Setting, key, with_for_update=True, populate_existing=True)
            if row is None:
                raise
    row.value = update(row.value)
    session.flush()


def _later(at: datetime) -> Callable[[str], str]:
    return lambda stored: max(datetime.fromisoformat(stored), at).isoformat()


def bump(session: Session, domains: Iterable[str], at: datetime | None = None) -> None:
    """Bump the counters of `domains` in the caller's transaction (in a fixed order, so two
    writes that bump the same two domains cannot deadlock on each other's rows), and note
    `at` as when their data last changed (the freshness line: data_model.run_reads). A
    domain's time row is locked only after its counter, so it adds no lock to wait for."""
    for domain in sorted(set(domains)):
        if domain not in DOMAINS:
            raise KeyError(domain)
        _update_locked(session, version_key(domain), "1", lambda value: str(int(value) + 1))
        if at is not None:
            _update_locked(session, changed_key(domain), at.isoformat(), _later(at))


def version_keys() -> list[str]:
    """The setting rows of every domain's counter."""
    return [version_key(domain) for domain in DOMAINS]


def versions_from(stored: dict[str, str]) -> dict[str, int]:
    """Every domain's counter from `stored` setting rows (0 before its first write; rows
    that are no counter are ignored)."""
    return {domain: int(stored.get(version_key(domain), 0)) for domain in DOMAINS}


def changed_keys() -> list[str]:
    """The setting rows of when each domain's data last changed."""
    return [changed_key(domain) for domain in DOMAINS]


def last_change_from(stored: dict[str, str]) -> datetime | None:
    """When the data last changed, from `stored` setting rows; None when no domain's time is
    kept (a database from before they were, or just restored): then only the audit log knows.
    Once any is kept it is the newest: every data change since has noted its time."""
    times = [datetime.fromisoformat(stored[key]) for key in changed_keys() if key in stored]
    return max(times, default=None)


def data_versions(session: Session | Connection) -> dict[str, int]:
    """Every domain's counter, in one statement (on a session, or on a bare connection as the
    backup's restore has). A script run reads them with its thresholds: data_model.run_reads."""
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(version_keys())))
    return versions_from({key: value for key, value in rows})


def is_version_key(key: str) -> bool:
    """Whether a setting row is a domain's counter or the time its data last changed (cache
    bookkeeping, not the city's data: left out of backups)."""
    return key.startswith(VERSION_KEY_PREFIX)


def move_past(connection: Connection, before: dict[str, int]) -> None:
    """Set every domain's counter beyond `before` (the counters as they were before the data
    was replaced wholesale, e.g. by a restore): the app's processes cached figures under every
    number up to `before`, and the replaced data must never be served under one of them. The
    times of the last changes go too: until the next write the audit log answers."""
    connection.execute(delete(Setting).where(Setting.key.in_([*version_keys(), *changed_keys()])))
    connection.execute(
        insert(Setting),
        [{"key": version_key(d), "value": str(before.get(d, 0) + 1)} for d in DOMAINS],
    )
