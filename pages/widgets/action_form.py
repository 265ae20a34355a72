"""The action form, shared by "Kirjaa toimenpide" and editing in the actions list.

Widgets carry keys under a prefix, so after a refused save every field keeps what was typed;
after a successful save the prefix's generation is bumped, which gives empty widgets. The
participation forms are chosen outside the st.form, because widgets inside a form do not
rerun the page and the catalogue must narrow to the chosen forms.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from data_model.i18n import Message
from data_model.metrics.actions_list import ActionChoices, Choice
from data_model.models import FORMATS
from data_model.permissions import CurrentUser, PermissionDenied, chooses_department
from data_model.services.actions import ActionNotFound, VersionConflict
from data_model.validation import (
    EARLIEST_DATE,
    FEEDBACK_METHOD_MAX,
    LONG_TEXT_MAX,
    TITLE_MAX,
    URL_MAX,
    ActionInput,
    ValidationError,
    latest_allowed_date,
)

from .markdown import plain
from .texts import lang, say, tr

STAFF_SCALE = (1, 5)


def generation_prefix(base: str) -> str:
    """The widget key prefix of the form's current generation."""
    return f"{base}.{st.session_state.get(f'{base}.gen', 0)}"


def reset_form(base: str) -> None:
    """Forget what was typed: the next run draws fresh, empty widgets."""
    st.session_state[f"{base}.gen"] = st.session_state.get(f"{base}.gen", 0) + 1
    st.session_state.pop(f"{base}.errors", None)


def _names(choices: tuple[Choice, ...]) -> dict[str, str]:
    return {choice.key: choice.name(lang()) for choice in choices}


def _field_error(errors: dict[str, Message], *names: str) -> None:
    for name, message in errors.items():
        if name in names or any(name.startswith(f"{prefix}.") for prefix in names):
            st.error(plain(say(message)), icon=":material/error:")


def _errors_summary(errors: dict[str, Message], labels: dict[str, str]) -> None:
    if not errors:
        return
    lines = [
        f"- {plain(labels.get(name, labels.get(name.split('.')[0], name)))}: {plain(say(message))}"
        for name, message in errors.items()
    ]
    st.error(tr("action.errors_summary") + "\n" + "\n".join(lines), icon=":material/error:")


def _labels() -> dict[str, str]:
    keys = {
        "department_id": "action.department",
        "title": "action.title",
        "description": "action.description",
        "start_date": "action.start_date",
        "end_date": "action.end_date",
        "form_codes": "action.forms",
        "opportunity_code": "action.opportunity",
        "measure_codes": "action.measures",
        "channel_codes": "action.channels",
        "intended_group_codes": "action.intended_groups",
        "format": "action.format",
        "area_id": "action.area",
        "participants_total": "action.participants_total",
        "reach": "action.reach",
        "feedback_date": "action.feedback_date",
        "feedback_method": "action.feedback_method",
        "feedback_url": "action.feedback_url",
        "decision_change": "action.decision_change",
        "staff_experience": "action.staff_experience",
        "cost_eur": "action.cost",
        "source_note": "action.description",
    }
    return {name: tr(key) for name, key in keys.items()}


REACH_COLUMNS = 3


def _reach_inputs(
    choices: ActionChoices, initial: dict[str, object], errors: dict[str, Message], key: str
) -> dict[str, object]:
    """One labelled text field per audience group, its message beside it.

    Plain text fields, not a grid: a keyboard and a screen reader reach each count by its
    group's name, and letters or a minus stay visible until the validation names them
    (a grid cell dropped them silently). Empty means unknown, which is not zero.
    """
    values: dict[str, object] = {}
    groups = list(choices.groups)
    for row in range(0, len(groups), REACH_COLUMNS):
        for column, choice in zip(st.columns(REACH_COLUMNS), groups[row : row + REACH_COLUMNS], strict=False):
            with column:
                count = initial.get(choice.key)
                typed = st.text_input(
                    choice.name(lang()),
                    value="" if count is None else str(count),
                    key=f"{key}.reach.{choice.key}",
                )
                _field_error(errors, f"reach.{choice.key}")
                values[choice.key] = typed.strip() or None
    return values


def _typed(value: object) -> str:
    """A stored value as the text of its field; empty for unknown."""
    return "" if value is None else str(value)


def _as_date(value: object) -> date | None:
    return value if isinstance(value, date) else None


def date_field(label: str, value: object, key: str) -> date | None:
    """A Finnish-format date input within the accepted range; empty means not given."""
    picked = st.date_input(
        label,
        value=_as_date(value),
        min_value=EARLIEST_DATE,
        max_value=latest_allowed_date(),
        format="DD.MM.YYYY",
        key=key,
    )
    return picked if isinstance(picked, date) else None


def action_form(
    base: str, user: CurrentUser, choices: ActionChoices, initial: ActionInput | None, submit_label: str
) -> ActionInput | None:
    """Draw the whole form under key prefix `base`; the entered values when submitted, else None."""
    start = initial or ActionInput(department_id=user.department_id)
    key = generation_prefix(base)
    errors: dict[str, Message] = st.session_state.get(f"{base}.errors", {})
    _errors_summary(errors, _labels() | {f"reach.{c.key}": c.name(lang()) for c in choices.groups})

    form_names = _names(choices.forms)
    form_codes = st.multiselect(
        tr("action.forms") + " *",
        list(form_names),
        default=[code for code in start.form_codes if code in form_names],
        format_func=form_names.__getitem__,
        help=tr("action.forms_help"),
        placeholder=tr("action.choose"),
        key=f"{key}.forms",
        select_all=False,
    )
    _field_error(errors, "form_codes")

    with st.form(f"{key}.form", enter_to_submit=False):
        department_names = _names(choices.departments)
        if chooses_department(user, "action.write"):
            department_key = st.selectbox(
                tr("action.department") + " *",
                list(department_names),
                index=list(department_names).index(str(start.department_id))
                if str(start.department_id) in department_names
                else None,
                format_func=department_names.__getitem__,
                placeholder=tr("action.department_placeholder"),
                key=f"{key}.department",
            )
            department_id = int(department_key) if department_key else None
        else:
            department_id = user.department_id
            st.text(tr("action.own_department", name=department_names.get(str(department_id), "–")))
        _field_error(errors, "department_id")

        title = st.text_input(
            tr("action.title") + " *", value=start.title, max_chars=TITLE_MAX, key=f"{key}.title"
        )
        _field_error(errors, "title")
        description = st.text_area(
            tr("action.description"),
            value=start.description,
            max_chars=LONG_TEXT_MAX,
            key=f"{key}.description",
        )
        _field_error(errors, "description")

        first, second = st.columns(2)
        with first:
            start_date = date_field(tr("action.start_date") + " *", start.start_date, f"{key}.start")
            _field_error(errors, "start_date")
        with second:
            end_date = date_field(tr("action.end_date"), start.end_date, f"{key}.end")
            _field_error(errors, "end_date")

        # Only the catalogue items under a chosen form are offered (all of them before a choice).
        offered = [c for c in choices.opportunities if not form_codes or set(c.tags) & set(form_codes)]
        opportunity_names = {c.key: c.name(lang()) for c in offered}
        opportunity_code = st.selectbox(
            tr("action.opportunity"),
            list(opportunity_names),
            index=list(opportunity_names).index(start.opportunity_code)
            if start.opportunity_code in opportunity_names
            else None,
            format_func=opportunity_names.__getitem__,
            placeholder=tr("action.opportunity_placeholder"),
            key=f"{key}.opportunity",
        )
        _field_error(errors, "opportunity_code")

        measure_codes = _multi(choices.measures, start.measure_codes, "action.measures", f"{key}.measures")
        _field_error(errors, "measure_codes")
        channel_codes = _multi(choices.channels, start.channel_codes, "action.channels", f"{key}.channels")
        _field_error(errors, "channel_codes")
        intended = _multi(
            choices.groups, start.intended_group_codes, "action.intended_groups", f"{key}.intended"
        )
        _field_error(errors, "intended_group_codes")

        first, second = st.columns(2)
        with first:
            fmt = st.radio(
                tr("action.format"),
                FORMATS,
                index=FORMATS.index(start.format) if start.format in FORMATS else 0,
                format_func=lambda code: tr(f"term.format.{code}"),
                horizontal=True,
                key=f"{key}.format",
            )
            _field_error(errors, "format")
        with second:
            area_names = _names(choices.areas)
            area_key = st.selectbox(
                tr("action.area"),
                list(area_names),
                index=list(area_names).index(str(start.area_id))
                if str(start.area_id) in area_names
                else None,
                format_func=area_names.__getitem__,
                placeholder=tr("action.area_placeholder"),
                key=f"{key}.area",
            )
            _field_error(errors, "area_id")

        # A text field like the group counts: a number field dropped a minus or a letter with
        # only Streamlit's English tooltip; here the validation names the problem in words.
        total = st.text_input(
            tr("action.participants_total"),
            value=_typed(start.participants_total),
            help=tr("action.participants_help"),
            key=f"{key}.total",
        )
        _field_error(errors, "participants_total")

        st.markdown(f"**{tr('action.reach')}**")
        st.caption(tr("action.reach_help"))
        reach = _reach_inputs(choices, dict(start.reach), errors, key)
        if "reach" in errors:  # the age groups' sum; each group's own message is beside it
            st.error(plain(say(errors["reach"])), icon=":material/error:")
        reach_estimate = st.checkbox(tr("action.reach_estimate"), start.reach_estimate, key=f"{key}.estimate")
        officials = st.checkbox(
            tr("action.officials_took_part"), value=start.officials_took_part, key=f"{key}.officials"
        )

        st.markdown(f"**{tr('action.feedback_heading')}**")
        feedback_given = st.checkbox(tr("action.feedback_given"), value=start.feedback_given, key=f"{key}.fb")
        first, second = st.columns(2)
        with first:
            feedback_date = date_field(tr("action.feedback_date"), start.feedback_date, f"{key}.fb_date")
            _field_error(errors, "feedback_date")
        with second:
            feedback_method = st.text_input(
                tr("action.feedback_method"),
                value=start.feedback_method,
                max_chars=FEEDBACK_METHOD_MAX,
                key=f"{key}.fb_how",
            )
            _field_error(errors, "feedback_method")
        feedback_url = st.text_input(
            tr("action.feedback_url"), value=start.feedback_url, max_chars=URL_MAX, key=f"{key}.fb_url"
        )
        _field_error(errors, "feedback_url")
        decision_change = st.text_area(
            tr("action.decision_change"),
            value=start.decision_change,
            max_chars=LONG_TEXT_MAX,
            key=f"{key}.change",
        )
        _field_error(errors, "decision_change")
        is_public = st.checkbox(tr("action.is_public"), start.is_public, key=f"{key}.public")
        st.caption(tr("action.is_public_help"))

        first, second = st.columns(2)
        with first:
            scale = list(range(STAFF_SCALE[0], STAFF_SCALE[1] + 1))
            staff = st.selectbox(
                tr("action.staff_experience"),
                scale,
                index=next((i for i, step in enumerate(scale) if step == start.staff_experience), None),
                format_func=lambda value: tr(f"action.staff.{value}"),
                placeholder=tr("action.staff_experience_placeholder"),
                key=f"{key}.staff",
            )
            _field_error(errors, "staff_experience")
        with second:
            cost = st.text_input(tr("action.cost"), value=_typed(start.cost_eur), key=f"{key}.cost")
            _field_error(errors, "cost_eur")
        st.caption(tr("action.required_note"))
        submitted = st.form_submit_button(submit_label, type="primary", key=f"{key}.submit")

    if not submitted:
        return None
    return ActionInput(
        department_id=department_id,
        title=title,
        description=description,
        start_date=start_date,
        end_date=end_date,
        opportunity_code=opportunity_code,
        form_codes=list(form_codes),
        measure_codes=measure_codes,
        channel_codes=channel_codes,
        intended_group_codes=intended,
        format=fmt or "in_person",
        area_id=int(area_key) if area_key else None,
        participants_total=total.strip() or None,
        reach=reach,  # type: ignore[arg-type]
        reach_estimate=reach_estimate,
        officials_took_part=officials,
        feedback_given=feedback_given,
        feedback_date=feedback_date,
        feedback_method=feedback_method,
        feedback_url=feedback_url,
        decision_change=decision_change,
        is_public=is_public,
        staff_experience=staff,
        cost_eur=cost.strip() or None,
        source_note=start.source_note,
    )


def _multi(options: tuple[Choice, ...], selected: list[str], label: str, key: str) -> list[str]:
    names = _names(options)
    return list(
        st.multiselect(
            tr(label),
            list(names),
            default=[c for c in selected if c in names],
            format_func=names.__getitem__,
            placeholder=tr("action.choose"),
            key=key,
            select_all=False,
        )
    )


def save_with_messages(base: str, save: Callable[[], str], flash_to: str | None = None) -> None:
    """Run `save` (it returns the success text); refused saves keep the form and say why.

    Validation messages go beside their fields on the next run; a version conflict or a
    permission refusal is shown at once. On success the form is emptied and the text waits
    for `flash(flash_to or base)` on the next run.
    """
    try:
        message = save()
    except ValidationError as refused:
        st.session_state[f"{base}.errors"] = refused.errors
        st.rerun()
    except (VersionConflict, PermissionDenied, ActionNotFound) as refused:
        st.error(plain(say(refused.message)), icon=":material/block:")
        return
    reset_form(base)
    st.session_state[f"{flash_to or base}.flash"] = message
    st.rerun()


def leave_notice(base: str, text: str) -> None:
    """A warning to show once with the next success message (e.g. saved without group counts)."""
    st.session_state[f"{base}.notice"] = text


def flash(base: str) -> None:
    """Show (once) the success message left by the last save, and any notice beside it."""
    message = st.session_state.pop(f"{base}.flash", None)
    if message:
        st.success(plain(message), icon=":material/check_circle:")
    notice = st.session_state.pop(f"{base}.notice", None)
    if notice:
        st.warning(plain(notice), icon=":material/warning:")
