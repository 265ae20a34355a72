"""The dashboard filters (period, department, form, area, channel), shared by the report pages.

The chosen filters are mirrored to the address bar (st.query_params) so a view can be shared
as a link. Only filters go there, never anything about the user.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from data_model.metrics.drilldown import FilterOptions, filter_options
from data_model.metrics.filters import MetricFilters, council_term_range, year_range
from data_model.metrics.labels import Label
from data_model.permissions import CurrentUser

from .data import read
from .formats import fmt_date
from .freshness import freshness_note
from .texts import lang, tr

ALL, TERM, CUSTOM = "all", "term", "custom"
PARAMS = ("period", "start", "end", "dept", "form", "area", "channel")
KEY = "metric_filter_"


def _period_choices(options: FilterOptions, today: date) -> list[str]:
    first_year = options.first_month.year if options.first_month else today.year
    years = [str(year) for year in range(today.year, min(first_year, today.year) - 1, -1)]
    return [ALL, *years, TERM, CUSTOM]


def _period_label(choice: str) -> str:
    if choice.isdigit():
        return tr("reach.filters.year", year=choice)
    return tr(f"reach.filters.period_{choice}")


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _ids(text: str | None, labels: tuple[Label, ...], by: str) -> list[int | str]:
    """Values from a comma list in the address that match a known option, others dropped."""
    known = {str(getattr(label, by)): getattr(label, by) for label in labels}
    return [known[item] for item in (text or "").split(",") if item in known]


def _from_address(options: FilterOptions, choices: list[str]) -> None:
    """On the first run of a session, start from the filters in the link."""
    if st.session_state.get(KEY + "ready"):
        return
    params = st.query_params
    period = params.get("period", ALL)
    st.session_state[KEY + "period"] = period if period in choices else ALL
    start, end = _parse_date(params.get("start")), _parse_date(params.get("end"))
    if st.session_state[KEY + "period"] == CUSTOM and start and end:
        st.session_state[KEY + "start"], st.session_state[KEY + "end"] = start, end
    st.session_state[KEY + "dept"] = _ids(params.get("dept"), options.departments, "id")
    st.session_state[KEY + "form"] = _ids(params.get("form"), options.forms, "code")
    st.session_state[KEY + "area"] = _ids(params.get("area"), options.areas, "id")
    st.session_state[KEY + "channel"] = _ids(params.get("channel"), options.channels, "code")
    st.session_state[KEY + "ready"] = True


def _to_address(period: str, filters: MetricFilters) -> None:
    values = {
        "period": "" if period == ALL else period,
        "start": filters.start.isoformat() if period == CUSTOM and filters.start else "",
        "end": filters.end.isoformat() if period == CUSTOM and filters.end else "",
        "dept": ",".join(str(value) for value in filters.department_ids),
        "form": ",".join(filters.form_codes),
        "area": ",".join(str(value) for value in filters.area_ids),
        "channel": ",".join(filters.channel_codes),
    }
    for name, value in values.items():
        if value and st.query_params.get(name) != value:
            st.query_params[name] = value
        elif not value and name in st.query_params:
            del st.query_params[name]


def _period_range(choice: str, today: date) -> tuple[date | None, date | None]:
    if choice.isdigit():
        return year_range(int(choice))
    if choice == TERM:
        term = council_term_range(today)
        return term if term else (None, None)
    if choice == CUSTOM:
        start = st.session_state.get(KEY + "start") or date(today.year, 1, 1)
        end = st.session_state.get(KEY + "end") or today
        return (start, end) if start <= end else (end, start)
    return None, None


def _multiselect(title: str, labels: tuple[Label, ...], by: str, name: str) -> tuple[int | str, ...]:
    names = {getattr(label, by): label.name(lang()) for label in labels}
    chosen = st.multiselect(
        title,
        list(names),
        format_func=names.__getitem__,
        key=KEY + name,
        placeholder=tr("reach.filters.any"),
        select_all=False,
    )
    return tuple(chosen)


def metric_filters(today: date, user: CurrentUser, about_actions: bool = True) -> MetricFilters:
    """Draw the filters in the sidebar and return what they select. Without `about_actions`
    only the period and the department are offered (figures of records that have no form,
    area or channel, such as initiatives)."""
    options = read(filter_options, user)
    choices = _period_choices(options, today)
    _from_address(options, choices)
    with st.sidebar:
        st.subheader(tr("reach.filters.title"))
        period = st.selectbox(
            tr("reach.filters.period"),
            choices,
            format_func=_period_label,
            key=KEY + "period",
            placeholder=tr("app.choose_one"),
        )
        if period == CUSTOM:
            # Defaults through the state, never both a default and a state (Streamlit warns).
            st.session_state.setdefault(KEY + "start", date(today.year, 1, 1))
            st.session_state.setdefault(KEY + "end", today)
            st.date_input(tr("reach.filters.start"), key=KEY + "start", format="DD.MM.YYYY")
            st.date_input(tr("reach.filters.end"), key=KEY + "end", format="DD.MM.YYYY")
        start, end = _period_range(period, today)
        departments = _multiselect(tr("reach.filters.department"), options.departments, "id", "dept")
        forms: tuple[int | str, ...] = ()
        areas: tuple[int | str, ...] = ()
        channels: tuple[int | str, ...] = ()
        if about_actions:
            forms = _multiselect(tr("reach.filters.form"), options.forms, "code", "form")
            areas = _multiselect(tr("reach.filters.area"), options.areas, "id", "area")
            channels = _multiselect(tr("reach.filters.channel"), options.channels, "code", "channel")
    filters = MetricFilters(
        start=start,
        end=end,
        department_ids=tuple(int(value) for value in departments),
        form_codes=tuple(str(value) for value in forms),
        area_ids=tuple(int(value) for value in areas),
        channel_codes=tuple(str(value) for value in channels),
    )
    _to_address(period, filters)
    return filters


def period_text(filters: MetricFilters) -> str:
    """The filtered period in words, for captions and headings."""
    if filters.start is None and filters.end is None:
        return tr("reach.filters.period_all")
    return f"{fmt_date(filters.start)}–{fmt_date(filters.end)}"


def report_header(title: str, today: date, user: CurrentUser) -> MetricFilters:
    """A report page's title, filters, period and data freshness; returns the filters."""
    st.title(title)
    filters = metric_filters(today, user)
    st.caption(tr("overview.period", period=period_text(filters)))
    freshness_note(user)
    return filters
