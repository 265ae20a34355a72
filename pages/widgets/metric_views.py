"""Views of the metrics that the Overview and the Reach page share: gaps in words, the
representation chart and table, quarterly trends, and the notices that go with them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_model.i18n import in_language
from data_model.metrics.cautions import representation_cautions
from data_model.metrics.drilldown import ActionRow
from data_model.metrics.gaps import Gap, Suggestion, gap_notes
from data_model.metrics.reach import AGE, GroupRepresentation, ReachTotals
from data_model.metrics.trends import QuarterTrend

from .charts import bars, chart_with_table, paired_bars
from .formats import fmt_decimal, fmt_int, fmt_ints, fmt_pct
from .markdown import plain
from .texts import lang, tr


def _names(items: tuple[Suggestion, ...], with_counts: bool = False) -> str:
    if with_counts:
        return ", ".join(f"{item.item.name(lang())} ({fmt_int(item.reached)})" for item in items)
    return ", ".join(item.item.name(lang()) for item in items)


def gap_list(found: list[Gap], with_suggestions: bool = True) -> None:
    """Each gap as a plain sentence, worst first, with its cautions; with suggestions, each in
    its own box with what could close it, else one compact list."""
    if not found:
        st.success(tr("reach.gaps.none"), icon=":material/check_circle:")
        return
    if not with_suggestions:
        lines = []
        for gap in found:
            notes = " ".join(gap_notes(gap, lang()))
            lines.append(f"- **{plain(gap.sentence)}**" + (f" – {plain(notes)}" if notes else ""))
        with st.container(border=True):
            st.markdown("\n".join(lines))
        return
    for gap in found:
        with st.container(border=True):
            st.markdown(f"**{plain(gap.sentence)}**")
            cautions = gap_notes(gap, lang())
            if cautions:
                st.caption(plain(" ".join(cautions)))
            if gap.target_channels:
                st.markdown(plain(tr("reach.gaps.target_channels", names=_names(gap.target_channels))))
            if gap.target_opportunities:
                st.markdown(
                    plain(tr("reach.gaps.target_opportunities", names=_names(gap.target_opportunities)))
                )
            if gap.best_channels:
                st.markdown(
                    plain(tr("reach.gaps.best_channels", names=_names(gap.best_channels, with_counts=True)))
                )
            if gap.best_opportunities:
                st.markdown(
                    plain(
                        tr(
                            "reach.gaps.best_opportunities",
                            names=_names(gap.best_opportunities, with_counts=True),
                        )
                    )
                )
            if not gap.best_channels and not gap.best_opportunities:
                st.caption(tr("reach.gaps.best_none"))


def representation_table(rows: list[GroupRepresentation]) -> pd.DataFrame:
    """The numbers of the representation chart, formatted the Finnish way."""
    return pd.DataFrame(
        {
            tr("reach.table.group"): [row.group.name(lang()) for row in rows],
            tr("reach.table.participants"): [fmt_int(row.participants) for row in rows],
            tr("reach.table.participant_share"): [fmt_pct(row.participant_share, 1) for row in rows],
            tr("reach.table.population_share"): [fmt_pct(row.population_share, 1) for row in rows],
            tr("reach.table.index"): [fmt_decimal(row.index, 2) for row in rows],
            tr("reach.table.notes"): [_row_notes(row) for row in rows],
        }
    )


def _row_notes(row: GroupRepresentation) -> str:
    notes = []
    if row.too_few:
        notes.append(tr("reach.table.note_small"))
    if row.estimate:
        notes.append(tr("reach.table.note_estimate"))
    if row.kind != AGE:
        notes.append(tr("reach.table.note_foreign"))
    return ", ".join(notes)


def representation_view(rows: list[GroupRepresentation], totals: ReachTotals) -> None:
    """Share of participants vs share of population per group: chart, table and notices."""
    participants, population = tr("reach.chart.participant_share"), tr("reach.chart.population_share")
    data = pd.DataFrame(
        [
            {"group": row.group.name(lang()), "measure": measure, "share": value or 0.0}
            for row in rows
            for measure, value in ((participants, row.participant_share), (population, row.population_share))
        ]
    )
    chart = paired_bars(data, "group", "measure", "share", tr("reach.chart.title"), True)
    caption = tr("reach.denominator", **_denominator_values(totals)) + " " + tr("term.participations_note")
    if any(row.kind != AGE for row in rows):
        caption += " " + tr("reach.foreign_note")
    # Full width, the table under it: beside a table the chart was too narrow for its
    # legend at 200 % zoom.
    chart_with_table(chart, representation_table(rows), caption, ratio=None)
    representation_notices(rows)


def _denominator_values(totals: ReachTotals) -> dict[str, str]:
    return {
        "denominator": fmt_int(totals.age_denominator),
        "actions": fmt_int(totals.actions_with_age),
        "recorded": fmt_int(totals.age_recorded),
        "unknown": fmt_int(totals.age_unknown),
    }


def representation_notices(rows: list[GroupRepresentation]) -> None:
    """Where the population comes from, and the estimate and small-count cautions."""
    if not rows:
        st.info(tr("reach.no_population"))
        return
    years = sorted({row.population.year for row in rows})
    st.caption(tr("reach.population_source", years=", ".join(str(year) for year in years)))
    with st.expander(tr("reach.population_sources")):
        st.dataframe(
            pd.DataFrame(
                {
                    tr("reach.table.group"): [row.group.name(lang()) for row in rows],
                    tr("reach.sources.year"): [
                        str(row.population.year) for row in rows
                    ],  # a year, not a count
                    tr("reach.table.population"): [fmt_int(row.population.count) for row in rows],
                    tr("reach.sources.estimate"): [row.estimate for row in rows],
                    tr("reach.sources.source"): [row.population.source for row in rows],
                    tr("reach.sources.method"): [row.population.method for row in rows],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    cautions = representation_cautions(rows, lang())
    if cautions.estimate:
        st.warning(plain(f"{cautions.estimate} {tr('reach.estimate_hint')}"), icon=":material/info:")
    if cautions.too_few:
        st.info(plain(cautions.too_few), icon=":material/warning:")


def trends_view(rows: list[QuarterTrend]) -> None:
    """Actions per quarter, with the quarter's participants and young people's share."""
    if not rows:
        st.info(tr("reach.trends.none"))
        return
    quarter = tr("reach.trends.quarter")
    actions = tr("reach.trends.actions")
    data = pd.DataFrame({quarter: [row.label for row in rows], actions: [row.actions for row in rows]})
    table = pd.DataFrame(
        {
            quarter: [row.label for row in rows],
            actions: [fmt_int(row.actions) for row in rows],
            tr("reach.trends.participants"): [fmt_int(row.participants) for row in rows],
            tr("reach.trends.youth"): [fmt_int(row.youth) for row in rows],
            tr("reach.trends.youth_share"): [fmt_pct(row.youth_share, 1) for row in rows],
            tr("reach.trends.digital"): [fmt_int(row.digital_actions) for row in rows],
        }
    )
    chart_with_table(
        bars(data, quarter, actions, tr("reach.trends.title"), False),
        table,
        tr("reach.trends.note"),
        ratio=(2, 3),
    )


def actions_table(rows: list[ActionRow], with_group: bool = False) -> None:
    """The actions behind a figure (titles are user text: shown in a table, never as markdown)."""
    if not rows:
        st.caption(tr("reach.actions.none"))
        return
    language = lang()  # once, not per row (up to 500 rows)
    data = {
        tr("reach.actions.title"): [row.title for row in rows],
        tr("reach.actions.department"): [row.department.name(language) for row in rows],
        tr("reach.actions.start"): [row.start_date for row in rows],
        tr("reach.actions.participants"): fmt_ints(row.participants_total for row in rows),
    }
    if with_group:
        data[tr("reach.actions.group_count")] = [row.group_count for row in rows]
    data[tr("reach.actions.feedback")] = [row.feedback_given for row in rows]
    data[tr("reach.actions.opportunity")] = [
        in_language(language, row.opportunity_fi, row.opportunity_en) for row in rows
    ]
    st.dataframe(
        pd.DataFrame(data),
        hide_index=True,
        width="stretch",
        column_config={tr("reach.actions.start"): st.column_config.DateColumn(format="D.M.YYYY")},
    )
