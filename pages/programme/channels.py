"""All communication channels: goal, target groups, content, how often each was used, and
whom the actions using it reached compared with the groups it is meant for."""

import streamlit as st

from data_model import clock
from data_model.metrics.channels import ChannelUsage, GroupReach, channel_usage
from pages.widgets.data import read
from pages.widgets.editions import edition_selector
from pages.widgets.formats import fmt_count, fmt_int
from pages.widgets.freshness import freshness_note
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.programme_view import date_or_never, pick, scope_note, show_table
from pages.widgets.texts import lang, tr

user = page_user("channels")
st.title(tr("page.channels"))
st.write(tr("channels.intro"))
edition = edition_selector(user, clock.today())
scope_note(edition.window.as_of(clock.today()))

channels = read(channel_usage, user, edition=edition.window)
unused = [channel for channel in channels if channel.times_used == 0]
st.markdown(tr("channels.summary", total=fmt_count(len(channels), "channel"), unused=fmt_int(len(unused))))


def groups(found: tuple[GroupReach, ...]) -> str:
    return ", ".join(f"{pick(g.name_fi, g.name_en)} {fmt_int(g.participants)}" for g in found) or "–"


def row(channel: ChannelUsage) -> dict[str, object]:
    missed = channel.intended_not_reached if channel.times_used else ()
    return {
        tr("channels.col.name"): pick(channel.name_fi, channel.name_en),
        tr("channels.col.target_groups"): channel.target_groups_text(lang()),
        tr("channels.col.times_used"): channel.times_used,
        tr("channels.col.last_used"): date_or_never(channel.last_used),
        tr("channels.col.participants"): channel.participants_total,
        tr("channels.col.reached_intended"): groups(channel.intended_reached),
        tr("channels.col.not_reached"): (
            ", ".join(pick(g.name_fi, g.name_en) for g in missed) if missed else "–"
        ),
        tr("channels.col.reached_others"): groups(channel.other_groups),
    }


show_table([row(channel) for channel in channels])
st.caption(tr("channels.reach_note"))

st.subheader(tr("channels.details_title"))
for channel in channels:
    # Expander labels render markdown: the coordinator-editable name is escaped to plain text.
    with st.expander(plain(pick(channel.name_fi, channel.name_en))):
        for label, text in (
            # Details are names of sites and pages, the same in both languages.
            (tr("channels.col.details"), channel.details_fi),
            (tr("channels.col.goals"), pick(channel.goals_fi, channel.goals_en)),
            (tr("channels.col.target_groups"), channel.target_groups_text(lang())),
            (tr("channels.col.content"), pick(channel.content_fi, channel.content_en)),
        ):
            if text:
                st.caption(label)
                st.text(text)
        if channel.times_used == 0:
            st.text(tr("channels.never_used"))
        elif channel.unknown_totals:
            st.text(tr("channels.unknown_totals", n=fmt_count(channel.unknown_totals, "plain_action")))
freshness_note(user)
