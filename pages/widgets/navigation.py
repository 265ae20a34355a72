"""The page registry (which file draws which page key, under which menu section) and the
menu itself.

Streamlit's own sectioned sidebar menu is invalid markup (a `ul` holding `div`s, axe `list`
and `listitem`), so the app hides it and draws its own: `st.page_link`s (keyboard-reachable,
no page reload) under a label per section, made a navigation landmark with one list per
section and the current page marked `aria-current` by page_semantics.js, which also sets
`<html lang>` to the chosen language.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from data_model.permissions import pages_for

from .texts import lang, tr

NAV_KEY = "app_nav"  # the sidebar container the menu is drawn in (page_semantics.js finds it)
SEMANTICS_JS = (Path(__file__).with_name("page_semantics.js")).read_text(encoding="utf-8")


@dataclass(frozen=True)
class PageEntry:
    key: str
    path: str
    section: str
    icon: str


PAGE_FILES: dict[str, PageEntry] = {
    entry.key: entry
    for entry in (
        PageEntry("overview", "pages/reports/overview.py", "reports", ":material/dashboard:"),
        PageEntry("reach", "pages/reports/reach.py", "reports", ":material/groups:"),
        PageEntry("council", "pages/reports/council.py", "reports", ":material/description:"),
        PageEntry("targets", "pages/reports/targets.py", "reports", ":material/flag:"),
        PageEntry("evaluation", "pages/reports/evaluation.py", "reports", ":material/fact_check:"),
        PageEntry("swot", "pages/programme/swot.py", "programme", ":material/grid_view:"),
        PageEntry("catalogue", "pages/programme/catalogue.py", "programme", ":material/list:"),
        PageEntry("steps", "pages/programme/steps.py", "programme", ":material/stairs:"),
        PageEntry("channels", "pages/programme/channels.py", "programme", ":material/campaign:"),
        PageEntry(
            "responsibilities", "pages/programme/responsibilities.py", "programme", ":material/task_alt:"
        ),
        PageEntry("log_action", "pages/manage/log_action.py", "manage", ":material/add_circle:"),
        PageEntry("actions", "pages/manage/actions.py", "manage", ":material/table:"),
        PageEntry("import_actions", "pages/manage/import_actions.py", "manage", ":material/upload:"),
        PageEntry("reports", "pages/manage/reports.py", "manage", ":material/summarize:"),
        PageEntry("initiatives", "pages/manage/initiatives.py", "manage", ":material/how_to_vote:"),
        PageEntry("programme_admin", "pages/manage/settings.py", "admin", ":material/edit_note:"),
        PageEntry("experience", "pages/manage/experience.py", "admin", ":material/mood:"),
        PageEntry("users", "pages/manage/users.py", "admin", ":material/manage_accounts:"),
        PageEntry("audit", "pages/manage/audit.py", "admin", ":material/history:"),
    )
}


# Pages outside the role table that every logged-in user has (see app.py).
ACCOUNT_URL_PATHS = ("home", "change_password")


def protected_url_paths() -> list[str]:
    """The address of every page that needs a login."""
    return [*PAGE_FILES, *ACCOUNT_URL_PATHS]


def page(entry: PageEntry, default: bool = False) -> st.Page:
    return st.Page(
        entry.path, title=tr(f"page.{entry.key}"), icon=entry.icon, url_path=entry.key, default=default
    )


def pages_by_section(role: str | None, default_first: bool = True) -> dict[str, list[st.Page]]:
    """The navigation for a role, grouped by menu section; only permitted pages exist."""
    sections: dict[str, list[st.Page]] = {}
    for number, key in enumerate(pages_for(role)):
        entry = PAGE_FILES[key]
        sections.setdefault(tr(f"nav.section.{entry.section}"), []).append(
            page(entry, default=default_first and number == 0)
        )
    return sections


def draw_navigation(
    area: DeltaGenerator, sections: Mapping[str, Sequence[st.Page]], current: st.Page
) -> None:
    """The menu of `sections` (hidden pages left out) in `area`, `current` marked."""
    lists: dict[str, str] = {}
    with area:
        for number, (title, pages) in enumerate(sections.items()):
            shown = [entry for entry in pages if entry.visibility != "hidden"]
            if not shown:
                continue
            key = f"nav_list_{number}"
            lists[key] = title
            st.markdown(f"**{title}**")  # section names come from the catalogues
            with st.container(key=key, gap=None):
                for entry in shown:
                    st.page_link(entry, width="stretch")
        settings = {"lang": lang(), "label": tr("nav.label"), "current": current.url_path, "lists": lists}
        # "</" cannot end the script early: json.dumps leaves "/" alone, so escape it here.
        config = json.dumps(settings, ensure_ascii=False).replace("</", "<\\/")
        st.html(
            f"<script>{{ const settings = {config};\n{SEMANTICS_JS}}}</script>", unsafe_allow_javascript=True
        )
