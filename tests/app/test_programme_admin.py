"""The coordinator edits the programme on "Ohjelman sisältö": the change shows on the programme
pages and in the audit log; a bad value keeps the form and says why; other roles get no page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import streamlit as st
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.db import session_factory, transaction
from data_model.demo import load_demo
from data_model.i18n import t
from data_model.models import Opportunity, PopulationFigure, Setting, SwotItem
from data_model.services.programme_fields import ENTITIES
from tests.app.admin_tabs import SETTINGS_PAGE, TAB_KEY, open_tab
from tests.app.programme_text import shown_text
from tests.app.test_statements_per_page import TARGET
from tests.sql_statements import sql_statements
from tests.unit.programme_fixture import audit_entries, id_of


def test_coordinator_edits_a_swot_item(open_app: Callable[..., AppTest], app_engine: Engine) -> None:
    item_id = id_of(app_engine, SwotItem, "t_taloudellinen_tilanne")
    at = open_app("koordinaattori", page=SETTINGS_PAGE)
    assert not at.exception, at.exception
    at.selectbox(key="pa_pick_swot").set_value(item_id).run()
    at.text_area(key=f"pa_swot_{item_id}_text_fi").input("Säästöt uhkaavat <b>osallisuutta</b>")
    at.selectbox(key=f"pa_swot_{item_id}_indicator").set_value("actions_logged")
    at.button(key=f"pa_submit_swot_{item_id}").click().run()
    assert not at.exception, at.exception
    assert "Tallennettu. Muutos näkyy sivuilla ja muutoslokissa." in [s.value for s in at.success]
    entry = audit_entries(app_engine)[-1]
    assert (entry.event, entry.entity, entry.entity_id, entry.username) == (
        "update",
        "swot_item",
        item_id,
        "koordinaattori",
    )
    assert entry.before and entry.before["text_fi"].startswith("Taloudellinen tilanne")
    assert entry.after and entry.after["text_fi"] == "Säästöt uhkaavat <b>osallisuutta</b>"

    at.switch_page("pages/programme/swot.py").run()
    text = shown_text(at)
    # shown as text, markup and all, with its new indicator
    assert "Säästöt uhkaavat <b>osallisuutta</b>" in text
    assert "Taloudellinen tilanne vaatii" not in text
    assert text.count("Ei mittaria.") == 4


def test_coordinator_retires_an_opportunity(open_app: Callable[..., AppTest], app_engine: Engine) -> None:
    item_id = id_of(app_engine, Opportunity, "osallistuva_budjetointi")
    at = open_tab(open_app("koordinaattori", page=SETTINGS_PAGE), "opportunity")
    at.selectbox(key="pa_pick_opportunity").set_value(item_id).run()
    at.button(key=f"pa_toggle_opportunity_{item_id}").click().run()
    assert "Poistettu käytöstä. Historia säilyy." in [s.value for s in at.success]
    assert audit_entries(app_engine)[-1].event == "retire"
    at.switch_page("pages/programme/catalogue.py").run()
    assert "Osallistuva budjetointi" not in shown_text(at)
    with session_factory(app_engine)() as session:
        assert session.get(Opportunity, item_id) is not None


def test_bad_value_is_refused_and_the_form_keeps_it(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    item_id = id_of(app_engine, Opportunity, "asukaskyselyt")
    entries = len(audit_entries(app_engine))
    at = open_tab(open_app("koordinaattori", page=SETTINGS_PAGE), "opportunity")
    at.selectbox(key="pa_pick_opportunity").set_value(item_id).run()
    at.text_input(key=f"pa_opportunity_{item_id}_name_fi").input("Kyselyt 2.0")
    at.selectbox(key=f"pa_opportunity_{item_id}_statutory").set_value("statutory")
    at.button(key=f"pa_submit_opportunity_{item_id}").click().run()
    assert any("Lakiperuste" in error.value for error in at.error)
    # nothing written, and what was typed is still in the form
    assert len(audit_entries(app_engine)) == entries
    assert at.text_input(key=f"pa_opportunity_{item_id}_name_fi").value == "Kyselyt 2.0"


def test_thresholds_are_validated_and_saved(open_app: Callable[..., AppTest], app_engine: Engine) -> None:
    at = open_tab(open_app("koordinaattori", page=SETTINGS_PAGE), "settings")
    at.text_input(key="pa_setting_gap_threshold").input("1,5")
    at.text_input(key="pa_setting_unused_months").input("6")
    at.button(key="pa_submit_settings").click().run()
    assert any("enintään 1" in error.value for error in at.error)
    with session_factory(app_engine)() as session:
        # all or nothing: the good value was not saved either
        assert session.get(Setting, "unused_months").value == "12"  # type: ignore[union-attr]
    at.text_input(key="pa_setting_gap_threshold").input("0,4")
    at.button(key="pa_submit_settings").click().run()
    assert not at.error
    with session_factory(app_engine)() as session:
        assert session.get(Setting, "gap_threshold").value == "0.4"  # type: ignore[union-attr]
        assert session.get(Setting, "unused_months").value == "6"  # type: ignore[union-attr]
    at.switch_page("pages/programme/catalogue.py").run()
    assert "käyttämättä viimeisten 6 kk aikana" in shown_text(at)


@pytest.mark.parametrize("username", ["toimialajohtaja", "toimialajohtaja2", "valtuutettu"])
def test_other_roles_do_not_get_the_page(open_app: Callable[..., AppTest], username: str) -> None:
    at = open_app(username)
    with pytest.raises(ValueError):
        at.switch_page(SETTINGS_PAGE)


def test_population_figures_are_listed_by_group_name(open_app: Callable[..., AppTest]) -> None:
    """The picker listed internal codes: '2024 · youth_15_29'."""
    at = open_tab(open_app("koordinaattori", page=SETTINGS_PAGE), "population")
    options = at.selectbox(key="pa_pick_population").options
    assert "2024 · Nuoret (15–29 v)" in options, options
    assert not any("youth_15_29" in option or "_" in option for option in options)


def test_population_form_warns_when_the_age_groups_do_not_add_up(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_tab(open_app("koordinaattori", page=SETTINGS_PAGE), "population")
    assert not [w for w in at.warning if "ikäryhmien" in w.value]  # the seed's figures add up
    with session_factory(app_engine)() as session, session.begin():
        session.add(PopulationFigure(year=2031, audience_group_id=None, count=17_000, source="ennuste"))
    at = open_tab(open_app("koordinaattori", page=SETTINGS_PAGE), "population")
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning]
    assert any(w.startswith("Vuoden 2031 ikäryhmien väkiluvut ovat yhteensä 0") for w in warnings), warnings
    at = open_app("koordinaattori")
    at.session_state["lang"] = "en"
    at.session_state[TAB_KEY] = t("programme_admin.tab.population", "en")  # opened in English
    at.switch_page(SETTINGS_PAGE).run()
    assert any("in 2031 add up to 0" in w.value for w in at.warning), [w.value for w in at.warning]


def test_every_tab_renders_cold_within_the_statement_target(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    """Issue 12: at most 15 statements per cold render, for each tab (only the open one runs;
    all of them together ran 94, a lazy load per item's group, form and actor)."""
    with transaction(app_engine) as session:
        load_demo(session)
    at = open_app("koordinaattori", page=SETTINGS_PAGE)
    for tab in (*ENTITIES, "official", "settings", "editions"):
        at = open_tab(at, tab)
        st.cache_data.clear()
        with sql_statements() as seen:
            at.run()
        assert not at.exception, (tab, at.exception)
        assert len(seen) <= TARGET, (tab, len(seen))
