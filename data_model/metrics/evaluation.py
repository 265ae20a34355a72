"""The evaluation of one edition of the programme: what the council reviews at the end of it.

Every figure is an existing metric called for the edition's windows, never recomputed here:

* **The edition's period** = its `period_start` up to its `period_end`, or up to today while
  it runs (`evaluated_on`). The measures (actions, departments, participants), the feedback
  loop and the statutory opportunities are counted over it; the duties and the departments'
  reporting are judged on `evaluated_on`.
* **At the start** = the twelve months up to the edition's approval (the situation the
  programme was written from: the June 2023 survey and the workshops), or up to the first day
  of its period when no approval is recorded. **At the end** = the last twelve months of the
  period, up to `evaluated_on`. The SWOT indicators are the indicators' own values on those two
  days (metrics.indicators: each looks back its own months from the day) and the gaps are
  report_figures' for those two windows.
* **The targets** = the accepted and retired targets whose period overlaps the edition's, as
  they stand today (a target over by now is reached or missed).
* **The edition's items**: the SWOT items, measures, catalogue items and actors of this
  edition only (retired ones too: the council evaluates what the edition held).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from ..i18n import DEFAULT_LANGUAGE
from ..models import SwotItem
from ..permissions import CurrentUser, require_read
from .catalogue import OpportunityUsage, catalogue_usage
from .duties import ActorDuties, responsibilities
from .editions import EditionInfo
from .feedback import FeedbackLoop, loop_figures
from .filters import MetricFilters
from .freshness import last_change_at
from .gaps import gaps_among_windows
from .indicator_counts import rows_with_counts_on
from .indicators import YEAR, IndicatorValue, counted_windows, indicator_values_on, period
from .measures import MeasureActivity, MeasureReach, development_steps
from .reach import ReachFigures
from .report_figures import ReportFigures
from .reporting import ReportingStatus
from .settings import load_metric_settings
from .target_figures import FigureRequest, reading_of
from .targets import TargetProgress, target_progress_with

STATUTORY = "statutory"  # Opportunity.statutory: statutory | partly | voluntary


@dataclass(frozen=True)
class MeasureResult:
    """One development measure of the edition: its actions and departments, and whom they reached."""

    principle_fi: str
    principle_en: str
    activity: MeasureActivity
    reach: MeasureReach


@dataclass(frozen=True)
class SwotResult:
    """One SWOT item of the edition with its indicator at the start and at the end."""

    code: str
    quadrant: str
    text_fi: str
    text_en: str
    active: bool
    indicator: str | None
    at_start: IndicatorValue | None
    at_end: IndicatorValue | None


@dataclass(frozen=True)
class StatutoryUse:
    """A statutory catalogue opportunity of the edition and whether the edition's period used it."""

    usage: OpportunityUsage
    used: bool


@dataclass(frozen=True)
class EditionEvaluation:
    """Everything the evaluation page and its documents show for one edition."""

    edition: EditionInfo
    today: date
    evaluated_on: date  # the period's last day, or today while it runs
    whole: MetricFilters  # the edition's period up to evaluated_on
    start_window: MetricFilters  # the twelve months up to the approval (the start)
    end_window: MetricFilters  # the last twelve months up to evaluated_on (the end)
    figures: ReportFigures  # over the whole period: actions, participants, score, gaps
    start: ReportFigures
    end: ReportFigures
    measures: tuple[MeasureResult, ...]
    swot: tuple[SwotResult, ...]
    feedback: FeedbackLoop
    statutory: tuple[StatutoryUse, ...]
    duties: tuple[ActorDuties, ...]
    reporting: tuple[ReportingStatus, ...]
    targets: tuple[TargetProgress, ...]
    data_changed_at: datetime | None
    gap_threshold: float  # the setting the gaps were judged by

    @property
    def ended(self) -> bool:
        return self.today > self.edition.period_end


def start_day(edition: EditionInfo) -> date:
    """The day the start is judged on: the approval, or the period's first day without one."""
    return edition.approved_on or edition.period_start


def _indicators(
    session: Session,
    edition_id: int,
    days: tuple[date, date],
    reach: dict[MetricFilters, ReachFigures],
    departments: dict[date, list[ReportingStatus]],
) -> tuple[SwotResult, ...]:
    # The items ride on the counts their indicators rest on (one statement, metrics.
    # indicator_counts), counted for every indicator's periods: which the items name is known
    # only once they are read.
    unused_months = load_metric_settings(session).unused_months
    items, counts = rows_with_counts_on(
        session,
        SwotItem,
        SwotItem.edition_id == edition_id,
        (SwotItem.sort_order, SwotItem.id),
        counted_windows(days, unused_months, with_trend=False),
    )
    keys = [item.indicator for item in items if item.indicator]
    # One read for all the items' indicators on both days (metrics.indicators), taking the
    # windows' reach and the departments' statuses the evaluation has read for its own figures.
    values = (
        indicator_values_on(
            session, keys, days, with_trend=False, reach=reach, departments=departments, counts=counts
        )
        if keys
        else {}
    )
    start, end = days
    return tuple(
        SwotResult(
            item.code,
            item.quadrant,
            item.text_fi,
            item.text_en,
            item.active,
            item.indicator,
            values[start].get(item.indicator) if item.indicator else None,
            values[end].get(item.indicator) if item.indicator else None,
        )
        for item in items
    )


def _reach(
    session: Session, windows: tuple[MetricFilters, ...], found: list[ReachFigures], lang: str
) -> list[ReportFigures]:
    """report_figures of each window from their reach (`found`, metrics.reach read them
    together), their gaps' suggestions read together too (metrics.gaps); the first window (the
    whole period) is shown without suggestions, so none are read for it."""
    gaps = gaps_among_windows(
        session,
        [(window, figures.representation) for window, figures in zip(windows, found, strict=True)],
        lang,
        suggest=[index > 0 for index in range(len(windows))],
    )
    return [
        ReportFigures(figures.totals, figures.representation, figures.score, window_gaps)
        for figures, window_gaps in zip(found, gaps, strict=True)
    ]


def _overlaps(progress: TargetProgress, edition: EditionInfo) -> bool:
    target = progress.target
    return target.period_start <= edition.period_end and target.period_end >= edition.period_start


def edition_evaluation(
    session: Session,
    user: CurrentUser | None,
    edition: EditionInfo,
    today: date,
    lang: str = DEFAULT_LANGUAGE,
) -> EditionEvaluation:
    """The evaluation of `edition` (as metrics.editions.programme_editions describes it: the
    page has read it for its choice, so it is not read again) as of `today` (see the module's
    rules); gap sentences in `lang`."""
    require_read(user, "summary.read")
    evaluated_on = min(today, edition.period_end)
    whole = MetricFilters(start=edition.period_start, end=evaluated_on)
    start_window = period(start_day(edition), YEAR)
    end_window = period(evaluated_on, YEAR)
    windows = (whole, start_window, end_window)
    days = (start_day(edition), evaluated_on)
    # Its own windows read with the targets' (target_figures.read_sources): the reach of the
    # three windows, the loop over the whole, every department's reporting on both days.
    own_reach = [FigureRequest("balance_score", None, window, evaluated_on) for window in windows]
    own_loop = FigureRequest("feedback_loop_rate", None, whole, evaluated_on)
    own_reporting = [FigureRequest("reports_on_time", None, MetricFilters(), day) for day in days]
    targets, readings = target_progress_with(
        session, user, today, (*own_reach, own_loop, *own_reporting), include_retired=True
    )
    found = [reading_of(readings, request) for request in own_reach]
    reach = _reach(session, windows, found, lang)
    statuses = {day: reading_of(readings, request) for day, request in zip(days, own_reporting, strict=True)}
    measures = tuple(
        MeasureResult(principle.title_fi, principle.title_en, measure, measure.reach)
        for principle in development_steps(session, user, whole, include_retired=True, edition=edition.window)
        for measure in principle.measures
    )
    catalogue = catalogue_usage(session, user, evaluated_on, include_retired=True, edition=edition.window)
    seen: set[int] = set()
    statutory: list[StatutoryUse] = []
    for form in catalogue.forms:
        for usage in form.opportunities:
            if usage.statutory == STATUTORY and usage.id not in seen:
                seen.add(usage.id)
                used = usage.last_used is not None and usage.last_used >= edition.period_start
                statutory.append(StatutoryUse(usage, used))
    return EditionEvaluation(
        edition=edition,
        today=today,
        evaluated_on=evaluated_on,
        whole=whole,
        start_window=start_window,
        end_window=end_window,
        figures=reach[0],
        start=reach[1],
        end=reach[2],
        measures=measures,
        swot=_indicators(session, edition.id, days, dict(zip(windows, found, strict=True)), statuses),
        feedback=loop_figures(session, whole, evaluated_on, reading_of(readings, own_loop)),
        statutory=tuple(statutory),
        duties=tuple(
            responsibilities(
                session,
                user,
                evaluated_on,
                include_retired=True,
                edition=edition.window,
                departments=statuses,
            )
        ),
        # reporting_status's answer (the reader is checked above), read once with the duties'
        reporting=tuple(statuses[evaluated_on]),
        targets=tuple(row for row in targets if _overlaps(row, edition)),
        data_changed_at=last_change_at(session, user),
        gap_threshold=load_metric_settings(session).gap_threshold,
    )


def default_choice(choices: Sequence[EditionInfo], today: date) -> EditionInfo | None:
    """The edition a council evaluates first (`choices` newest first, as metrics.editions gives
    them): the latest approved one whose period has ended, else the latest of all."""
    ended = [row for row in choices if row.approved_on is not None and row.period_end < today]
    return ended[0] if ended else (choices[0] if choices else None)
