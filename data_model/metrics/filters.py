"""Which actions a figure counts: the shared filters and the period helpers.

Every metric takes a `MetricFilters`. It is frozen and made of tuples so it can be a cache key
(pages/widgets/data.read). An action is counted when it is not soft-deleted and matches every
filter that is set; an empty tuple or None means "no restriction".

The period is matched on the action's START date (start <= start_date <= end): each action
then belongs to exactly one period and one quarter, also when it runs over a boundary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Select, select

from ..editions import EditionWindow, in_force_id_sql, in_force_window_sql
from ..models import Action, Channel, ParticipationForm
from ..models.actions import action_channel, action_form
from .day_keys import month_after_of

# Council terms (valtuustokausi): the 2021 term ended 31.5.2025, the next runs to 31.5.2029.
COUNCIL_TERMS: tuple[tuple[date, date], ...] = (
    (date(2017, 6, 1), date(2021, 5, 31)),
    (date(2021, 8, 1), date(2025, 5, 31)),
    (date(2025, 6, 1), date(2029, 5, 31)),
)


@dataclass(frozen=True)
class MetricFilters:
    """The filters of a dashboard; hashable, so usable as a cache key."""

    start: date | None = None
    end: date | None = None
    department_ids: tuple[int, ...] = ()
    form_codes: tuple[str, ...] = ()
    area_ids: tuple[int, ...] = ()
    channel_codes: tuple[str, ...] = ()

    def without_period(self) -> MetricFilters:
        """The same filters over all time (for "so far" and "last N months" questions)."""
        return replace(self, start=None, end=None)

    @property
    def is_empty(self) -> bool:
        return self == MetricFilters()


def linked_actions(kind: str, codes: tuple[str, ...]) -> Select[int]:
    """Ids of the actions linked to a participation form (`kind` "form") or a channel
    ("channel") with one of `codes`."""
    if kind == "form":
        return (
            select(action_form.c.action_id)
            .join(ParticipationForm, ParticipationForm.id == action_form.c.participation_form_id)
            .where(ParticipationForm.code.in_(codes))
        )
    return (
        select(action_channel.c.action_id)
        .join(Channel, Channel.id == action_channel.c.channel_id)
        .where(Channel.code.in_(codes))
    )


def live_actions() -> ColumnElement[bool]:
    """The condition every figure shares: an action counts unless it is soft-deleted."""
    return Action.deleted_at.is_(None)


def action_conditions(filters: MetricFilters) -> list[ColumnElement[bool]]:
    """WHERE conditions on `Action` for the filters; always excludes soft-deleted actions."""
    conditions: list[ColumnElement[bool]] = [Action.deleted_at.is_(None)]
    if filters.start is not None:
        conditions.append(Action.start_date >= filters.start)
    if filters.end is not None:
        conditions.append(Action.start_date <= filters.end)
    if filters.department_ids:
        conditions.append(Action.department_id.in_(filters.department_ids))
    if filters.area_ids:
        conditions.append(Action.area_id.in_(filters.area_ids))
    if filters.form_codes:
        conditions.append(Action.id.in_(linked_actions("form", filters.form_codes)))
    if filters.channel_codes:
        conditions.append(Action.id.in_(linked_actions("channel", filters.channel_codes)))
    return conditions


def spanning(windows: Sequence[MetricFilters]) -> list[ColumnElement[bool]]:
    """WHERE conditions on `Action` that hold for every action of any of `windows` (read
    together, each by its own FILTER): the live actions from the earliest start to the latest
    end, so the database reads the start-date index once rather than an OR of ranges."""
    conditions: list[ColumnElement[bool]] = [Action.deleted_at.is_(None)]
    if windows and all(filters.start is not None for filters in windows):
        conditions.append(Action.start_date >= min(filters.start for filters in windows if filters.start))
    if windows and all(filters.end is not None for filters in windows):
        conditions.append(Action.start_date <= max(filters.end for filters in windows if filters.end))
    return conditions


def as_of_day(filters: MetricFilters, today: date) -> date:
    """The day "as of" figures (open feedback loops, unused opportunities, duties) are judged
    on for these filters: the period's last day, or today while it runs or with no period.
    The report pages and the council summary both use it, so they agree for one period."""
    return min(filters.end, today) if filters.end is not None else today


def quarter_of(day: date) -> tuple[int, int]:
    """(year, quarter 1–4) of a date."""
    return day.year, (day.month - 1) // 3 + 1


def quarter_range(year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a quarter."""
    first = date(year, 3 * quarter - 2, 1)
    following = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, following - timedelta(days=1)


def year_range(year: int) -> tuple[date, date]:
    """First and last day of a calendar year."""
    return date(year, 1, 1), date(year, 12, 31)


def council_term_range(day: date) -> tuple[date, date] | None:
    """The council term that contains `day`, or None outside the known terms."""
    for start, end in COUNCIL_TERMS:
        if start <= day <= end:
            return start, end
    return None


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months (negative to go back), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last_day = month_after_of(date(year, month, 1)) - timedelta(days=1)
    return date(year, month, min(day.day, last_day.day))


@dataclass(frozen=True)
class EditionScope:
    """What a figure of one edition reads: the edition's items (`edition_id`, a value or a
    scalar subquery), the actions read against it (`actions`: conditions on Action), and the
    day its "as of" figures are judged on."""

    edition_id: ColumnElement[int] | int
    actions: tuple[ColumnElement[bool], ...]
    as_of: date


def edition_scope(window: EditionWindow | None, today: date) -> EditionScope:
    """The scope of the edition of `window`, or with None of the one in force `today` (found
    inside the figure's own statements: no statement of its own)."""
    if window is None:
        return EditionScope(
            in_force_id_sql(today), tuple(in_force_window_sql(today, Action.start_date)), today
        )
    return EditionScope(window.edition_id, tuple(in_edition(window)), window.as_of(today))


def in_edition(window: EditionWindow) -> list[ColumnElement[bool]]:
    """WHERE conditions on `Action`: it started while the edition of `window` was in force,
    so it is read against that edition (data_model.editions)."""
    conditions: list[ColumnElement[bool]] = []
    if window.start is not None:
        conditions.append(Action.start_date >= window.start)
    if window.end is not None:
        conditions.append(Action.start_date <= window.end)
    return conditions
