"""The coordinator's editions tab on "Ohjelman sisältö": start the next edition from the one in
force, edit and retire items in it (the earlier edition's stay), and record its approval,
which puts it in force on the programme pages. Every step is in the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from data_model import clock
from data_model.db import session_factory
from data_model.models import Opportunity, ProgrammeEdition, SwotItem
from tests.app.admin_tabs import open_tab
from tests.app.programme_text import shown_text
from tests.unit.programme_fixture import audit_entries

SETTINGS_PAGE = "pages/manage/settings.py"
NEW_NAME = "Osallistuva Heinola 2026–2029"


def _row(engine: Engine, model: type, code: str, edition_id: int) -> int:
    with session_factory(engine)() as session:
        return session.scalars(
            select(model.id).where(model.code == code, model.edition_id == edition_id)
        ).one()  # type: ignore[attr-defined]


def test_the_coordinator_starts_edits_and_approves_the_next_edition(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    start = min(date(2026, 1, 1), clock.today())
    at = open_tab(open_app("koordinaattori", page=SETTINGS_PAGE), "editions")
    assert not at.exception, at.exception
    at.text_input(key="pa_ed_new_name_fi").input(NEW_NAME)
    at.date_input(key="pa_ed_new_period_start").set_value(start)
    at.date_input(key="pa_ed_new_period_end").set_value(date(2029, 12, 31))
    at.button(key="pa_ed_new_submit").click().run()
    assert not at.exception, at.exception
    assert "Uusi painos aloitettu. Sen kohtia muokataan nyt välilehdillä." in [s.value for s in at.success]
    with session_factory(app_engine)() as session:
        seeded, new = session.scalars(select(ProgrammeEdition).order_by(ProgrammeEdition.id)).all()
    assert (new.name_fi, new.approved_on, new.based_on_id) == (NEW_NAME, None, seeded.id)
    assert audit_entries(app_engine)[-1].entity == "programme_edition"
    # The content tabs now edit the new edition (the draft): change a SWOT item, retire an opportunity.
    assert at.selectbox(key="pa_edition").value == new.id
    swot_id = _row(app_engine, SwotItem, "t_taloudellinen_tilanne", new.id)
    at = open_tab(at, "swot")
    at.selectbox(key="pa_pick_swot").set_value(swot_id).run()
    at.text_area(key=f"pa_swot_{swot_id}_text_fi").input("Uuden painoksen uhka")
    at.button(key=f"pa_submit_swot_{swot_id}").click().run()
    budgeting_id = _row(app_engine, Opportunity, "osallistuva_budjetointi", new.id)
    at = open_tab(at, "opportunity")
    at.selectbox(key="pa_pick_opportunity").set_value(budgeting_id).run()
    at.button(key=f"pa_toggle_opportunity_{budgeting_id}").click().run()
    assert not at.exception, at.exception
    assert [entry.event for entry in audit_entries(app_engine)[-2:]] == ["update", "retire"]
    with session_factory(app_engine)() as session:
        old_swot = session.get(SwotItem, _row(app_engine, SwotItem, "t_taloudellinen_tilanne", seeded.id))
        old_budgeting = session.get(
            Opportunity, _row(app_engine, Opportunity, "osallistuva_budjetointi", seeded.id)
        )
        assert old_swot is not None and old_swot.text_fi.startswith("Taloudellinen tilanne")
        assert old_budgeting is not None and old_budgeting.active
        retired = session.get(Opportunity, budgeting_id)
        assert retired is not None and not retired.active  # kept with its history, not deleted

    # Still a draft: the pages show the seeded edition. Record the approval: in force.
    at.switch_page("pages/programme/swot.py").run()
    assert "Uuden painoksen uhka" not in shown_text(at)
    at = open_tab(at.switch_page(SETTINGS_PAGE), "editions")
    at.selectbox(key=f"pa_ed_{new.id}_approved_by").set_value("council")
    at.date_input(key=f"pa_ed_{new.id}_approved_on").set_value(date(2026, 3, 16))
    at.text_input(key=f"pa_ed_{new.id}_approval_section").input("§ 31")
    at.button(key=f"pa_ed_{new.id}_submit").click().run()
    assert not at.exception, at.exception
    assert "Painos tallennettu. Muutos näkyy sivuilla ja muutoslokissa." in [s.value for s in at.success]
    entry = audit_entries(app_engine)[-1]
    assert (entry.event, entry.entity, entry.after and entry.after["approval_section"]) == (
        "update",
        "programme_edition",
        31,
    )
    at.switch_page("pages/programme/swot.py").run()
    assert "Uuden painoksen uhka" in shown_text(at)
    at.switch_page("pages/programme/catalogue.py").run()
    text = shown_text(at)
    assert "Osallistuva budjetointi" not in text and NEW_NAME in text
    at.selectbox(key="programme_edition").set_value(seeded.id).run()
    assert "Osallistuva budjetointi" in shown_text(at)


def test_a_bad_next_edition_keeps_the_form_and_says_why(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    at = open_tab(open_app("koordinaattori", page=SETTINGS_PAGE), "editions")
    at.text_input(key="pa_ed_new_name_fi").input("Osallistuva Heinola 2023–2025")
    at.date_input(key="pa_ed_new_period_start").set_value(date(2026, 1, 1))
    at.date_input(key="pa_ed_new_period_end").set_value(date(2029, 12, 31))
    at.button(key="pa_ed_new_submit").click().run()
    assert not at.exception, at.exception
    assert "Ohjelmalla on jo painos nimeltä Osallistuva Heinola 2023–2025." in [e.value for e in at.error]
    with session_factory(app_engine)() as session:
        assert len(session.scalars(select(ProgrammeEdition)).all()) == 1
