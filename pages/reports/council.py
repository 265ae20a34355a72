"""Valtuustoraportti: the council's summary of a period, and its PDF, Excel and CSV downloads.

The summary is read through the data-version cache, so the page is fast; the documents are
built only when asked ("Luo raportti"), step by step with progress shown, and cached the same
way, so asking again for the same period and data costs nothing.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from data_model import clock
from data_model.exports.council_summary import CouncilSummary, build_council_summary
from data_model.exports.documents import ExportFile, build_csv, build_excel, build_pdf
from data_model.exports.periods import KINDS, QUARTER, Period, default_period, recent_periods
from data_model.exports.summary_charts import Figure, representation_figure, trend_figure
from pages.widgets.charts import draw_chart
from pages.widgets.data import read
from pages.widgets.freshness import freshness_text
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.report_tables import bullets, show_table
from pages.widgets.texts import lang, tr

BUILT_KEY = "council_built"


def choose_period(today: date) -> Period:
    kind = st.segmented_control(
        tr("council.period.kind"),
        KINDS,
        default=QUARTER,
        format_func=lambda value: tr(f"council.kind.{value}"),
        key="council_kind",
    )
    kind = kind or QUARTER
    choices = recent_periods(kind, today)
    default = default_period(kind, today)
    return st.selectbox(
        tr("council.period.choose"),
        choices,
        index=choices.index(default) if default in choices else 0,
        format_func=lambda period: " ".join(
            part
            for part in (
                period.label(lang()),
                tr("council.period.in_progress") if period.in_progress(today) else "",
            )
            if part
        ),
        key=f"council_period_{kind}",
        placeholder=tr("app.choose_one"),
    )


def show_figure(figure: Figure | None) -> None:
    if figure is None:
        return
    st.markdown(f"**{figure.title}**")
    draw_chart(st.container(), figure.chart, figure.caption, height=figure.height)
    st.text(figure.caption)  # group names are typed in the app: plain text, not Markdown


def key_numbers(summary: CouncilSummary) -> None:
    st.subheader(tr("council.section.key_numbers"))
    per_row = 4
    columns = [column for _ in range(0, len(summary.key_numbers), per_row) for column in st.columns(per_row)]
    previous = tr("council.delta_vs", previous=summary.previous.label(lang())) if summary.previous else None
    for column, number in zip(columns, summary.key_numbers, strict=False):
        delta = number.delta()
        unchanged = delta is not None and delta.startswith("±")
        column.metric(
            number.label,
            number.text(),
            delta=delta,
            delta_color="off" if unchanged else ("inverse" if number.lower_is_better else "normal"),
            delta_arrow="off" if unchanged else "auto",
            delta_description=previous,
            help=tr("term.participations_note") if number.key == "participants" else None,
            border=True,
        )


def summary_sections(summary: CouncilSummary) -> None:
    st.subheader(tr("council.section.summary"))
    bullets(summary.overview)
    key_numbers(summary)
    st.subheader(tr("council.section.changes"))
    bullets(summary.changes)
    st.subheader(tr("council.section.gaps"))
    bullets(summary.gap_sentences)
    for notice in summary.notices:
        st.warning(plain(notice), icon=":material/info:")
    show_figure(representation_figure(summary))
    show_table(summary.table("representation"))
    st.subheader(tr("council.section.feedback"))
    bullets(summary.feedback_sentences)
    st.subheader(tr("council.section.duties"))
    bullets(summary.duty_sentences)
    show_table(summary.table("duties"))
    show_table(summary.table("reporting"))
    st.subheader(tr("council.section.initiatives"))
    bullets(summary.initiative_sentences)
    show_table(summary.table("initiatives"))
    st.subheader(tr("targets.section"))
    bullets(summary.target_sentences)
    if summary.table("targets").rows:
        show_table(summary.table("targets"))
    st.subheader(tr("council.section.measures"))
    with_progress, without_progress = st.columns(2)
    with with_progress:
        st.markdown(f"**{tr('council.measures.with')}**")
        bullets(summary.measures_with_progress or (tr("council.measures.none"),))
    with without_progress:
        st.markdown(f"**{tr('council.measures.without')}**")
        bullets(summary.measures_without_progress or (tr("council.measures.none"),))
    show_figure(trend_figure(summary))
    with st.expander(tr("council.section.tables")):
        shown = [
            table
            for table in summary.tables
            if table.key not in ("representation", "duties", "reporting", "initiatives", "targets")
        ]
        for tab, table in zip(st.tabs([table.title for table in shown]), shown, strict=True):
            with tab:
                show_table(table)
    st.caption(" ".join(summary.sources))


def build_documents(period: Period, today: date) -> list[ExportFile]:
    builders = (
        ("council.build.step_pdf", build_pdf),
        ("council.build.step_excel", build_excel),
        ("council.build.step_csv", build_csv),
    )
    files = []
    with st.status(tr("council.build.running"), expanded=True) as status:
        progress = st.progress(0.0)
        for number, (label, builder) in enumerate(builders, start=1):
            st.write(tr(label))
            files.append(read(builder, user, period.key, today, lang()))
            progress.progress(number / len(builders))
        status.update(label=tr("council.build.done"), state="complete", expanded=False)
    return files


def downloads(period: Period, today: date) -> None:
    st.subheader(tr("council.section.downloads"))
    wanted = (period.key, today, lang())
    if st.button(
        tr("council.build"), help=tr("council.build.help"), type="primary", icon=":material/description:"
    ):
        st.session_state[BUILT_KEY] = wanted
    if st.session_state.get(BUILT_KEY) != wanted:
        st.caption(tr("council.build.help"))
        return
    pdf, excel, csv = build_documents(period, today)
    columns = st.columns(3)
    for column, export, label, icon in (
        (columns[0], pdf, "council.download.pdf", ":material/picture_as_pdf:"),
        (columns[1], excel, "council.download.excel", ":material/table_view:"),
        (columns[2], csv, "council.download.csv", ":material/download:"),
    ):
        column.download_button(
            tr(label), export.data, file_name=export.name, mime=export.mime, on_click="ignore", icon=icon
        )


user = page_user("council")
st.title(tr("page.council"))
st.write(tr("council.intro"))
# The summary carries when the data last changed: said from it, not read again.
freshness = st.empty()
today = clock.today()
period = choose_period(today)
summary = read(build_council_summary, user, period.key, today, lang())
freshness.caption(freshness_text(summary.data_changed_at))
summary_sections(summary)
downloads(period, today)
