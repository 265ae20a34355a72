"""The council's targets in the summary, the PDF and the workbook: one sentence per target
and one table, both from `metrics.targets.target_progress` (never computed again here)."""

from __future__ import annotations

from ..i18n import t
from ..metrics.targets import TargetProgress, progress_name, target_title, value_text
from .tables import DATE, TEXT, Column, Table

COLUMNS = (
    ("target", TEXT),
    ("period_start", DATE),
    ("period_end", DATE),
    ("aim", TEXT),
    ("value", TEXT),
    ("expected", TEXT),
    ("status", TEXT),
    ("forecast", TEXT),
    ("set_by", TEXT),
    ("decision", TEXT),
)


def _shown(progress: TargetProgress, value: float | None, lang: str) -> str:
    return value_text(progress.target.unit, value, lang)


def target_sentences(rows: list[TargetProgress], lang: str) -> tuple[str, ...]:
    """Each target in words: what, where it stands, the forecast, and any caution."""
    if not rows:
        return (t("targets.none", lang),)
    lines = []
    for row in rows:
        parts = [
            t(
                "targets.sentence",
                lang,
                title=target_title(row.target).text(lang),
                status=progress_name(row).text(lang),
            ),
            row.summary.text(lang),
            *(text.text(lang) for text in row.caution_texts),
        ]
        if row.outlook is not None:
            parts.append(row.outlook.text(lang))
        lines.append(" ".join(parts))
    return tuple(lines)


def target_table(rows: list[TargetProgress], lang: str) -> Table:
    """One row per target with its value now, expected value, status and decision."""
    return Table(
        "targets",
        t("targets.sheet", lang),
        tuple(Column(t(f"targets.col.{key}", lang), kind) for key, kind in COLUMNS),
        tuple(
            (
                target_title(row.target).text(lang),
                row.target.period_start,
                row.target.period_end,
                f"{t(f'targets.direction.{row.target.direction}', lang)} "
                f"{_shown(row, row.target.target_value, lang)}",
                _shown(row, row.value, lang),
                _shown(row, row.expected, lang),
                progress_name(row).text(lang),
                (
                    f"{_shown(row, row.forecast.low, lang)}–{_shown(row, row.forecast.high, lang)}"
                    if row.forecast
                    else "–"
                ),
                t(f"targets.set_by.{row.target.set_by}", lang),
                row.target.decision,
            )
            for row in rows
        ),
        note=t("targets.sheet_note", lang),
    )


BRIEF = ("target", "aim", "value", "status", "forecast")


def target_brief_table(rows: list[TargetProgress], lang: str) -> Table:
    """The targets table narrow enough for an A4 page: what, aim, now, status, estimate."""
    full = target_table(rows, lang)
    keep = [n for n, (key, _kind) in enumerate(COLUMNS) if key in BRIEF]
    return Table(
        full.key,
        full.title,
        tuple(full.columns[n] for n in keep),
        tuple(tuple(row[n] for n in keep) for row in full.rows),
        full.note,
    )
