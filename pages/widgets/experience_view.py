"""The experience of participation beside the reach of the same group: each trend in words, then
one table of every year's result with its respondents and the group's reach, and the
small-sample caution (data_model.metrics.cautions) wherever it applies. Drawn on the Reach page;
a public page can draw the same trends."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_model.metrics.cautions import sample_caution
from data_model.metrics.experience import ExperienceTrend

from .formats import fmt_count, fmt_decimal, fmt_pct
from .markdown import plain
from .texts import lang, say, tr


def _value(trend: ExperienceTrend, score: float | None, agree: float | None) -> str:
    if trend.uses_score:
        return fmt_decimal(score, 0)
    return fmt_pct((agree or 0) / 100)


def group_name(trend: ExperienceTrend) -> str:
    return trend.group.name(lang()) if trend.group is not None else tr("experience.group.everyone")


def experience_view(trends: list[ExperienceTrend]) -> None:
    """Every survey's trend per group beside its reach, or a note that none is recorded."""
    if not trends:
        st.info(tr("experience.none"))
        return
    st.markdown("\n".join(f"- {plain(say(trend.sentence()))}" for trend in trends))
    rows = []
    cautions = []
    for trend in trends:
        for point in trend.points:
            caution = sample_caution(point.respondents, lang())
            if caution:
                cautions.append(f"{plain(group_name(trend))} {point.year}: {caution}")
            rows.append(
                {
                    tr("experience.col.survey"): tr(f"experience.survey.{trend.survey}"),
                    tr("experience.col.group"): group_name(trend),
                    tr("experience.col.year"): str(point.year),
                    tr("experience.col.result"): _value(trend, point.score, point.agree_pct),
                    tr("experience.col.respondents"): fmt_count(point.respondents, "respondent")
                    + (f" ⚠ {tr('experience.small')}" if point.small_sample else ""),
                    tr("experience.col.reach"): (
                        fmt_pct(point.reach.share)
                        if point.reach.share is not None
                        else fmt_count(point.reach.participants, "participant")
                    ),
                    tr("experience.col.source"): point.source_name,
                    tr("experience.col.link"): point.source_url or None,
                }
            )
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        column_config={tr("experience.col.link"): st.column_config.LinkColumn(tr("experience.col.link"))},
    )
    for caution in cautions:
        st.warning(caution, icon=":material/warning:")
    st.caption(tr("experience.scope"))
