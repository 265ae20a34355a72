"""The evaluation of an edition in words and tables, for the page, the PDF and the workbook.

Every figure comes from `metrics.evaluation.edition_evaluation`; this module only puts them
into plain sentences (reusing the council report's where the council report says the same
thing) and tables (reusing its tables where it has one).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy.orm import Session

from .. import clock
from ..formatting import fmt_count, fmt_date, fmt_int, fmt_pct
from ..i18n import DEFAULT_LANGUAGE, t
from ..metrics.cautions import representation_cautions
from ..metrics.editions import EditionInfo
from ..metrics.evaluation import EditionEvaluation, edition_evaluation
from ..metrics.filters import MetricFilters
from ..metrics.gaps import gap_notes
from ..metrics.report_figures import ReportFigures
from ..models import utcnow
from ..permissions import CurrentUser, require_read
from .council_sentences import duty_sentences, feedback_sentences
from .council_summary import source_lines
from .evaluation_tables import measure_reach_table, statutory_table, swot_table
from .summary_tables import duty_table, gap_table, reporting_table, representation_table
from .tables import Table, pick_name
from .target_table import target_brief_table, target_sentences, target_table


@dataclass(frozen=True)
class WindowSummary:
    """The gaps of one window (the start or the end) in words, with their cautions."""

    label: str
    gaps: tuple[str, ...]
    notices: tuple[str, ...]


@dataclass(frozen=True)
class EvaluationReport:
    """Everything the evaluation page and documents show, in one language."""

    evaluation: EditionEvaluation
    lang: str
    created_at: datetime
    title: str
    approval: str
    overview: tuple[str, ...]
    measures: tuple[str, ...]
    start: WindowSummary
    end: WindowSummary
    feedback: tuple[str, ...]
    statutory: tuple[str, ...]
    duties: tuple[str, ...]
    targets: tuple[str, ...]
    sources: tuple[str, ...]
    tables: tuple[Table, ...]  # one workbook sheet each
    pdf_tables: tuple[Table, ...]  # the same figures, narrow enough for an A4 page

    def table(self, key: str) -> Table:
        """The table with `key` (measures, swot, gaps_start, …)."""
        return next(table for table in self.tables if table.key == key)


def window_label(window: MetricFilters, lang: str) -> str:
    """ "17.10.2022–16.10.2023" for a window."""
    return t(
        "evaluation.window",
        lang,
        start=fmt_date(window.start, lang=lang),
        end=fmt_date(window.end, lang=lang),
    )


def _window(key: str, window: MetricFilters, figures: ReportFigures, lang: str) -> WindowSummary:
    gaps = []
    for gap in figures.gaps:
        notes = gap_notes(gap, lang)
        gaps.append(f"{gap.sentence}. {' '.join(notes)}" if notes else gap.sentence)
    if not figures.totals.actions:
        gaps = [t("evaluation.gaps.no_actions", lang)]
    return WindowSummary(
        t(f"evaluation.{key}.label", lang, window=window_label(window, lang)),
        tuple(gaps) or (t("council.gaps.none", lang),),
        representation_cautions(figures.representation, lang).sentences(),
    )


def _approval(found: EditionEvaluation, lang: str) -> str:
    edition = found.edition
    if edition.approved_on is None or edition.approved_by is None:
        return t("evaluation.approval.none", lang)
    return t(
        "evaluation.approval.text",
        lang,
        body=t(f"term.approver.{edition.approved_by}", lang),
        date=fmt_date(edition.approved_on, lang=lang),
        section=edition.approval_section or "–",
    )


def _overview(found: EditionEvaluation, lang: str) -> tuple[str, ...]:
    edition = found.edition
    totals = found.figures.totals
    advanced = sum(1 for row in found.measures if not row.activity.nothing_logged)
    return (
        t(
            "evaluation.overview.ended" if found.ended else "evaluation.overview.running",
            lang,
            start=fmt_date(edition.period_start, lang=lang),
            end=fmt_date(edition.period_end, lang=lang),
            today=fmt_date(found.evaluated_on, lang=lang),
        ),
        t(
            "evaluation.overview.actions",
            lang,
            actions=fmt_count(totals.actions, "action", lang=lang),
            participants=fmt_int(totals.participants_total, lang=lang),
            unknown=fmt_int(totals.actions_without_total, lang=lang),
            departments=fmt_count(totals.departments_active, "department", lang=lang),
        ),
        t(
            "evaluation.overview.measures",
            lang,
            advanced=fmt_int(advanced, lang=lang),
            total=fmt_int(len(found.measures), lang=lang),
        ),
    )


def _measure_sentences(found: EditionEvaluation, lang: str) -> tuple[str, ...]:
    lines = []
    for row in found.measures:
        if row.activity.nothing_logged:
            lines.append(t("evaluation.measure.nothing", lang, measure=row.activity.name(lang)))
            continue
        lines.append(
            t(
                "evaluation.measure.done",
                lang,
                measure=row.activity.name(lang),
                actions=fmt_count(row.activity.actions, "action", lang=lang),
                departments=", ".join(row.activity.departments),
                participants=fmt_int(row.reach.participants, lang=lang),
                unknown=fmt_int(row.reach.actions_without_total, lang=lang),
            )
        )
    return tuple(lines)


def _statutory_sentences(found: EditionEvaluation, lang: str) -> tuple[str, ...]:
    used = [row for row in found.statutory if row.used]
    unused = [
        pick_name(lang, row.usage.name_fi, row.usage.name_en) for row in found.statutory if not row.used
    ]
    lines = [
        t(
            "evaluation.statutory.count",
            lang,
            used=fmt_int(len(used), lang=lang),
            total=fmt_int(len(found.statutory), lang=lang),
        )
    ]
    if unused:
        lines.append(t("evaluation.statutory.unused", lang, items=", ".join(unused)))
    return tuple(lines)


def _reporting_sentence(found: EditionEvaluation, lang: str) -> str:
    on_time = sum(1 for row in found.reporting if row.on_time)
    total = len(found.reporting)
    return t(
        "evaluation.reporting.count",
        lang,
        on_time=fmt_int(on_time, lang=lang),
        total=fmt_int(total, lang=lang),
        share=fmt_pct(on_time / total if total else None, lang=lang),
        day=fmt_date(found.evaluated_on, lang=lang),
    )


def _keyed(table: Table, key: str, title: str) -> Table:
    return replace(table, key=key, title=title)


def evaluation_report(found: EditionEvaluation, lang: str = DEFAULT_LANGUAGE) -> EvaluationReport:
    """The evaluation `found` in words and tables in `lang`."""
    threshold_rows = (found.start.representation, found.end.representation)
    start = _window("start", found.start_window, found.start, lang)
    end = _window("end", found.end_window, found.end, lang)
    threshold = found.gap_threshold
    targets = list(found.targets)
    actors = list(found.duties)
    tables = (
        measure_reach_table(found.measures, lang),
        swot_table(found.swot, lang),
        _keyed(
            representation_table(threshold_rows[0], threshold, lang),
            "representation_start",
            t("evaluation.table.representation_start", lang),
        ),
        _keyed(gap_table(found.start.gaps, lang), "gaps_start", t("evaluation.table.gaps_start", lang)),
        _keyed(
            representation_table(threshold_rows[1], threshold, lang),
            "representation_end",
            t("evaluation.table.representation_end", lang),
        ),
        _keyed(gap_table(found.end.gaps, lang), "gaps_end", t("evaluation.table.gaps_end", lang)),
        statutory_table(found.statutory, lang),
        duty_table(actors, lang),
        reporting_table(list(found.reporting), lang),
        target_table(targets, lang),
    )
    narrow = {"targets": target_brief_table(targets, lang)}
    changed = clock.to_local(found.data_changed_at)
    return EvaluationReport(
        evaluation=found,
        lang=lang,
        created_at=utcnow(),
        title=found.edition.name(lang),
        approval=_approval(found, lang),
        overview=_overview(found, lang),
        measures=_measure_sentences(found, lang),
        start=start,
        end=end,
        feedback=feedback_sentences(found.feedback, lang),
        statutory=_statutory_sentences(found, lang),
        duties=(_reporting_sentence(found, lang), *duty_sentences(actors, lang)),
        targets=target_sentences(targets, lang),
        sources=source_lines(changed, found.today, lang),
        tables=tables,
        pdf_tables=tuple(narrow.get(table.key, table) for table in tables),
    )


def build_evaluation_report(
    session: Session,
    user: CurrentUser | None,
    edition: EditionInfo,
    today: date,
    lang: str = DEFAULT_LANGUAGE,
) -> EvaluationReport:
    """The evaluation of `edition` as of `today`, in words and tables in `lang`."""
    require_read(user, "summary.read")
    return evaluation_report(edition_evaluation(session, user, edition, today, lang), lang)
