"""Tavoittavuus ja aukot: representation against the population, gaps with what could close
them, coverage heat maps, trends, and the actions behind any cell."""

import pandas as pd
import streamlit as st

from data_model import clock
from data_model.metrics.coverage import Matrix
from data_model.metrics.drilldown import actions_behind, filter_options
from data_model.metrics.experience import experience_trends
from data_model.metrics.filters import MetricFilters, as_of_day
from data_model.metrics.reach_page import reach_page_figures
from pages.widgets.charts import bars, chart_with_table, heatmap
from pages.widgets.data import read
from pages.widgets.experience_view import experience_view
from pages.widgets.filters import report_header
from pages.widgets.formats import fmt_count, fmt_date, fmt_decimal, fmt_int
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.metric_views import actions_table, gap_list, representation_view, trends_view
from pages.widgets.texts import lang, tr


def matrix_view(matrix: Matrix, kind: str, filters: MetricFilters, drop_empty_rows: bool = False) -> None:
    """A coverage heat map with its table; selecting a table cell lists the actions behind it."""
    rows = [
        (label, values)
        for label, values in zip(matrix.rows, matrix.values, strict=True)
        if any(values) or not drop_empty_rows
    ]
    if not rows:
        st.info(tr("reach.coverage.empty"))
        return
    row_title = tr(f"reach.coverage.{kind}.rows")
    language = lang()  # once: the session's language read per cell was a good part of the page
    row_names = [label.name(language) for label, _values in rows]
    column_names = [column.name(language) for column in matrix.columns]
    long = pd.DataFrame(
        [
            {"row": row_name, "column": column_name, "value": value}
            for row_name, (_label, values) in zip(row_names, rows, strict=True)
            for column_name, value in zip(column_names, values, strict=True)
        ]
    )
    table = pd.DataFrame(
        [[row_name, *values] for row_name, (_label, values) in zip(row_names, rows, strict=True)],
        columns=[row_title, *column_names],
    )
    title = tr(f"reach.coverage.{kind}.title")
    selection = chart_with_table(
        heatmap(long, "row", "column", "value", title),
        table,
        tr(f"reach.coverage.{kind}.caption"),
        key=f"cells_{kind}",
        ratio=None,
    )
    cells = selection.selection.cells if selection is not None else []
    if not cells:
        st.caption(tr("reach.coverage.select_cell"))
        return
    position, column_name = cells[0]
    if column_name == row_title:
        return
    row_label = rows[int(position)][0]
    column = next(item for item in matrix.columns if item.name(lang()) == column_name)
    st.markdown(plain(tr("reach.coverage.behind", row=row_label.name(lang()), column=column.name(lang()))))
    found = read(
        actions_behind,
        user,
        filters,
        department_id=row_label.id if kind != "channel_group" else None,
        form_code=column.code if kind == "department_form" else None,
        channel_code=row_label.code if kind == "channel_group" else None,
        group_code=column.code if kind != "department_form" else None,
    )
    actions_table(found, with_group=kind != "department_form")


today = clock.today()
user = page_user("reach")
filters = report_header(tr("page.reach"), today, user)

as_of = as_of_day(filters, today)
page = read(reach_page_figures, user, filters, as_of, lang())
figures, settings = page.report, page.settings
totals, rows = figures.totals, figures.representation

st.header(tr("reach.representation"))
st.write(tr("reach.definition", threshold=fmt_decimal(settings.gap_threshold, 2)))
st.metric(tr("term.metric.score"), fmt_decimal(figures.score, 2), help=tr("reach.score_help"))
representation_view(rows, totals)
if totals.actions_without_total:
    st.caption(tr("reach.unknown_totals", count=fmt_int(totals.actions_without_total)))

st.header(tr("reach.gaps"))
gap_list(figures.gaps)

st.header(tr("experience.heading"))
st.write(tr("experience.intro"))
experience_view(read(experience_trends, user))

st.header(tr("reach.special"))
special = page.special
special_table = pd.DataFrame(
    {
        tr("reach.table.group"): [row.group.name(lang()) for row in special],
        tr("reach.table.participants"): [fmt_int(row.participants) for row in special],
        tr("reach.table.actions"): [fmt_int(row.actions) for row in special],
    }
)
if any(row.participants for row in special):
    special_data = pd.DataFrame(
        {
            "group": [row.group.name(lang()) for row in special],
            "participants": [row.participants for row in special],
        }
    )
    chart_with_table(
        bars(special_data, "group", "participants", tr("reach.special_chart")),
        special_table,
        tr("reach.special_caption"),
    )
else:
    st.info(tr("reach.special_none"))
    st.dataframe(special_table, hide_index=True)

st.header(tr("reach.coverage"))
matrix_view(page.department_form, "department_form", filters)
matrix_view(page.channel_group, "channel_group", filters, drop_empty_rows=True)
matrix_view(page.department_group, "department_group", filters, drop_empty_rows=True)

st.subheader(
    tr("reach.unused", months=fmt_count(settings.unused_months, "months_since"), day=fmt_date(as_of))
)
st.caption(tr("reach.unused_scope", months=fmt_count(settings.unused_months, "month"), day=fmt_date(as_of)))
unused = page.unused
st.dataframe(
    pd.DataFrame(
        {
            tr("reach.unused.opportunity"): [item.opportunity.name(lang()) for item in unused],
            tr("reach.unused.last_used"): [
                fmt_date(item.last_used, tr("reach.unused.never")) for item in unused
            ],
        }
    ),
    hide_index=True,
    width="stretch",
)
st.subheader(tr("reach.measures"))
measures = page.idle_measures
if measures:
    st.markdown("\n".join(f"- {plain(item.name(lang()))}" for item in measures))
else:
    st.caption(tr("reach.measures.none"))

st.header(tr("reach.trends"))
trends_view(page.trends)

st.header(tr("reach.actions"))
options = read(filter_options, user)
group_names = {label.code: label.name(lang()) for label in options.groups}
chosen = st.selectbox(
    tr("reach.actions.choose_group"),
    [None, *group_names],
    format_func=lambda code: tr("reach.actions.all") if code is None else group_names[code],
    key="actions_group",
    placeholder=tr("app.choose_one"),
)
actions_table(read(actions_behind, user, filters, group_code=chosen), with_group=chosen is not None)
