"""The public view in words and tables, once for the page and the static HTML export: each
section's heading, paragraphs, tables (with captions and, where the rows add up, a total) and
linked entries, all in one language. Built from metrics.public_view's summary only, so the
two can hold nothing the summary does not (its counts already suppressed)."""

from __future__ import annotations

from dataclasses import dataclass

from ..disclosure import SMALL_COUNT, PublicTable
from ..formatting import fmt_date, fmt_int, fmt_pct
from ..i18n import t
from ..metrics.public_view import PublicForm, PublicSummary


@dataclass(frozen=True)
class TextTable:
    """A table as text: caption, column headings, rows, and the total row (None: no total)."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None
    numeric: bool = True  # the columns after the first hold numbers (aligned right)


@dataclass(frozen=True)
class Entry:
    """A list item, with a link when `url` is set."""

    text: str
    url: str = ""
    link_text: str = ""


@dataclass(frozen=True)
class Section:
    """One heading (level 2 or 3) and what stands under it, in this order."""

    key: str
    level: int
    heading: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[TextTable, ...] = ()
    entries: tuple[Entry, ...] = ()


def _counts(table: PublicTable, caption: str, first: str, lang: str) -> TextTable:
    header = (first, t("public.col.count", lang))
    total = (t("public.total", lang), table.total.text(lang)) if table.total is not None else None
    return TextTable(
        caption, header, tuple((row.name(lang), row.count.text(lang)) for row in table.rows), total
    )


def _form_section(form: PublicForm, lang: str) -> Section:
    rows = tuple(
        (item.name(lang), t(f"term.statutory.{item.statutory}", lang), item.legal_basis(lang) or "–")
        for item in form.opportunities
    )
    header = (t("public.col.opportunity", lang), t("public.col.statutory", lang), t("public.col.law", lang))
    table = TextTable(t("public.catalogue.caption", lang, form=form.name(lang)), header, rows, numeric=False)
    description = form.description(lang)
    return Section(f"form.{form.code}", 3, form.name(lang), (description,) if description else (), (table,))


def _programme(summary: PublicSummary, lang: str) -> list[Section]:
    intro = Section(
        "programme",
        2,
        t("public.programme.heading", lang),
        (t("public.programme.body", lang), t("public.programme.how", lang)),
    )
    return [intro, *(_form_section(form, lang) for form in summary.forms)]


def _done(summary: PublicSummary, lang: str) -> Section:
    year = summary.year
    return Section(
        "done",
        2,
        t("public.done.heading", lang, year=year),
        (t("public.done.body", lang, limit=fmt_int(SMALL_COUNT, lang=lang)),),
        (
            _counts(
                summary.actions_by_form,
                t("public.done.by_form", lang, year=year),
                t("public.col.form", lang),
                lang,
            ),
            _counts(
                summary.actions_by_area,
                t("public.done.by_area", lang, year=year),
                t("public.col.area", lang),
                lang,
            ),
        ),
    )


def _reach(summary: PublicSummary, lang: str) -> Section:
    missed = tuple(
        Entry(
            t(
                "public.reach.missed_item",
                lang,
                group=group.name(lang),
                share=fmt_pct(group.population_share, lang=lang),
            )
        )
        for group in summary.missed
    )
    body = t("public.reach.missed", lang) if missed else t("public.reach.none_missed", lang)
    table = _counts(
        summary.reached_by_age,
        t("public.reach.caption", lang, year=summary.year),
        t("public.col.age", lang),
        lang,
    )
    return Section(
        "reach", 2, t("public.reach.heading", lang), (t("public.reach.body", lang), body), (table,), missed
    )


def _experience(summary: PublicSummary, lang: str) -> Section:
    tables = tuple(
        TextTable(
            t(
                "public.experience.caption",
                lang,
                survey=t(f"experience.survey.{trend.survey}", lang),
                group=trend.group(lang),
            ),
            (
                t("public.col.year", lang),
                t("experience.measure.score" if trend.uses_score else "experience.measure.agree", lang),
                t("public.col.respondents", lang),
            ),
            tuple(
                (
                    str(point.year),
                    "–"
                    if point.value is None
                    else (
                        fmt_int(round(point.value), lang=lang)
                        if trend.uses_score
                        else fmt_pct(point.value / 100, lang=lang)
                    ),
                    point.respondents.text(lang),
                )
                for point in trend.years
            ),
        )
        for trend in summary.experience
    )
    body = (
        t("public.experience.body", lang, limit=fmt_int(SMALL_COUNT, lang=lang))
        if tables
        else t("public.experience.pending", lang)
    )
    return Section("experience", 2, t("public.experience.heading", lang), (body,), tables)


def _initiatives(summary: PublicSummary, lang: str) -> Section:
    figures = summary.initiatives
    year = summary.year
    standing = TextTable(
        t("public.initiatives.caption", lang, year=year),
        (t("public.col.figure", lang), t("public.col.count", lang)),
        (
            (t("public.initiatives.received", lang, year=year), figures.received.text(lang)),
            (t("public.initiatives.open", lang), figures.open.text(lang)),
        ),
    )
    outcomes = _counts(
        figures.outcomes,
        t("public.initiatives.outcomes", lang, year=year),
        t("public.col.outcome", lang),
        lang,
    )
    return Section(
        "initiatives",
        2,
        t("public.initiatives.heading", lang),
        (t("public.initiatives.body", lang),),
        (standing, outcomes),
    )


def _changes(summary: PublicSummary, lang: str) -> Section:
    entries = tuple(
        Entry(
            t(
                "public.changes.item",
                lang,
                title=change.title,
                department=change.department(lang),
                date=fmt_date(change.feedback_date or change.start_date, lang=lang),
                change=change.decision_change or t("public.changes.no_text", lang),
            ),
            change.feedback_url,
            t("public.changes.link", lang, title=change.title),
        )
        for change in summary.changes
    )
    body = t("public.changes.body", lang) if entries else t("public.changes.none", lang)
    return Section("changes", 2, t("public.changes.heading", lang), (body,), entries=entries)


def public_sections(summary: PublicSummary, lang: str) -> list[Section]:
    """The public view's sections in reading order, in `lang`."""
    return [
        *_programme(summary, lang),
        _done(summary, lang),
        _reach(summary, lang),
        _experience(summary, lang),
        _initiatives(summary, lang),
        _changes(summary, lang),
    ]
