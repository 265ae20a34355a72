// What Streamlit's markup cannot say by itself, added to the page after each render:
// the page's language, the navigation landmark, its lists and the current page.
// `settings` ({lang, label, current, lists}) is set by navigation.py just before this runs.
(() => {
  const state = (window.heinolaSemantics = window.heinolaSemantics || {});
  Object.assign(state, settings);
  const set = (element, name, value) => {
    if (value === null) {
      element.removeAttribute(name);
    } else if (element.getAttribute(name) !== value) {
      element.setAttribute(name, value);
    }
  };
  const apply = () => {
    set(document.documentElement, "lang", state.lang);
    const nav = document.querySelector(".st-key-app_nav");
    if (!nav) return;
    set(nav, "role", "navigation");
    set(nav, "aria-label", state.label);
    for (const [key, title] of Object.entries(state.lists)) {
      const list = nav.querySelector(`.st-key-${key}`);
      if (!list) continue;
      set(list, "role", "list");
      set(list, "aria-label", title);
      for (const item of list.children) set(item, "role", "listitem");
    }
    nav.querySelectorAll("a[data-testid='stPageLink-NavLink']").forEach((link) => {
      // The default page's href is empty; the others' are their url_path.
      const href = (link.getAttribute("href") || "").split(/[?#]/)[0];
      const path = href.replace(/^\/+|\/+$/g, "").split("/").pop();
      set(link, "aria-current", path === state.current ? "page" : null);
    });
  };
  apply();
  if (!state.observer) {
    // Streamlit redraws the sidebar on every run: keep the attributes on what it draws.
    state.observer = new MutationObserver(apply);
    state.observer.observe(document.body, { childList: true, subtree: true });
  }
})();
