"""The annual initiative list for the council (KL 23 §: the council is informed at least once
a year of the initiatives made in matters within its competence and of what was done about
them): a table for the council page, the PDF and the workbook, and its sentences."""

from __future__ import annotations

from datetime import date

from ..formatting import fmt_count, fmt_date, fmt_int, fmt_pct
from ..i18n import t
from ..metrics.initiative_register import InitiativeRow
from ..metrics.initiatives import InitiativeFigures
from .tables import BOOL, DATE, INT, TEXT, Table, council_columns

TABLE_KEY = "initiatives"


def outcome_text(row: InitiativeRow, lang: str) -> str:
    """Whether it led to action, in words ("–" while undecided or not known)."""
    if row.led_to_action is None:
        return "–"
    return t("initiative.outcome.yes" if row.led_to_action else "initiative.outcome.no", lang)


def initiative_table(rows: list[InitiativeRow], today: date, lang: str) -> Table:
    """One line per initiative on the council's list, oldest first."""
    return Table(
        TABLE_KEY,
        t("council.sheet.initiatives", lang),
        council_columns(
            lang,
            ("received", DATE),
            ("initiative", TEXT),
            ("initiator", TEXT),
            ("signatories", INT),
            ("department", TEXT),
            ("state", TEXT),
            ("decision", TEXT),
            ("decision_date", DATE),
            ("decision_ref", TEXT),
            ("led_to_action", TEXT),
            ("told", DATE),
            ("six_months", BOOL),
        ),
        tuple(
            (
                row.received_date,
                row.title,
                t(f"term.initiator.{row.initiator_kind}", lang),
                row.signatories,
                row.department.name(lang),
                t(f"term.initiative_state.{row.state(today)}", lang),
                row.decision,
                row.decision_date,
                row.decision_ref,
                outcome_text(row, lang),
                row.told_date,
                row.limit_date is not None,
            )
            for row in rows
        ),
        note=t("council.note.initiatives", lang),
    )


def initiative_brief_table(table: Table) -> Table:
    """The same list narrow enough for an A4 page: the workbook keeps every column."""
    kept = (0, 1, 5, 7, 9, 10)
    return Table(
        table.key,
        table.title,
        tuple(table.columns[i] for i in kept),
        tuple(tuple(row[i] for i in kept) for row in table.rows),
        note=table.note,
    )


def initiative_sentences(
    rows: list[InitiativeRow], figures: InitiativeFigures, start: date, lang: str
) -> tuple[str, ...]:
    """The list in words: how many, decided, open, led to action, past the limit, not told."""
    if not rows:
        return (t("council.initiatives.none", lang),)
    received = sum(1 for row in rows if row.received_date >= start)
    decided = [
        row for row in rows if row.decision_date is not None and start <= row.decision_date <= figures.day
    ]
    still_open = sum(1 for row in rows if row.decision_date is None or row.decision_date > figures.day)
    led = sum(1 for row in decided if row.led_to_action)
    known = sum(1 for row in decided if row.led_to_action is not None)
    sentences = [
        t(
            "council.initiatives.summary",
            lang,
            listed=fmt_count(len(rows), "initiative", lang=lang),
            received=fmt_int(received, lang=lang),
            decided=fmt_int(len(decided), lang=lang),
            open=fmt_int(still_open, lang=lang),
        )
    ]
    if known:
        sentences.append(
            t(
                "council.initiatives.led",
                lang,
                led=fmt_int(led, lang=lang),
                known=fmt_int(known, lang=lang),
                share=fmt_pct(led / known, lang=lang),
            )
        )
    past = [
        row for row in rows if row.limit_date is not None and row.is_open and row.limit_date < figures.day
    ]
    if past:
        sentences += [
            t(
                "council.initiatives.past_limit",
                lang,
                title=row.title,
                received=fmt_date(row.received_date, lang=lang),
                limit=fmt_date(row.limit_date, lang=lang),
            )
            for row in past
        ]
    untold = sum(1 for row in rows if row.decision_date is not None and row.told_date is None)
    if untold:
        sentences.append(
            t("council.initiatives.not_told", lang, count=fmt_count(untold, "initiative", lang=lang))
        )
    sentences.append(voter_sentence(figures, lang))
    return tuple(sentences)


def voter_sentence(figures: InitiativeFigures, lang: str) -> str:
    """Where the 2 % threshold comes from, flagged as an estimate where it is one."""
    voters = figures.voters
    if voters is None:
        return t("initiative.voters.unknown", lang)
    values = {
        "count": fmt_int(voters.count, lang=lang),
        "threshold": fmt_int(voters.signatory_threshold, lang=lang),
        "year": str(voters.year or ""),
    }
    if voters.from_setting:
        return t("initiative.voters.setting", lang, **values)
    return t("initiative.voters.estimate", lang, **values)
