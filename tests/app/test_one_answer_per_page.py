"""One answer per question on a page and between pages: a channel's group is reached or not,
never both; the home page and the catalogue count the same statutory opportunities."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from data_model.formatting import fmt_count
from data_model.i18n import t
from tests.app.programme_text import shown_text


def test_a_channel_group_is_never_both_reached_and_not_reached(open_app: Callable[..., AppTest]) -> None:
    at = open_app("koordinaattori", page="pages/programme/channels.py")
    assert not at.exception
    table = at.table[0].value
    reached_column, missed_column = t("channels.col.reached_intended"), t("channels.col.not_reached")
    web = table[table[t("channels.col.name")] == "Kaupungin nettisivut"].iloc[0]
    # The 2023 survey was on the web page: residents reached, businesses and the rest not.
    assert "Matkailijat" in web[missed_column]
    for _, row in table.iterrows():
        reached = [part.rsplit(" ", 1) for part in str(row[reached_column]).split(", ") if part != "–"]
        missed = {part for part in str(row[missed_column]).split(", ") if part != "–"}
        assert not {name for name, _count in reached} & missed, row[t("channels.col.name")]
        assert all(count != "0" for _name, count in reached), row[t("channels.col.name")]


def test_home_and_catalogue_count_the_same_statutory_opportunities(open_app: Callable[..., AppTest]) -> None:
    # The seed's catalogue: 9 statutory opportunities and 1 partly statutory one.
    home = shown_text(open_app("valtuutettu"))
    assert fmt_count(9, "statutory_right") in home
    assert fmt_count(1, "partly_statutory_right") in home
    catalogue = open_app("valtuutettu", page="pages/programme/catalogue.py")
    assert t("catalogue.statutory_title", statutory="9", partly="1") in [e.label for e in catalogue.expander]
