"""How a target is drawn: its status in words with an icon, the value now against the
expected value, the forecast and its range, the cautions, and the decision behind it."""

from __future__ import annotations

import streamlit as st

from data_model.metrics.targets import TargetProgress, TargetRow, progress_name, target_title

from .formats import fmt_date
from .markdown import plain
from .texts import say, tr

ICONS = {
    "missed": ":material/cancel:",
    "at_risk": ":material/warning:",
    "on_track": ":material/trending_up:",
    "reached": ":material/check_circle:",
    None: ":material/help:",
}


def decided_line(row: TargetRow) -> str:
    """Who set the target, where, and its period, as one caption (escaped: typed text)."""
    parts = [
        tr(f"targets.set_by.{row.set_by}"),
        row.decision,
        tr("targets.period", start=fmt_date(row.period_start), end=fmt_date(row.period_end)),
    ]
    return plain(" · ".join(part for part in parts if part))


def progress_card(progress: TargetProgress) -> None:
    """One target in a bordered box; whatever the caller adds after it goes inside too."""
    st.markdown(f"**{plain(say(target_title(progress.target)))}**")
    st.markdown(f"{ICONS[progress.progress]} **{plain(say(progress_name(progress)))}**")
    st.markdown(plain(say(progress.summary)))
    for caution in progress.caution_texts:
        st.info(plain(say(caution)), icon=":material/info:")
    if progress.outlook is not None:
        st.caption(plain(say(progress.outlook)))
    st.caption(decided_line(progress.target))


def overview_targets(rows: list[TargetProgress], total: int) -> None:
    """The few targets that matter, for the overview, with the way to all of them."""
    st.header(tr("targets.overview_heading"))
    if not rows:
        st.caption(tr("targets.overview_none"))
    for progress in rows:
        with st.container(border=True):
            progress_card(progress)
    if total > len(rows):
        st.caption(tr("targets.overview_more", shown=len(rows), total=total))
    st.page_link("pages/reports/targets.py", label=tr("targets.overview_link"), icon=":material/flag:")
