"""The public view (issue 15): what residents may read without logging in.

`public_summary` takes NO user on purpose: it is the one reader the login-free page and the
static HTML export call, and it returns only
* the programme's own lists (the participation forms and the catalogue with its legal bases),
* aggregates of one calendar year, every count through data_model.disclosure (under 5 shown
  as "alle 5", complementary suppression where rows add up to a total),
* the records a department chose to publish (`Action.is_public`): title, department, dates,
  what changed and the feedback link, and nothing else of them;
never a person's name (no user, no free text but the published fields), never a share of a
hidden count.

* **Actions by form**: the year's live actions (by start date) per participation form; an
  action may have several forms, so the rows overlap and have no total.
* **Actions by area**: per area, plus the actions with no area recorded, adding up to the
  year's actions.
* **Reached by age**: each age band's recorded participants plus those of unknown age in the
  same actions, adding up to the participants of the actions that recorded ages
  (metrics.reach: `age_denominator`).
* **Missed**: the groups metrics.gaps calls a gap in the year (no reach, or represented under
  the gap threshold), by name with their population share (a public statistic).
* **Initiatives**: received in the year and open at its end (or today), each on its own, and
  those decided in the year by outcome with their total (metrics.initiatives).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Integer, String, and_, distinct, func, literal, select, union_all
from sqlalchemy.orm import Session

from ..disclosure import SMALL_COUNT, PublicTable, Shown, disclose, public_table
from ..i18n import in_language, t
from ..models import Action, Area, Department, Opportunity, ParticipationForm
from ..models.actions import action_form
from ..models.programme import opportunity_form
from .experience import experience_trend_rows
from .filters import MetricFilters, action_conditions, live_actions, year_range
from .gaps import is_gap
from .initiatives import initiative_counts
from .item_keys import listed_in_force
from .reach import AGE, reach_figures
from .settings import load_metric_settings

CHANGES_KEPT = 50  # the newest published actions the view lists


@dataclass(frozen=True)
class PublicOpportunity:
    """A catalogue item as the public reads it: name, statutory or not, and the law."""

    code: str
    name_fi: str
    name_en: str
    statutory: str  # statutory | partly | voluntary
    legal_basis_fi: str
    legal_basis_en: str

    def name(self, lang: str) -> str:
        return in_language(lang, self.name_fi, self.name_en)

    def legal_basis(self, lang: str) -> str:
        return in_language(lang, self.legal_basis_fi, self.legal_basis_en)


@dataclass(frozen=True)
class PublicForm:
    """A participation form with its description and the ways to take part under it."""

    code: str
    name_fi: str
    name_en: str
    description_fi: str
    description_en: str
    opportunities: tuple[PublicOpportunity, ...]

    def name(self, lang: str) -> str:
        return in_language(lang, self.name_fi, self.name_en)

    def description(self, lang: str) -> str:
        return in_language(lang, self.description_fi, self.description_en)


@dataclass(frozen=True)
class MissedGroup:
    """A group the year's actions missed, with its share of the population."""

    code: str
    name_fi: str
    name_en: str
    population_share: float | None

    def name(self, lang: str) -> str:
        return in_language(lang, self.name_fi, self.name_en)


@dataclass(frozen=True)
class PublicChange:
    """A published action whose participants were told how their input was used."""

    title: str
    department_fi: str
    department_en: str
    start_date: date
    feedback_date: date | None
    decision_change: str
    feedback_url: str

    def department(self, lang: str) -> str:
        return in_language(lang, self.department_fi, self.department_en)


@dataclass(frozen=True)
class PublicInitiatives:
    """Municipal initiatives of the year, every count suppressed."""

    received: Shown
    open: Shown
    outcomes: PublicTable  # decided in the year: led to action, did not, not recorded


@dataclass(frozen=True)
class PublicExperienceYear:
    """One year's survey result: the score 0–100 (or the share who agree, 0–100) and the
    respondents; the result is None when fewer than SMALL_COUNT answered (it describes them)."""

    year: int
    value: float | None
    respondents: Shown


@dataclass(frozen=True)
class PublicExperience:
    """One survey's results for one group, oldest year first."""

    survey: str
    group_fi: str
    group_en: str
    uses_score: bool
    years: tuple[PublicExperienceYear, ...]

    def group(self, lang: str) -> str:
        return in_language(lang, self.group_fi, self.group_en)


@dataclass(frozen=True)
class PublicSummary:
    """Everything the public view shows for one calendar year (see the module docstring)."""

    year: int
    years: tuple[int, ...]  # the years with actions, for the choice of year
    forms: tuple[PublicForm, ...]
    actions_by_form: PublicTable
    actions_by_area: PublicTable
    reached_by_age: PublicTable
    missed: tuple[MissedGroup, ...]
    initiatives: PublicInitiatives
    changes: tuple[PublicChange, ...]
    # The experience-of-participation trends (metrics.experience): survey results only, the
    # reach beside them is not shown here.
    experience: tuple[PublicExperience, ...] = ()


def _both(key: str) -> tuple[str, str]:
    return t(key, "fi"), t(key, "en")


def _years(session: Session, today: date) -> tuple[int, ...]:
    """The calendar years from the first action's to the last one's (today's at the latest),
    newest first."""
    first, last = session.execute(
        select(func.min(Action.start_date), func.max(Action.start_date)).where(
            live_actions(), Action.start_date <= today
        )
    ).one()
    if first is None:
        return (today.year,)
    return tuple(range(last.year, first.year - 1, -1))


def _forms(
    session: Session, today: date, filters: MetricFilters
) -> tuple[tuple[PublicForm, ...], PublicTable]:
    """The forms with the catalogue items of the edition in force `today`, and the year's
    actions per form, in one statement: each form's row carries its count (an outer join on
    the counts grouped once) and one of its items (an outer join, so a form with none stays)."""
    counts = (
        select(
            action_form.c.participation_form_id.label("form_id"), func.count(distinct(Action.id)).label("n")
        )
        .join(Action, Action.id == action_form.c.action_id)
        .where(*action_conditions(filters))
        .group_by(action_form.c.participation_form_id)
        .subquery()
    )
    listed = opportunity_form.join(
        Opportunity,
        and_(Opportunity.id == opportunity_form.c.opportunity_id, listed_in_force(Opportunity, today)),
    )
    rows = session.execute(
        select(ParticipationForm, Opportunity, counts.c.n)
        .outerjoin(listed, opportunity_form.c.form_id == ParticipationForm.id)
        .outerjoin(counts, counts.c.form_id == ParticipationForm.id)
        .order_by(ParticipationForm.sort_order, ParticipationForm.id, Opportunity.sort_order, Opportunity.id)
    ).all()
    forms: dict[int, tuple[ParticipationForm, int]] = {}
    items: dict[int, list[PublicOpportunity]] = {}
    for form, item, count in rows:
        forms.setdefault(form.id, (form, int(count or 0)))
        found = items.setdefault(form.id, [])
        if item is not None:
            found.append(
                PublicOpportunity(
                    item.code,
                    item.name_fi,
                    item.name_en,
                    item.statutory,
                    item.legal_basis or "",
                    item.legal_basis_en,
                )
            )
    listing = tuple(
        PublicForm(
            form.code,
            form.name_fi,
            form.name_en,
            form.description_fi,
            form.description_en,
            tuple(items[form.id]),
        )
        for form, _ in forms.values()
    )
    by_form = public_table(
        [(form.code, form.name_fi, form.name_en, count) for form, count in forms.values()], with_total=False
    )
    return listing, by_form


def _actions_by_area(session: Session, filters: MetricFilters) -> PublicTable:
    """The year's actions per area (the active ones, and any other that has actions) and with
    no area recorded, in one statement: the areas beside their counts, then the unrecorded."""
    counts = (
        select(Action.area_id.label("area_id"), func.count(Action.id).label("n"))
        .where(*action_conditions(filters))
        .group_by(Action.area_id)
        .cte("area_counts")
    )
    areas = select(Area.id, Area.name, Area.sort_order, Area.active, counts.c.n).outerjoin(
        counts, counts.c.area_id == Area.id
    )
    unrecorded = select(
        literal(None, Integer), literal(None, String), literal(None, Integer), literal(True), counts.c.n
    ).where(counts.c.area_id.is_(None))
    found = session.execute(union_all(areas, unrecorded)).all()
    listed = sorted((row for row in found if row[0] is not None), key=lambda row: (row[2], row[0]))
    rows = [(str(area_id), name, name, int(n or 0)) for area_id, name, _, active, n in listed if active or n]
    none = next((int(row[4] or 0) for row in found if row[0] is None), 0)
    rows.append(("none", *_both("public.area_not_recorded"), none))
    return public_table(rows, with_total=True)


def _reach(session: Session, filters: MetricFilters) -> tuple[PublicTable, tuple[MissedGroup, ...]]:
    figures = reach_figures(session, filters)
    threshold = load_metric_settings(session).gap_threshold
    bands = [row for row in figures.representation if row.kind == AGE]
    rows = [(row.group.code, row.group.name_fi, row.group.name_en, row.participants) for row in bands]
    rows.append(("age_unknown", *_both("public.age_unknown"), figures.totals.age_unknown))
    missed = tuple(
        MissedGroup(row.group.code, row.group.name_fi, row.group.name_en, row.population_share)
        for row in figures.representation
        if is_gap(row, threshold)
    )
    return public_table(rows, with_total=True), missed


def _initiatives(session: Session, filters: MetricFilters, today: date) -> PublicInitiatives:
    figures = initiative_counts(session, filters, today, with_past_limit=False)
    outcomes = [
        ("led_to_action", *_both("public.initiative.led"), figures.led_to_action),
        ("no_action", *_both("public.initiative.not_led"), figures.outcome_known - figures.led_to_action),
        ("unknown", *_both("public.initiative.unknown"), figures.decided - figures.outcome_known),
    ]
    return PublicInitiatives(disclose(figures.received), disclose(figures.open), public_table(outcomes, True))


def _changes(session: Session) -> tuple[PublicChange, ...]:
    rows = session.execute(
        select(Action, Department)
        .join(Department, Department.id == Action.department_id)
        .where(live_actions(), Action.is_public.is_(True), Action.feedback_given.is_(True))
        .order_by(Action.feedback_date.desc().nulls_last(), Action.start_date.desc(), Action.id.desc())
        .limit(CHANGES_KEPT)
    ).all()
    return tuple(
        PublicChange(
            action.title,
            department.name_fi,
            department.name_en,
            action.start_date,
            action.feedback_date,
            action.decision_change,
            action.feedback_url,
        )
        for action, department in rows
    )


def _experience(session: Session) -> tuple[PublicExperience, ...]:
    trends = experience_trend_rows(session, with_reach=False)
    everyone = _both("experience.group.everyone")
    return tuple(
        PublicExperience(
            trend.survey,
            trend.group.name_fi if trend.group else everyone[0],
            trend.group.name_en if trend.group else everyone[1],
            trend.uses_score,
            tuple(
                PublicExperienceYear(
                    point.year,
                    point.value if point.respondents >= SMALL_COUNT else None,
                    disclose(point.respondents),
                )
                for point in trend.points
            ),
        )
        for trend in trends
    )


def public_summary(session: Session, year: int | None, today: date) -> PublicSummary:
    """The public view of `year`, None for the latest year with actions (module docstring).
    Deliberately takes no user: it answers anyone, logged in or not, and holds only public
    aggregates and published records."""
    years = _years(session, today)
    year = years[0] if year is None else year
    start, end = year_range(year)
    filters = MetricFilters(start=start, end=min(end, today))
    reached, missed = _reach(session, filters)
    forms, by_form = _forms(session, today, filters)
    return PublicSummary(
        year=year,
        years=years,
        forms=forms,
        actions_by_form=by_form,
        actions_by_area=_actions_by_area(session, filters),
        reached_by_age=reached,
        missed=missed,
        initiatives=_initiatives(session, filters, today),
        changes=_changes(session),
        experience=_experience(session),
    )
