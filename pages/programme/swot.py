"""SWOT as a 2×2 board; each item with its live indicator and trend, or "no indicator"."""

import streamlit as st

from data_model import clock
from data_model.metrics.swot import SwotCard, swot_board
from pages.widgets.data import read
from pages.widgets.editions import edition_selector
from pages.widgets.freshness import freshness_note
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.programme_view import pick, scope_note, trend_words
from pages.widgets.texts import say, tr

QUADRANT_ROWS = (("strength", "weakness"), ("opportunity", "threat"))

user = page_user("swot")
st.title(tr("page.swot"))
st.write(tr("swot.intro"))
edition = edition_selector(user, clock.today())
scope_note(edition.window.as_of(clock.today()))

cards = read(swot_board, user, clock.today(), edition=edition.window)


def draw_card(card: SwotCard) -> None:
    with st.container(border=True):
        st.markdown(plain(pick(card.text_fi, card.text_en)))
        value = card.indicator
        if value is None:
            st.caption(tr("swot.no_indicator"))
            return
        st.markdown(
            tr(
                "swot.indicator_line",
                label=plain(say(value.label)),
                value=plain(say(value.text)),
                trend=trend_words(value.trend),
            )
        )
        notes = [say(value.basis)]
        if value.small_sample and value.sample > 0:
            notes.append(tr("swot.small_sample", n=value.sample))
        st.caption(" ".join(notes))


for row in QUADRANT_ROWS:
    for column, quadrant in zip(st.columns(2), row, strict=True):
        with column:
            st.subheader(tr(f"term.quadrant.{quadrant}"))
            items = [card for card in cards if card.quadrant == quadrant]
            if not items:
                st.caption(tr("swot.empty"))
            for card in items:
                draw_card(card)

freshness_note(user)
