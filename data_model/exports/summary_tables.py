"""The council summary's tables: metrics results as `Table`s that the page, the PDF and the
workbook all draw, with Finnish (or English) headings and formatted cells."""

from __future__ import annotations

from datetime import date

from ..formatting import fmt_count, fmt_date, fmt_decimal, fmt_int
from ..i18n import t
from ..metrics.catalogue import CatalogueUsage
from ..metrics.coverage import Matrix
from ..metrics.duties import ActorDuties
from ..metrics.filters import add_months
from ..metrics.gaps import Gap, Suggestion
from ..metrics.measures import MeasureActivity
from ..metrics.reach import GroupRepresentation
from ..metrics.reporting import ReportingStatus
from .tables import BOOL, DATE, INT, RATIO, SHARE, TEXT, YEAR, Column, Table, council_columns, pick_name


def representation_table(rows: list[GroupRepresentation], threshold: float, lang: str) -> Table:
    """Reach per group compared with the population."""
    return Table(
        "representation",
        t("council.sheet.representation", lang),
        council_columns(
            lang,
            ("group", TEXT),
            ("participants", INT),
            ("participant_share", SHARE),
            ("population_share", SHARE),
            ("index", RATIO),
            ("population_year", YEAR),
            ("estimate", BOOL),
        ),
        tuple(
            (
                row.group.name(lang),
                row.participants,
                row.participant_share,
                row.population_share,
                row.index,
                row.population.year,
                row.estimate,
            )
            for row in rows
        ),
        note=t("council.note.representation", lang, threshold=fmt_decimal(threshold, 2, lang=lang)),
    )


def _suggested(best: tuple[Suggestion, ...], targets: tuple[Suggestion, ...], lang: str) -> str:
    """What reached the group most in the period, else what is meant for it; each with the
    group's participants in the period, so a 0 reads as 0 and not as "has reached"."""
    return ", ".join(
        f"{item.item.name(lang)} ({fmt_int(item.reached, lang=lang)})" for item in (best or targets)
    )


def gap_table(found: list[Gap], lang: str) -> Table:
    """The gaps, worst first, with the channels and opportunities that could close them."""
    return Table(
        "gaps",
        t("council.sheet.gaps", lang),
        council_columns(
            lang,
            ("gap", TEXT),
            ("index", RATIO),
            ("suggested_channels", TEXT),
            ("suggested_opportunities", TEXT),
        ),
        tuple(
            (
                gap.sentence,
                gap.row.index,
                _suggested(gap.best_channels, gap.target_channels, lang),
                _suggested(gap.best_opportunities, gap.target_opportunities, lang),
            )
            for gap in found
        ),
    )


def duty_table(actors: list[ActorDuties], lang: str) -> Table:
    """Every duty of the responsibility section with its status and evidence."""
    return Table(
        "duties",
        t("council.sheet.duties", lang),
        council_columns(
            lang,
            ("actor", TEXT),
            ("duty", TEXT),
            ("status", TEXT),
            ("last_evidence", DATE),
            ("next_due", DATE),
        ),
        tuple(
            (
                pick_name(lang, actor.name_fi, actor.name_en),
                pick_name(lang, duty.text_fi, duty.text_en),
                t(f"term.status.{duty.status}", lang),
                duty.last_evidence,
                duty.next_due,
            )
            for actor in actors
            for duty in actor.duties
        ),
    )


def catalogue_table(catalogue: CatalogueUsage, judged_on: date, lang: str) -> Table:
    """Each catalogue opportunity under its form: statutory basis, use so far, unused or not."""
    return Table(
        "catalogue",
        t("council.sheet.catalogue", lang),
        (
            *council_columns(
                lang,
                ("form", TEXT),
                ("opportunity", TEXT),
                ("statutory", TEXT),
                ("legal_basis", TEXT),
                ("times_used", INT),
                ("last_used", DATE),
            ),
            Column(
                t(
                    "council.col.unused",
                    lang,
                    months=fmt_count(catalogue.unused_months, "months_short", lang=lang),
                ),
                BOOL,
            ),
        ),
        tuple(
            (
                pick_name(lang, form.name_fi, form.name_en),
                pick_name(lang, item.name_fi, item.name_en),
                t(f"term.statutory.{item.statutory}", lang),
                item.legal_basis_in(lang) or None,
                item.times_used,
                item.last_used,
                item.unused,
            )
            for form in catalogue.forms
            for item in form.opportunities
        ),
        note=t(
            "council.note.catalogue",
            lang,
            day=fmt_date(add_months(catalogue.since, catalogue.unused_months), lang=lang),
        ),
    )


def catalogue_brief_table(catalogue: CatalogueUsage, judged_on: date, lang: str) -> Table:
    """The catalogue narrowed for a printed page: each opportunity once (some sit under two
    forms), with whether it is statutory and how it has been used."""
    seen: set[str] = set()
    rows = []
    for form in catalogue.forms:
        for item in form.opportunities:
            if item.code not in seen:
                seen.add(item.code)
                rows.append(
                    (
                        pick_name(lang, item.name_fi, item.name_en),
                        t(f"term.statutory.{item.statutory}", lang),
                        item.times_used,
                        item.last_used,
                        item.unused,
                    )
                )
    return Table(
        "catalogue",
        t("council.sheet.catalogue", lang),
        (
            *council_columns(
                lang, ("opportunity", TEXT), ("statutory", TEXT), ("times_used", INT), ("last_used", DATE)
            ),
            Column(
                t(
                    "council.col.unused",
                    lang,
                    months=fmt_count(catalogue.unused_months, "months_short", lang=lang),
                ),
                BOOL,
            ),
        ),
        tuple(rows),
        note=t("council.note.catalogue", lang, day=fmt_date(judged_on, lang=lang)),
    )


def channel_table(matrix: Matrix, lang: str) -> Table:
    """Participants per channel and audience group in the period (an action counts for each
    channel it used)."""
    return Table(
        "channels",
        t("council.sheet.channels", lang),
        (
            Column(t("council.col.channel", lang)),
            *(Column(group.name(lang), INT) for group in matrix.columns),
        ),
        tuple(
            (channel.name(lang), *values) for channel, values in zip(matrix.rows, matrix.values, strict=True)
        ),
        note=t("council.note.channels", lang),
    )


def channel_reach_table(matrix: Matrix, lang: str) -> Table:
    """The channel matrix narrowed for a printed page: only channels that reached someone,
    with the groups they reached written out."""
    rows = []
    for channel, values in zip(matrix.rows, matrix.values, strict=True):
        reached = [
            f"{group.name(lang)} {fmt_int(value, lang=lang)}"
            for group, value in zip(matrix.columns, values, strict=True)
            if value
        ]
        if reached:
            rows.append((channel.name(lang), ", ".join(reached)))
    return Table(
        "channels",
        t("council.sheet.channels", lang),
        council_columns(lang, ("channel", TEXT), ("groups_reached", TEXT)),
        tuple(rows),
        note=t("council.note.channels", lang),
    )


def reporting_table(statuses: list[ReportingStatus], lang: str) -> Table:
    """Each department's last report and whether the next one is due."""
    return Table(
        "reporting",
        t("council.sheet.reporting", lang),
        council_columns(
            lang,
            ("department", TEXT),
            ("cadence", INT),
            ("last_report", DATE),
            ("next_due", DATE),
            ("status", TEXT),
        ),
        tuple(
            (
                row.department.name(lang),
                row.cadence_months,
                row.last_period_end,
                row.next_due,
                t(f"term.status.{row.status}", lang),
            )
            for row in statuses
        ),
    )


def measure_table(measures: list[MeasureActivity], lang: str) -> Table:
    """Each development measure with its actions in the period."""
    return Table(
        "measures",
        t("council.sheet.measures", lang),
        council_columns(lang, ("measure", TEXT), ("actions", INT)),
        tuple((row.name(lang), row.actions) for row in measures),
    )


# --- the whole summary ---------------------------------------------------------------------
