"""Kauden arviointi: the evaluation of an edition of the programme, for the council elected to
review it, and (once built) its PDF and workbook. Every figure comes from
data_model.exports.evaluation_report; this page only chooses the edition and draws."""

from __future__ import annotations

import streamlit as st

from data_model import clock
from data_model.exports.evaluation_documents import build_evaluation_excel, build_evaluation_pdf
from data_model.exports.evaluation_report import EvaluationReport, WindowSummary, build_evaluation_report
from data_model.metrics.editions import EditionInfo, programme_editions
from data_model.metrics.evaluation import default_choice
from pages.widgets.data import read
from pages.widgets.guard import page_user
from pages.widgets.markdown import plain
from pages.widgets.report_tables import bullets, show_table
from pages.widgets.texts import lang, tr


def choose_edition(choices: list[EditionInfo]) -> EditionInfo | None:
    default = default_choice(choices, clock.today())
    return st.selectbox(
        tr("evaluation.choose_edition"),
        choices,
        index=choices.index(default) if default in choices else 0,
        format_func=lambda choice: choice.name(lang()),
        key="evaluation_edition",
        placeholder=tr("app.choose_one"),
    )


def window(summary: WindowSummary) -> None:
    st.markdown(f"**{summary.label}**")  # the label comes from the locale files
    bullets(summary.gaps)
    for notice in summary.notices:
        st.caption(plain(notice))


BUILT_KEY = "evaluation_built"


def downloads(choice: EditionInfo) -> None:
    # The documents are built only when asked: the PDF takes seconds, the page should not.
    st.subheader(tr("evaluation.section.downloads"))
    wanted = (choice, clock.today(), lang())
    if st.button(tr("evaluation.create"), type="primary", icon=":material/description:"):
        st.session_state[BUILT_KEY] = wanted
    if st.session_state.get(BUILT_KEY) != wanted:
        return
    with st.spinner(tr("evaluation.creating")):
        pdf = read(build_evaluation_pdf, user, *wanted)
        excel = read(build_evaluation_excel, user, *wanted)
    columns = st.columns(2)
    for column, export, label, icon in (
        (columns[0], pdf, "evaluation.download_pdf", ":material/picture_as_pdf:"),
        (columns[1], excel, "evaluation.download_excel", ":material/table_view:"),
    ):
        column.download_button(
            tr(label), export.data, file_name=export.name, mime=export.mime, on_click="ignore", icon=icon
        )


def sections(report: EvaluationReport) -> None:
    st.header(report.title)
    st.caption(report.approval)
    st.subheader(tr("evaluation.section.overview"))
    bullets(report.overview)
    st.subheader(tr("evaluation.section.measures"))
    bullets(report.measures)
    show_table(report.table("measures"))
    st.subheader(tr("evaluation.section.swot"))
    show_table(report.table("swot"))
    st.subheader(tr("evaluation.section.gaps"))
    start, end = st.columns(2)
    with start:
        window(report.start)
    with end:
        window(report.end)
    with st.expander(tr("council.section.tables")):
        for key in ("representation_start", "gaps_start", "representation_end", "gaps_end"):
            show_table(report.table(key))
    st.subheader(tr("evaluation.section.feedback"))
    bullets(report.feedback)
    st.subheader(tr("evaluation.section.statutory"))
    bullets(report.statutory)
    show_table(report.table("statutory"))
    st.subheader(tr("evaluation.section.duties"))
    bullets(report.duties)
    show_table(report.table("duties"))
    show_table(report.table("reporting"))
    st.subheader(tr("evaluation.section.targets"))
    bullets(report.targets)
    if report.table("targets").rows:
        show_table(report.table("targets"))
    st.caption(" ".join(report.sources))


user = page_user("evaluation")
st.title(tr("page.evaluation"))
st.write(tr("evaluation.intro"))
choices = list(read(programme_editions, user, clock.today()).editions)
chosen = choose_edition(choices) if choices else None
if chosen is None:
    st.info(tr("evaluation.no_editions"))
else:
    sections(read(build_evaluation_report, user, chosen, clock.today(), lang()))
    downloads(chosen)
