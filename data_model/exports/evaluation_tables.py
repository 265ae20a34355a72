"""The tables of an edition's evaluation that the council report has no table for: the
measures with their reach, the SWOT indicators at the start and at the end, and the statutory
opportunities used and unused. Each cell is a metric's own value (metrics.evaluation)."""

from __future__ import annotations

from ..i18n import t
from ..metrics.evaluation import MeasureResult, StatutoryUse, SwotResult
from ..metrics.indicators import IndicatorValue
from .tables import BOOL, DATE, INT, TEXT, Column, Table, pick_name


def _columns(lang: str, *specs: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(t(f"evaluation.col.{key}", lang), kind) for key, kind in specs)


def measure_reach_table(rows: tuple[MeasureResult, ...], lang: str) -> Table:
    """Each of the edition's measures: actions, departments, participants, unknown totals."""
    return Table(
        "measures",
        t("evaluation.table.measures", lang),
        _columns(
            lang,
            ("principle", TEXT),
            ("measure", TEXT),
            ("actions", INT),
            ("departments", TEXT),
            ("participants", INT),
            ("without_total", INT),
            ("last_activity", DATE),
        ),
        tuple(
            (
                pick_name(lang, row.principle_fi, row.principle_en),
                row.activity.name(lang),
                row.activity.actions,
                ", ".join(row.activity.departments),
                row.reach.participants,
                row.reach.actions_without_total,
                row.activity.last_activity,
            )
            for row in rows
        ),
        t("evaluation.table.measures_note", lang),
    )


def indicator_text(value: IndicatorValue | None, lang: str) -> str | None:
    """An indicator's value in words ("12 / 24 (50 %)"), None for an item without one."""
    return value.text.text(lang) if value is not None else None


def indicator_cautions(value: IndicatorValue | None, lang: str) -> str:
    """What the reader must know about an indicator's value: too few to conclude from."""
    if value is None or not value.small_sample:
        return ""
    return t("evaluation.swot.small_sample", lang, n=value.sample)


def swot_table(rows: tuple[SwotResult, ...], lang: str) -> Table:
    """Each SWOT item of the edition with its indicator at the start and at the end."""
    return Table(
        "swot",
        t("evaluation.table.swot", lang),
        _columns(
            lang,
            ("quadrant", TEXT),
            ("item", TEXT),
            ("indicator", TEXT),
            ("at_start", TEXT),
            ("at_end", TEXT),
            ("caution_start", TEXT),
            ("caution_end", TEXT),
        ),
        tuple(
            (
                t(f"term.quadrant.{row.quadrant}", lang),
                pick_name(lang, row.text_fi, row.text_en),
                row.at_end.label.text(lang) if row.at_end is not None else t("evaluation.swot.none", lang),
                indicator_text(row.at_start, lang),
                indicator_text(row.at_end, lang),
                indicator_cautions(row.at_start, lang),
                indicator_cautions(row.at_end, lang),
            )
            for row in rows
        ),
        t("evaluation.table.swot_note", lang),
    )


def statutory_table(rows: tuple[StatutoryUse, ...], lang: str) -> Table:
    """The edition's statutory opportunities and whether its period used each."""
    return Table(
        "statutory",
        t("evaluation.table.statutory", lang),
        _columns(
            lang,
            ("opportunity", TEXT),
            ("legal_basis", TEXT),
            ("used", BOOL),
            ("times_used", INT),
            ("last_used", DATE),
        ),
        tuple(
            (
                pick_name(lang, row.usage.name_fi, row.usage.name_en),
                row.usage.legal_basis_in(lang),
                row.used,
                row.usage.times_used,
                row.usage.last_used,
            )
            for row in rows
        ),
        t("evaluation.table.statutory_note", lang),
    )
