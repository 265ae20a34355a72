"""Entry point: page chrome, language, login, and the navigation the user's role allows.

Before login only the login page, the public view (public aggregates only, issue 15) and the
accessibility statement exist in the navigation, so no other page can run, whatever URL is
asked for.
"""

import streamlit as st

from data_model.config import ConfigurationError, cookie_key, load_settings
from data_model.logs import configure_logging
from pages.widgets.auth import account_sidebar, password_changed_notice, signed_in_user
from pages.widgets.data import start_script_run
from pages.widgets.errors import error_boundary
from pages.widgets.navigation import NAV_KEY, draw_navigation, pages_by_section, protected_url_paths
from pages.widgets.styles import page_styles
from pages.widgets.texts import demo_banner, language_switch, tr

st.set_page_config(page_title="Osallistuva Heinola", page_icon=":material/diversity_3:", layout="wide")
configure_logging()
start_script_run()

try:
    key = cookie_key(load_settings())
except ConfigurationError as error:
    # Outside demo mode a missing or weak key would let anyone forge a login cookie.
    st.error(str(error), icon=":material/key_off:")
    st.stop()

page_styles()
# The menu heads the sidebar; it is filled in once the role's pages are known.
menu = st.sidebar.container(key=NAV_KEY)
language_switch()
demo_banner()

accessibility = st.Page(
    "pages/public/accessibility.py",
    title=tr("page.accessibility"),
    icon=":material/accessibility_new:",
    url_path="accessibility",
)
# The public view opens without login (issue 15) and stays in every logged-in user's menu.
public_view = st.Page(
    "pages/public/public_view.py",
    title=tr("page.public"),
    icon=":material/public:",
    url_path="public",
)
# The login check is the first to touch the database: an unreachable one is said here.
with error_boundary():
    signed_in = signed_in_user(key)

if signed_in is None:
    # The default page answers only at "/": Streamlit finds a page by an address only among
    # the other pages, so /login is one of the hidden stand-ins below, not this page's
    # url_path (that would show Streamlit's English "Page not found" dialog on /login).
    login = st.Page(
        "pages/public/login.py",
        title=tr("page.login"),
        icon=":material/login:",
        url_path="",
        default=True,
    )
    # Every other page's address also opens the login form (not a "page not found"), and
    # after login the same address shows the page that was asked for.
    stand_ins = [
        st.Page("pages/public/login.py", title=tr("page.login"), url_path=url_path, visibility="hidden")
        for url_path in ("login", *protected_url_paths())
    ]
    sections = {tr("nav.section.public"): [login, public_view, accessibility, *stand_ins]}
    landing_page = login
else:
    account_sidebar(signed_in)
    change_password = st.Page(
        "pages/account/change_password.py",
        title=tr("page.change_password"),
        icon=":material/password:",
        url_path="change_password",
    )
    account = {tr("nav.section.account"): [change_password, accessibility]}
    if signed_in.must_change_password:
        # A one-time password must be replaced before any other page opens. "/" draws the
        # password page through a hidden stand-in, so the page itself keeps /change_password
        # (a default page is found only at "/").
        sections = account
        landing, landing_page = "pages/account/change_password.py", change_password
        root = [st.Page(landing, title=landing_page.title, url_path="", default=True, visibility="hidden")]
    else:
        landing = "pages/public/home.py"
        landing_page = st.Page(
            landing,
            title=tr("page.home"),
            icon=":material/home:",
            url_path="",  # at "/" only; /home is a stand-in below, as /login is before login
            default=True,
        )
        sections = {tr("nav.section.public"): [landing_page, public_view]}
        sections.update(pages_by_section(signed_in.user.role, default_first=False))
        sections |= account
        root = []
    # Every other known address (the login form's, another role's page, any page while a
    # one-time password is in use) opens the page the user is sent to, not "page not found".
    present = {page.url_path for pages in sections.values() for page in pages}
    stand_ins = root + [
        st.Page(landing, title=landing_page.title, url_path=url_path, visibility="hidden")
        for url_path in ("login", *protected_url_paths())
        if url_path not in present
    ]
    sections[tr("nav.section.account")] = sections[tr("nav.section.account")] + stand_ins
# Streamlit's own menu is invalid markup: hidden, and drawn by draw_navigation instead.
navigation = st.navigation(sections, position="hidden")
# A stand-in draws its landing page: the menu marks that page as the one open.
stand_in_paths = {page.url_path for page in stand_ins}
draw_navigation(menu, sections, landing_page if navigation.url_path in stand_in_paths else navigation)
with error_boundary():
    password_changed_notice()
    navigation.run()
