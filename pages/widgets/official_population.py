"""The coordinator's settings tab for Statistics Finland's table 11re: upload, choose the
municipality and year, read the preview and the errors, confirm. The file is parsed and summed
in data_model; the save parses the same bytes again, so what is stored is what was shown."""

from __future__ import annotations

from datetime import date

import streamlit as st

from data_model.official_population_files import parse_11re
from data_model.official_preview import GroupFigure, OfficialPreview
from data_model.permissions import CurrentUser, PermissionDenied
from data_model.services.errors import ValidationError
from data_model.services.official_population import preview_official_population, save_official_population
from pages.widgets.data import read_uncached, write
from pages.widgets.markdown import plain
from pages.widgets.texts import lang, say, tr

from .formats import fmt_count, fmt_int

KEY = "official"
FEEDBACK = f"{KEY}_feedback"


def _stored(count: int | None, estimate: bool | None) -> str:
    if count is None:
        return tr("official.none")
    return f"{fmt_int(count)} ({tr('official.estimate' if estimate else 'official.statistic')})"


def _ages(group: GroupFigure) -> str:
    return f"{group.age_min}–{group.age_max}" if group.age_max is not None else f"{group.age_min}+"


def _rows(preview: OfficialPreview) -> list[dict[str, str]]:
    """The preview as plain text cells: the total, then each age group."""
    columns = [tr(f"official.col.{name}") for name in ("group", "ages", "file", "current", "after")]
    rows = [
        (
            tr("official.whole_population"),
            "",
            preview.total,
            _stored(preview.current_total, False if preview.current_total is not None else None),
        ),
        *(
            (
                group.name(lang()),
                _ages(group),
                group.count,
                _stored(group.current_count, group.current_estimate),
            )
            for group in preview.groups
        ),
    ]
    table = []
    for name, ages, count, current in rows:
        after = _stored(count, False) if count is not None else current
        in_file = fmt_int(count) if count is not None else tr("official.not_covered")
        table.append(dict(zip(columns, (name, ages, in_file, current, after), strict=True)))
    return table


def _save(user: CurrentUser, content: bytes, filename: str, area: str, year: int) -> None:
    """Confirm callback: the service checks the permission and every row again."""
    table_date = st.session_state.get(f"{KEY}_date")
    try:
        with write() as session:
            saved = save_official_population(
                session,
                user,
                content,
                filename,
                area,
                year,
                table_date if isinstance(table_date, date) else None,
            )
    except ValidationError as error:
        st.session_state[FEEDBACK] = ("error", [say(message) for message in error.errors.values()])
        return
    except PermissionDenied as error:
        st.session_state[FEEDBACK] = ("error", [say(error.message)])
        return
    st.session_state[FEEDBACK] = (
        "success",
        [tr("official.saved", n=fmt_count(len(saved), "population_figure"))],
    )


def _feedback() -> None:
    kind, messages = st.session_state.pop(FEEDBACK, (None, []))
    for message in messages:
        (st.success if kind == "success" else st.error)(plain(message))


def draw_official_population(user: CurrentUser) -> None:
    """The whole tab."""
    st.write(tr("official.intro"))
    _feedback()
    uploaded = st.file_uploader(tr("official.upload"), type=["csv", "xlsx", "json"], key=f"{KEY}_file")
    if uploaded is None:
        return
    content = uploaded.getvalue()
    parsed = parse_11re(content, uploaded.name)
    areas, years = parsed.areas(), parsed.years()
    if not areas or not years:
        for error in parsed.errors:
            st.error(plain(error.message(lang())))
        return
    left, right = st.columns(2)
    area = left.selectbox(
        tr("official.municipality"), areas, key=f"{KEY}_area", placeholder=tr("app.choose_one")
    )
    year = right.selectbox(tr("official.year"), years, key=f"{KEY}_year", placeholder=tr("app.choose_one"))
    preview = read_uncached(preview_official_population, user, content, uploaded.name, area, year)
    st.subheader(tr("official.preview", area=area, year=year, format=preview.format.upper()))
    st.dataframe(_rows(preview), hide_index=True)
    if preview.errors:
        st.error(tr("official.errors", n=len(preview.errors)))
        st.text("\n".join(error.message(lang()) for error in preview.errors))
    st.date_input(
        tr("official.table_date"),
        value=preview.updated,
        format="DD.MM.YYYY",
        help=tr("official.table_date_help"),
        key=f"{KEY}_date",
    )
    st.button(
        tr("official.confirm"),
        type="primary",
        disabled=not preview.can_save,
        on_click=_save,
        args=(user, content, uploaded.name, area, year),
        key=f"{KEY}_confirm",
    )
