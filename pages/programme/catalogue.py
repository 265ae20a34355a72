"""The opportunity catalogue by participation form: statutory items with their legal basis,
how often and when each was used, by which departments; unused ones said in words."""

import streamlit as st

from data_model import clock
from data_model.metrics.catalogue import OpportunityUsage, catalogue_usage
from data_model.metrics.programme import statutory_counts
from pages.widgets.data import read
from pages.widgets.editions import edition_selector
from pages.widgets.formats import fmt_count, fmt_int
from pages.widgets.freshness import freshness_note
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.programme_view import date_or_never, pick, scope_note, show_table
from pages.widgets.texts import lang, tr

user = page_user("catalogue")
st.title(tr("page.catalogue"))
edition = edition_selector(user, clock.today())
usage = read(catalogue_usage, user, clock.today(), edition=edition.window)
st.write(tr("catalogue.intro", months=fmt_count(usage.unused_months, "months_within")))
scope_note(edition.window.as_of(clock.today()))

distinct = {item.code: item for form in usage.forms for item in form.opportunities}
unused = [item for item in distinct.values() if item.unused]
st.markdown(
    tr(
        "catalogue.summary",
        total=fmt_count(len(distinct), "opportunity"),
        used=fmt_int(len(distinct) - len(unused)),
        unused=fmt_int(len(unused)),
        months=fmt_count(usage.unused_months, "months_short"),
    )
)


def row(item: OpportunityUsage) -> dict[str, object]:
    return {
        tr("catalogue.col.name"): pick(item.name_fi, item.name_en),
        tr("catalogue.col.status"): (
            tr("catalogue.unused", months=fmt_count(usage.unused_months, "months_short"))
            if item.unused
            else tr("catalogue.in_use")
        ),
        tr("catalogue.col.statutory"): tr(f"term.statutory.{item.statutory}")
        + (f": {item.legal_basis_in(lang())}" if item.legal_basis else ""),
        tr("catalogue.col.times_used"): item.times_used,
        tr("catalogue.col.last_used"): date_or_never(item.last_used),
        tr("catalogue.col.departments"): ", ".join(item.departments) or "–",
    }


for form in usage.forms:
    st.subheader(plain(pick(form.name_fi, form.name_en)))
    if not form.opportunities:
        st.caption(tr("catalogue.empty_form"))
        continue
    # Unused first, so they stand out even before reading the status column.
    ordered = sorted(form.opportunities, key=lambda item: not item.unused)
    show_table([row(item) for item in ordered])

statutory = [item for item in distinct.values() if item.statutory != "voluntary"]
counts = read(statutory_counts, user, edition=edition.window)
with st.expander(
    tr("catalogue.statutory_title", statutory=fmt_int(counts["statutory"]), partly=fmt_int(counts["partly"]))
):
    for item in statutory:
        st.text(f"{pick(item.name_fi, item.name_en)} — {item.legal_basis_in(lang()) or '–'}")
freshness_note(user)
