"""What the council sees for a period: key numbers, gaps, the feedback loop, the duties and
their status, the development measures with and without progress, and what changed since the
previous period of the same kind.

Nothing is computed here that the metrics already compute: every figure comes from a call to
`data_model.metrics` (reach, gaps, …) or `metrics.duties`, for this period
and for the previous one. This module only picks the figures, puts them into plain Finnish
(or English) sentences, and into tables that the page, the PDF and the workbook all draw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from .. import clock
from ..formatting import fmt_count, fmt_date, fmt_datetime, fmt_decimal, fmt_int
from ..i18n import DEFAULT_LANGUAGE, t
from ..metrics.catalogue import catalogue_with_unused
from ..metrics.cautions import representation_cautions
from ..metrics.coverage import UnusedOpportunity, unused_opportunities_for
from ..metrics.duties import responsibilities
from ..metrics.feedback import FeedbackLoop, loop_figures_for
from ..metrics.filters import MetricFilters, add_months, as_of_day
from ..metrics.freshness import last_change_at
from ..metrics.gap_sources import SuggestionSources, channel_matrix_with_sources
from ..metrics.gaps import Gap, gap_rows, gaps_among
from ..metrics.initiatives import council_initiatives
from ..metrics.measures import MeasureActivity, measure_activity_for
from ..metrics.reach import GroupRepresentation, ReachTotals, reach_figures_for
from ..metrics.reporting import ReportingStatus
from ..metrics.settings import load_metric_settings
from ..metrics.target_figures import FigureRequest, Readings, reading_of
from ..metrics.targets import target_progress_with
from ..metrics.trends import quarterly_trends
from ..models import utcnow
from ..permissions import CurrentUser, require_read
from .council_sentences import (
    Number,
    change_sentences,
    duty_sentences,
    feedback_sentences,
    number_text,
    overview_sentences,
    statutory_sentences,
)
from .initiative_list import initiative_brief_table, initiative_sentences, initiative_table
from .periods import QUARTER, Period, period_from_key, previous_period
from .summary_tables import (
    catalogue_brief_table,
    catalogue_table,
    channel_reach_table,
    channel_table,
    duty_table,
    gap_table,
    measure_table,
    reporting_table,
    representation_table,
)
from .tables import INT, RATIO, SHARE, Table
from .target_table import target_brief_table, target_sentences, target_table

# ASCII minus: Streamlit reads the direction of a change from a leading "-".
MINUS = "-"


@dataclass(frozen=True)
class KeyNumber:
    """One headline figure of the period, with the same figure for the previous period.

    `lower_is_better` marks figures such as the number of gaps, where a fall is good news."""

    key: str
    label: str
    value: Number
    previous: Number
    kind: str = INT  # INT | SHARE | RATIO: decides how it is written
    lower_is_better: bool = False
    lang: str = DEFAULT_LANGUAGE

    def text(self) -> str:
        return number_text(self.value, self.kind, self.lang)

    def delta(self) -> str | None:
        """The change from the previous period with its sign ('+3', '−0,12', '+5 %-yks.')."""
        if self.value is None or self.previous is None:
            return None
        change = float(self.value) - float(self.previous)
        sign = "+" if change > 0 else (MINUS if change < 0 else "±")
        if self.kind == SHARE:
            points = fmt_decimal(abs(change) * 100, 0, lang=self.lang)
            return t("council.delta.points", self.lang, sign=sign, points=points)
        if self.kind == RATIO:
            return f"{sign}{fmt_decimal(abs(change), 2, lang=self.lang)}"
        return f"{sign}{fmt_int(int(abs(change)), lang=self.lang)}"


@dataclass(frozen=True)
class CouncilSummary:
    """Everything the council page and the documents show for one period."""

    period: Period
    previous: Period | None
    lang: str
    today: date
    created_at: datetime
    data_changed_at: datetime | None
    key_numbers: tuple[KeyNumber, ...]
    overview: tuple[str, ...]
    gap_sentences: tuple[str, ...]
    notices: tuple[str, ...]  # cautions about the figures: estimated population, small counts
    feedback_sentences: tuple[str, ...]
    duty_sentences: tuple[str, ...]
    # KL 23 §: the initiatives in the council's competence and what was done about them.
    initiative_sentences: tuple[str, ...]
    measures_with_progress: tuple[str, ...]
    measures_without_progress: tuple[str, ...]
    changes: tuple[str, ...]
    # (group, index, a gap with no participants: drawn at 0 so the chart shows every gap)
    representation_rows: tuple[tuple[str, float | None, bool], ...]
    trend_rows: tuple[tuple[str, int], ...]
    gap_threshold: float
    tables: tuple[Table, ...]  # every table, one workbook sheet each
    pdf_tables: tuple[Table, ...]  # the same figures, narrow enough for an A4 page
    sources: tuple[str, ...]
    # The targets as of the period's last day (today while it runs), one sentence each.
    target_sentences: tuple[str, ...] = ()

    def table(self, key: str) -> Table:
        """The table with `key` (representation, gaps, duties, …)."""
        return next(table for table in self.tables if table.key == key)

    def number(self, key: str) -> KeyNumber:
        """The key number with `key` (actions, participants, gaps, …)."""
        return next(number for number in self.key_numbers if number.key == key)

    @property
    def in_progress(self) -> bool:
        return self.period.in_progress(self.today)


def period_filters(period: Period) -> MetricFilters:
    """The metric filters of a period: every department, form, area and channel."""
    return MetricFilters(start=period.start, end=period.end)


def evaluation_day(period: Period, today: date) -> date:
    """The day duties are judged on: the period's last day, or today while it runs."""
    return as_of_day(period_filters(period), today)


# --- the figures of one period, straight from the metrics ----------------------------------


@dataclass(frozen=True)
class PeriodFigures:
    """The metric results of one period that are compared with the previous period."""

    totals: ReachTotals
    representation: list[GroupRepresentation]
    score: float | None
    gaps: list[Gap]
    feedback: FeedbackLoop
    unused: list[UnusedOpportunity]
    measures: list[MeasureActivity]

    @property
    def measures_advanced(self) -> int:
        return sum(1 for row in self.measures if not row.nothing_logged)


def period_figures(
    session: Session,
    user: CurrentUser | None,
    periods: Sequence[Period],
    today: date,
    lang: str,
    readings: Readings | None = None,
    sources: SuggestionSources | None = None,
    unused: Sequence[list[UnusedOpportunity]] | None = None,
) -> list[PeriodFigures]:
    """Call the metrics for each of `periods` (this one and the previous, say) together: each
    figure once for all of them. Open loops and unused opportunities are judged on a period's
    last day, or today while it runs. Only the first period's gaps come with what could close
    them and only its oldest open loops are listed: the others' are only compared. With
    `readings` (target_figures.read_sources of `period_requests`, read with the targets' own),
    the reach and the loops' counts are taken from them, and with `sources` the first period's
    gaps' suggestions; with `unused` each period's unused opportunities (catalogue_with_unused)."""
    require_read(user, "summary.read")
    windows = [period_filters(period) for period in periods]
    judged = [
        (filters, evaluation_day(period, today)) for filters, period in zip(windows, periods, strict=True)
    ]
    if readings is None:
        reach = reach_figures_for(session, windows)
        loops = loop_figures_for(session, judged)
    else:
        reach_requests, loop_requests = period_requests(periods, today)
        reach = [reading_of(readings, request) for request in reach_requests]
        loops = loop_figures_for(session, judged, counts=[reading_of(readings, r) for r in loop_requests])
    if unused is None:
        unused = unused_opportunities_for(session, [(filters, day, None) for filters, day in judged])
    measures = measure_activity_for(session, user, windows)
    return [
        PeriodFigures(
            totals=reach[index].totals,
            representation=reach[index].representation,
            score=reach[index].score,
            gaps=gaps_among(
                session,
                filters,
                reach[index].representation,
                lang,
                with_suggestions=index == 0,
                sources=sources if index == 0 else None,
            ),
            feedback=loops[index],
            unused=unused[index],
            measures=measures[index],
        )
        for index, filters in enumerate(windows)
    ]


def period_requests(
    periods: Sequence[Period], today: date
) -> tuple[list[FigureRequest], list[FigureRequest]]:
    """The reach and the loop of each of `periods` as requests of target_figures, so that they
    are read in the same statements as the targets' figures."""
    judged = [(period_filters(period), evaluation_day(period, today)) for period in periods]
    return (
        [FigureRequest("balance_score", None, filters, day) for filters, day in judged],
        [FigureRequest("feedback_loop_rate", None, filters, day) for filters, day in judged],
    )


KEY_NUMBERS: tuple[tuple[str, str, bool, Callable[[PeriodFigures], Number]], ...] = (
    ("actions", INT, False, lambda f: f.totals.actions),
    ("participants", INT, False, lambda f: f.totals.participants_total),
    ("gaps", INT, True, lambda f: len(f.gaps)),
    ("score", RATIO, False, lambda f: f.score),
    ("feedback_rate", SHARE, False, lambda f: f.feedback.rate),
    ("open_loops", INT, True, lambda f: f.feedback.open_loop_count),
    ("unused_opportunities", INT, True, lambda f: len(f.unused)),
    ("measures_progressed", INT, False, lambda f: f.measures_advanced),
)


# A key number that is also shown on a page takes that page's one name for it.
KEY_LABELS = {"score": "term.metric.score", "measures_progressed": "term.metric.measures_advanced"}


def key_numbers(current: PeriodFigures, previous: PeriodFigures | None, lang: str) -> tuple[KeyNumber, ...]:
    """The headline figures of the period beside the previous period's."""
    return tuple(
        KeyNumber(
            key,
            t(KEY_LABELS.get(key, f"council.key.{key}"), lang),
            value_of(current),
            value_of(previous) if previous is not None else None,
            kind,
            lower_is_better,
            lang,
        )
        for key, kind, lower_is_better, value_of in KEY_NUMBERS
    )


# --- tables -------------------------------------------------------------------------------


def trend_filters(period: Period, today: date) -> MetricFilters:
    """The quarters the trend chart shows: the year up to a quarter, else the period's own;
    never quarters that have not begun."""
    start = add_months(period.start, -9) if period.kind == QUARTER else period.start
    return MetricFilters(start=start, end=evaluation_day(period, today))


def build_council_summary(
    session: Session, user: CurrentUser | None, period_key: str, today: date, lang: str = "fi"
) -> CouncilSummary:
    """The council summary of the period `period_key` as of `today`, texts in `lang`."""
    require_read(user, "summary.read")
    period = period_from_key(period_key)
    previous = previous_period(period)
    periods = (period, *([previous] if previous else []))
    judged_on = evaluation_day(period, today)
    # The targets' figures read with the periods' reach and loops and every department's
    # reporting on the day judged: the same statements.
    reach_requests, loop_requests = period_requests(periods, today)
    own_reporting = FigureRequest("reports_on_time", None, MetricFilters(), judged_on)
    targets, readings = target_progress_with(
        session, user, judged_on, (*reach_requests, *loop_requests, own_reporting)
    )
    # The channel × group matrix and the period's gaps' suggestions share their names and
    # channel sums: one statement, before the gaps are picked.
    channels, sources = channel_matrix_with_sources(
        session,
        period_filters(period),
        gap_rows(session, reading_of(readings, reach_requests[0]).representation),
        judged_on,
    )
    # The catalogue's use and the periods' unused opportunities: one statement, this period's
    # taken from the catalogue's use.
    catalogue, unused = catalogue_with_unused(
        session, user, judged_on, [evaluation_day(each, today) for each in periods]
    )
    # The previous period's gaps and open loops are only compared with this period's.
    current, *before = period_figures(session, user, periods, today, lang, readings, sources, unused)
    earlier = before[0] if before else None
    numbers = key_numbers(current, earlier, lang)
    threshold = load_metric_settings(session).gap_threshold
    # The reporting table and the duty of reporting show the statuses read with the targets'.
    reported: list[ReportingStatus] = list(reading_of(readings, own_reporting))
    actors = responsibilities(session, user, judged_on, departments={judged_on: reported})
    trends = quarterly_trends(session, user, trend_filters(period, today))
    changed = clock.to_local(last_change_at(session, user))
    no_reach_gaps = {gap.group.code for gap in current.gaps if gap.no_reach}
    initiatives, initiative_numbers = council_initiatives(session, user, period.start, period.end, today)
    tables = (
        representation_table(current.representation, threshold, lang),
        gap_table(current.gaps, lang),
        catalogue_table(catalogue, judged_on, lang),
        channel_table(channels, lang),
        reporting_table(reported, lang),
        duty_table(actors, lang),
        measure_table(current.measures, lang),
        target_table(targets, lang),
        initiative_table(initiatives, today, lang),
    )
    # The workbook has room for every column; the printed page gets narrower versions.
    narrow = {
        "channels": channel_reach_table(channels, lang),
        "catalogue": catalogue_brief_table(catalogue, judged_on, lang),
        "initiatives": initiative_brief_table(tables[-1]),
        "targets": target_brief_table(targets, lang),
    }
    return CouncilSummary(
        period=period,
        previous=previous,
        lang=lang,
        today=today,
        created_at=utcnow(),
        data_changed_at=changed,
        key_numbers=numbers,
        overview=overview_sentences(period, current, today, lang),
        gap_sentences=tuple(gap.sentence for gap in current.gaps) or (t("council.gaps.none", lang),),
        notices=representation_cautions(current.representation, lang).sentences(),
        feedback_sentences=feedback_sentences(current.feedback, lang),
        duty_sentences=statutory_sentences(catalogue, lang) + duty_sentences(actors, lang),
        initiative_sentences=initiative_sentences(initiatives, initiative_numbers, period.start, lang),
        measures_with_progress=tuple(
            t(
                "council.measures.item",
                lang,
                measure=row.name(lang),
                actions=fmt_count(row.actions, "action", lang=lang),
            )
            for row in current.measures
            if not row.nothing_logged
        ),
        measures_without_progress=tuple(row.name(lang) for row in current.measures if row.nothing_logged),
        changes=change_sentences(numbers, current, earlier, previous, lang),
        representation_rows=tuple(
            (row.group.name(lang), row.index, row.group.code in no_reach_gaps)
            for row in current.representation
        ),
        trend_rows=tuple((row.label, row.actions) for row in trends),
        gap_threshold=threshold,
        tables=tables,
        pdf_tables=tuple(narrow.get(table.key, table) for table in tables),
        sources=source_lines(changed, today, lang),
        target_sentences=target_sentences(targets, lang),
    )


def source_lines(changed: datetime | None, today: date, lang: str) -> tuple[str, ...]:
    """Where the figures come from and how fresh they are."""
    return (
        t("council.source.data", lang),
        t("term.participations_note", lang),
        t("council.source.scope", lang),
        t("council.source.population", lang),
        t(
            "council.source.freshness",
            lang,
            when=fmt_datetime(changed, lang=lang),
            today=fmt_date(today, lang=lang),
        ),
    )
