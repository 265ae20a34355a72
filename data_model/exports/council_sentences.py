"""The council summary's sentences: each figure of a period (and what changed since the
previous one) said in plain Finnish or English. The figures come from council_summary, which
takes them from the metrics; nothing here computes one."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..formatting import fmt_count, fmt_date, fmt_decimal, fmt_int, fmt_pct
from ..i18n import DEFAULT_LANGUAGE, t
from ..metrics.catalogue import CatalogueUsage
from ..metrics.duties import ActorDuties
from ..metrics.feedback import FeedbackLoop
from ..metrics.reporting import DUE_SOON, OVERDUE
from .periods import Period
from .tables import RATIO, SHARE, pick_name

if TYPE_CHECKING:
    from .council_summary import KeyNumber, PeriodFigures

Number = int | float | None
OPEN_LOOPS_LISTED = 5


def number_text(value: Number, kind: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A key number as it is written in the summary, in the number forms of `lang`."""
    if value is None:
        return "–"
    if kind == SHARE:
        return fmt_pct(float(value), lang=lang)
    if kind == RATIO:
        return fmt_decimal(float(value), 2, lang=lang)
    return fmt_int(int(value), lang=lang)


def _change_sentence(number: KeyNumber, previous: Period, lang: str) -> str | None:
    if number.value is None or number.previous is None:
        return None
    values = {
        "label": number.label,
        "now": number_text(number.value, number.kind, lang),
        "before": number_text(number.previous, number.kind, lang),
        "previous": previous.label(lang),
    }
    if number.value == number.previous:
        return t("council.change.same", lang, **values)
    return t("council.change.up" if number.value > number.previous else "council.change.down", lang, **values)


def change_sentences(
    numbers: tuple[KeyNumber, ...],
    current: PeriodFigures,
    earlier: PeriodFigures | None,
    previous: Period | None,
    lang: str,
) -> tuple[str, ...]:
    """What changed since the previous period: each key number, and gaps opened or closed."""
    if previous is None or earlier is None:
        return (t("council.change.no_previous", lang),)
    sentences = [sentence for number in numbers if (sentence := _change_sentence(number, previous, lang))]
    now = {gap.group.code: gap.group.name(lang) for gap in current.gaps}
    before = {gap.group.code: gap.group.name(lang) for gap in earlier.gaps}
    opened = [name for code, name in now.items() if code not in before]
    closed = [name for code, name in before.items() if code not in now]
    if opened:
        sentences.append(t("council.change.new_gaps", lang, groups=", ".join(opened)))
    if closed:
        sentences.append(t("council.change.closed_gaps", lang, groups=", ".join(closed)))
    return tuple(sentences)


def overview_sentences(period: Period, figures: PeriodFigures, today: date, lang: str) -> tuple[str, ...]:
    """The summary in plain words: how much happened, what is missing, what to note."""
    totals = figures.totals
    sentences = [
        t(
            "council.overview.actions",
            lang,
            period=period.label(lang),
            start=fmt_date(period.start, lang=lang),
            end=fmt_date(period.end, lang=lang),
            actions=fmt_count(totals.actions, "participation_action", lang=lang),
            participants=fmt_count(totals.participants_total, "participation", lang=lang),
        )
    ]
    if totals.actions_without_total:
        sentences.append(
            t("council.overview.unknown_totals", lang, count=fmt_int(totals.actions_without_total, lang=lang))
        )
    if period.in_progress(today):
        sentences.append(t("council.overview.in_progress", lang, today=fmt_date(today, lang=lang)))
    if figures.gaps:
        sentences.append(
            t(
                "council.overview.gaps",
                lang,
                count=fmt_count(len(figures.gaps), "gap", lang=lang),
                worst=figures.gaps[0].sentence,
            )
        )
    else:
        sentences.append(t("council.overview.no_gaps", lang))
    return tuple(sentences)


def feedback_sentences(loop: FeedbackLoop, lang: str) -> tuple[str, ...]:
    """The feedback loop in words: how often residents were told, and the loops left open."""
    if not loop.actions:
        return (t("council.feedback.none", lang),)
    sentences = [
        t(
            "council.feedback.rate",
            lang,
            given=fmt_int(loop.with_feedback, lang=lang),
            actions=fmt_int(loop.actions, lang=lang),
            rate=fmt_pct(loop.rate, lang=lang),
        )
    ]
    if loop.open_loops:
        sentences.append(
            t(
                "council.feedback.open",
                lang,
                count=fmt_count(loop.open_loop_count, "feedback_loop", lang=lang),
                days=fmt_count(loop.open_loop_days, "day", lang=lang),
            )
        )
        sentences += [
            t(
                "council.feedback.open_item",
                lang,
                title=item.title,
                department=item.department.name(lang),
                days=fmt_count(item.days_open, "day", lang=lang),
            )
            for item in loop.open_loops[:OPEN_LOOPS_LISTED]
        ]
    return tuple(sentences)


def statutory_sentences(catalogue: CatalogueUsage, lang: str) -> tuple[str, ...]:
    """The statutory opportunities (KL, MRL/AKL …) left unused in the window before the day."""
    seen: set[str] = set()
    unused = []
    for form in catalogue.forms:
        for item in form.opportunities:
            if item.statutory == "statutory" and item.unused and item.code not in seen:
                seen.add(item.code)
                name = pick_name(lang, item.name_fi, item.name_en)
                unused.append(name)
    if not unused:
        return (
            t(
                "council.statutory.all_used",
                lang,
                months=fmt_count(catalogue.unused_months, "months_within", lang=lang),
            ),
        )
    return (
        t(
            "council.statutory.unused",
            lang,
            months=fmt_count(catalogue.unused_months, "months_since", lang=lang),
            items=", ".join(unused),
        ),
    )


def duty_sentences(actors: list[ActorDuties], lang: str) -> tuple[str, ...]:
    """One line per tracked duty that is not done, worst first; or that all are done."""
    lines = []
    for status in (OVERDUE, DUE_SOON):
        for actor in actors:
            for duty in actor.duties:
                if duty.status == status:
                    lines.append(
                        t(
                            f"council.duty.{status}",
                            lang,
                            actor=pick_name(lang, actor.name_fi, actor.name_en),
                            duty=pick_name(lang, duty.text_fi, duty.text_en),
                            due=fmt_date(duty.next_due, lang=lang),
                        )
                    )
    return tuple(lines) or (t("council.duty.all_done", lang),)
