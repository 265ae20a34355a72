"""What data_model reads with a session, sorted: the read services (each with its permission
and a call that answers with data in tests.unit.read_world), the writes (they call `require`)
and the building blocks composed inside checked readers, each with its reason.

test_read_permissions calls every read service as every role; test_pages_call_only_checked_readers
keeps the pages to read services and writes. A new public function in data_model.metrics,
.services or .exports that takes a session must be sorted here: the enumeration cannot be
outgrown silently."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from datetime import date
from types import ModuleType
from typing import Any

from sqlalchemy.orm import Session

import data_model.exports
import data_model.imports
import data_model.metrics
import data_model.services
from data_model.exports import council_summary, documents, evaluation_documents, evaluation_report
from data_model.exports.periods import period_from_key
from data_model.metrics import (
    actions_list,
    catalogue,
    channels,
    coverage,
    drilldown,
    duties,
    editions,
    evaluation,
    experience,
    feedback,
    freshness,
    initiative_register,
    initiatives,
    measures,
    programme,
    reach,
    reach_page,
    report_figures,
    reporting,
    settings,
    swot,
    target_choices,
    targets,
    trends,
)
from data_model.metrics.filters import MetricFilters
from data_model.models import PopulationFigure
from data_model.permissions import CurrentUser
from data_model.services import programme as programme_service
from data_model.services import settings as settings_service
from data_model.services import users
from tests.unit.read_world import action_of, department, edition_info_of, initiative_of

TODAY = date(2026, 11, 28)

Reader = Callable[[Session, CurrentUser | None], object]


def _unsplit_total(session: Session) -> Session:
    """The session with a year whose total has no age groups, so the warnings have something to say."""
    session.add(PopulationFigure(year=2099, audience_group_id=None, count=10, source="testi"))
    return session


# service -> (read permission, a call as the given user, in the department_head's department)
READ_SERVICES: dict[str, tuple[str, Reader]] = {
    "data_model.services.users.list_users": ("users.read", lambda s, u: users.list_users(s, u)),
    "data_model.services.users.department_choices": (
        "users.read",
        lambda s, u: users.department_choices(s, u),
    ),
    "data_model.metrics.actions_list.list_audit": (
        "audit.read",
        lambda s, u: actions_list.list_audit(s, u, actions_list.AuditFilter()),
    ),
    "data_model.metrics.actions_list.audit_vocabulary": (
        "audit.read",
        lambda s, u: actions_list.audit_vocabulary(s, u),
    ),
    "data_model.metrics.actions_list.action_choices": (
        "summary.read",
        lambda s, u: actions_list.action_choices(s, u),
    ),
    "data_model.metrics.actions_list.list_actions": (
        "actions.read",
        lambda s, u: actions_list.list_actions(s, u, actions_list.ActionFilter(department_id=department(s))),
    ),
    "data_model.metrics.actions_list.action_for_edit": (
        "actions.read",
        lambda s, u: actions_list.action_for_edit(s, u, action_of(s)),
    ),
    "data_model.metrics.actions_list.list_reports": (
        "reports.read",
        lambda s, u: actions_list.list_reports(s, u, department(s)),
    ),
    "data_model.metrics.channels.channel_usage": (
        "summary.read",
        lambda s, u: channels.channel_usage(s, u),
    ),
    "data_model.metrics.measures.development_steps": (
        "summary.read",
        lambda s, u: measures.development_steps(s, u, MetricFilters()),
    ),
    "data_model.metrics.measures.measure_activity": (
        "summary.read",
        lambda s, u: measures.measure_activity(s, u, MetricFilters()),
    ),
    "data_model.metrics.measures.measure_activity_for": (
        "summary.read",
        lambda s, u: measures.measure_activity_for(s, u, (MetricFilters(),)),
    ),
    "data_model.metrics.measures.measure_counts": (
        "summary.read",
        lambda s, u: measures.measure_counts(s, u, MetricFilters()),
    ),
    "data_model.metrics.swot.swot_board": (
        "summary.read",
        lambda s, u: swot.swot_board(s, u, TODAY),
    ),
    "data_model.metrics.programme.programme_headline": (
        "summary.read",
        lambda s, u: programme.programme_headline(s, u),
    ),
    "data_model.metrics.drilldown.actions_behind": (
        "summary.read",
        lambda s, u: drilldown.actions_behind(s, u, MetricFilters()),
    ),
    "data_model.metrics.drilldown.filter_options": (
        "summary.read",
        lambda s, u: drilldown.filter_options(s, u),
    ),
    "data_model.metrics.coverage.department_by_form": (
        "summary.read",
        lambda s, u: coverage.department_by_form(s, u, MetricFilters()),
    ),
    "data_model.metrics.coverage.department_by_group": (
        "summary.read",
        lambda s, u: coverage.department_by_group(s, u, MetricFilters()),
    ),
    "data_model.metrics.measures.measures_without_actions": (
        "summary.read",
        lambda s, u: measures.measures_without_actions(s, u, MetricFilters()),
    ),
    "data_model.metrics.reach.representation_score": (
        "summary.read",
        lambda s, u: reach.representation_score(s, u, MetricFilters()),
    ),
    "data_model.metrics.report_figures.report_figures": (
        "summary.read",
        lambda s, u: report_figures.report_figures(s, u, MetricFilters()),
    ),
    "data_model.metrics.reach_page.reach_page_figures": (
        "summary.read",
        lambda s, u: reach_page.reach_page_figures(s, u, MetricFilters(), TODAY),
    ),
    "data_model.metrics.report_figures.overview_figures": (
        "summary.read",
        lambda s, u: report_figures.overview_figures(s, u, MetricFilters(), TODAY),
    ),
    "data_model.metrics.reach.special_group_reach": (
        "summary.read",
        lambda s, u: reach.special_group_reach(s, u, MetricFilters()),
    ),
    "data_model.exports.council_summary.build_council_summary": (
        "summary.read",
        lambda s, u: council_summary.build_council_summary(s, u, "2025", TODAY),
    ),
    "data_model.exports.documents.build_excel": (
        "summary.read",
        lambda s, u: documents.build_excel(s, u, "2025", TODAY),
    ),
    "data_model.exports.documents.build_csv": (
        "summary.read",
        lambda s, u: documents.build_csv(s, u, "2025", TODAY),
    ),
    "data_model.exports.documents.build_pdf": (
        "summary.read",
        lambda s, u: documents.build_pdf(s, u, "2025", TODAY),
    ),
    "data_model.metrics.initiative_register.list_initiatives": (
        "initiatives.read",
        lambda s, u: initiative_register.list_initiatives(s, u, initiative_register.InitiativeFilter()),
    ),
    "data_model.metrics.initiative_register.initiative_register": (
        "initiatives.read",
        lambda s, u: initiative_register.initiative_register(s, u, initiative_register.InitiativeFilter()),
    ),
    "data_model.metrics.initiative_register.initiative_for_edit": (
        "initiatives.read",
        lambda s, u: initiative_register.initiative_for_edit(s, u, initiative_of(s)),
    ),
    "data_model.metrics.initiatives.council_initiatives": (
        "initiatives.read",
        lambda s, u: initiatives.council_initiatives(s, u, TODAY, TODAY, TODAY),
    ),
    "data_model.metrics.initiatives.initiative_figures": (
        "initiatives.read",
        lambda s, u: initiatives.initiative_figures(s, u, MetricFilters(), TODAY),
    ),
    "data_model.services.programme.editable_items": (
        "programme_admin.read",
        lambda s, u: programme_service.editable_items(s, u, "channel"),
    ),
    "data_model.services.programme.reference_options": (
        "programme_admin.read",
        lambda s, u: programme_service.reference_options(s, u, "channel", "target_groups"),
    ),
    "data_model.services.programme.population_warnings": (
        "programme_admin.read",
        lambda s, u: programme_service.population_warnings(_unsplit_total(s), u),
    ),
    "data_model.metrics.targets.target_progress": (
        "summary.read",
        lambda s, u: targets.target_progress(s, u, TODAY),
    ),
    "data_model.metrics.target_choices.target_choices": (
        "summary.read",
        lambda s, u: target_choices.target_choices(s, u),
    ),
    "data_model.metrics.targets.target_proposals": (
        "target_proposals.read",
        lambda s, u: targets.target_proposals(s, u, department(s)),
    ),
    "data_model.services.settings.settings_values": (
        "programme_admin.read",
        lambda s, u: settings_service.settings_values(s, u),
    ),
    "data_model.metrics.programme.statutory_counts": (
        "summary.read",
        lambda s, u: programme.statutory_counts(s, u),
    ),
    "data_model.metrics.coverage.channel_by_group": (
        "summary.read",
        lambda s, u: coverage.channel_by_group(s, u, MetricFilters()),
    ),
    "data_model.metrics.coverage.unused_opportunities": (
        "summary.read",
        lambda s, u: coverage.unused_opportunities(s, u, MetricFilters(), TODAY),
    ),
    "data_model.metrics.feedback.feedback_loop": (
        "summary.read",
        lambda s, u: feedback.feedback_loop(s, u, MetricFilters(), TODAY),
    ),
    "data_model.metrics.reporting.reporting_status": (
        "summary.read",
        lambda s, u: reporting.reporting_status(s, u, TODAY),
    ),
    "data_model.metrics.trends.quarterly_trends": (
        "summary.read",
        lambda s, u: trends.quarterly_trends(s, u, MetricFilters()),
    ),
    "data_model.metrics.catalogue.catalogue_usage": (
        "summary.read",
        lambda s, u: catalogue.catalogue_usage(s, u, TODAY),
    ),
    "data_model.metrics.catalogue.catalogue_with_unused": (
        "summary.read",
        lambda s, u: catalogue.catalogue_with_unused(s, u, TODAY, (TODAY,)),
    ),
    "data_model.metrics.editions.programme_editions": (
        "summary.read",
        lambda s, u: editions.programme_editions(s, u, TODAY),
    ),
    "data_model.metrics.duties.responsibilities": (
        "summary.read",
        lambda s, u: duties.responsibilities(s, u, TODAY),
    ),
    "data_model.metrics.freshness.last_change_at": (
        "summary.read",
        lambda s, u: freshness.last_change_at(s, u),
    ),
    "data_model.metrics.settings.metric_settings": (
        "summary.read",
        lambda s, u: settings.metric_settings(s, u),
    ),
    "data_model.imports.templates.template_csv": (
        "summary.read",
        lambda s, u: data_model.imports.template_csv(s, u),
    ),
    "data_model.imports.templates.template_xlsx": (
        "summary.read",
        lambda s, u: data_model.imports.template_xlsx(s, u),
    ),
    "data_model.metrics.evaluation.edition_evaluation": (
        "summary.read",
        lambda s, u: evaluation.edition_evaluation(s, u, edition_info_of(s), TODAY),
    ),
    "data_model.metrics.experience.experience_trends": (
        "summary.read",
        lambda s, u: experience.experience_trends(s, u),
    ),
    "data_model.exports.evaluation_report.build_evaluation_report": (
        "summary.read",
        lambda s, u: evaluation_report.build_evaluation_report(s, u, edition_info_of(s), TODAY),
    ),
    "data_model.exports.evaluation_documents.build_evaluation_pdf": (
        "summary.read",
        lambda s, u: evaluation_documents.build_evaluation_pdf(s, u, edition_info_of(s), TODAY),
    ),
    "data_model.exports.evaluation_documents.build_evaluation_excel": (
        "summary.read",
        lambda s, u: evaluation_documents.build_evaluation_excel(s, u, edition_info_of(s), TODAY),
    ),
    "data_model.metrics.experience.stored_results": (
        "programme_admin.read",
        lambda s, u: experience.stored_results(s, u),
    ),
    "data_model.exports.council_summary.period_figures": (
        "summary.read",
        lambda s, u: council_summary.period_figures(s, u, (period_from_key("2025"),), TODAY, "fi"),
    ),
}

# Public functions that take a session but are no read service of their own, and why.
BUILDING_BLOCKS: dict[str, str] = {
    "data_model.services.actions.apply_clean": "part of create/update_action, which check",
    "data_model.services.audit.record": "writes the audit entry of a write that checked",
    "data_model.services.audit.changed": "audits, before and after, a write that checked",
    "data_model.services.users.change_own_password": "checks that the actor is the account itself",
    "data_model.metrics.initiative_register.initiative_rows": "rows for the register's readers, which check",
    "data_model.metrics.initiative_register.rows_with_voters": "rows with the voters, for checked readers",
    "data_model.metrics.initiatives.council_list": "part of build_council_summary, which checks",
    "data_model.metrics.voters.voter_base": "a count of residents; part of the checked figures",
    "data_model.metrics.initiatives.initiative_counts": "composed in initiative_figures, which checks, "
    "and in the public view, which shows only its suppressed counts",
    "data_model.metrics.target_figures.measure": "one figure of a target, composed in target_progress",
    "data_model.metrics.targets.progress_of": "one target's progress, composed in target_progress",
    "data_model.metrics.target_figures.measure_all": "every target's figures, composed in target_progress",
    "data_model.metrics.target_figures.read_sources": "the targets' and a page's figures read together, "
    "composed in target_progress, overview_figures and edition_evaluation, which check",
    "data_model.metrics.targets.target_progress_with": "target_progress with a page's own windows, "
    "composed in overview_figures and edition_evaluation, which check",
    "data_model.metrics.targets.progress_of_all": "the targets' progress, composed in target_progress",
    "data_model.metrics.target_rows.stored_targets": "the stored targets, composed in target_progress, "
    "target_progress_with and target_proposals, which check",
    "data_model.metrics.feedback.loop_counts_for": "the loop's counts of many windows, composed in "
    "feedback_loop and target_progress, which check",
    "data_model.metrics.coverage.form_action_counts_for": "actions per form of many windows, composed "
    "in target_progress, which checks",
    "data_model.metrics.coverage.unused_opportunities_for": "unused opportunities of many windows, "
    "composed in unused_opportunities, target_progress and the council's period_figures, which check",
    # Readers composed inside checked readers; a page reaches their figures only through those
    # (test_pages_call_only_checked_readers keeps it so).
    "data_model.metrics.reach.reach_figures": "composed in report_figures, representation_score and "
    "the council's period_figures, which check",
    "data_model.metrics.reach.representation": "composed in the SWOT indicators (swot_board checks)",
    "data_model.metrics.reach.participants_by_group": "composed in special_group_reach and the SWOT "
    "indicators, which check",
    "data_model.metrics.reach.population_figures": "composed in reach_figures",
    "data_model.metrics.settings.remember_metric_settings": "reads nothing: keeps the thresholds "
    "a checked composed read fetched with its other rows",
    "data_model.metrics.settings.keep_metric_settings": "reads nothing: keeps thresholds read "
    "elsewhere (a script run's first statement, data_model.run_reads) for the session",
    "data_model.metrics.freshness.keep_last_change": "reads nothing: keeps the last change read "
    "elsewhere (a script run's first statement, data_model.run_reads) for the session",
    "data_model.metrics.rollup_reads.quarter_rows": "the monthly sums' side of quarterly_trends, "
    "which checks",
    "data_model.metrics.reach.reach_figures_for": "reach_figures of several periods, composed in "
    "reach_figures and the SWOT indicators (swot_board checks)",
    "data_model.metrics.reach_totals.totals_and_foreign_denominators": "composed in reach_figures_for",
    "data_model.metrics.indicators.indicator_values": "composed in swot_board, which checks",
    "data_model.metrics.indicator_counts.programme_counts": "composed in the SWOT indicators "
    "(swot_board checks)",
    "data_model.metrics.actions_list.department_choices": "composed in action_choices and "
    "initiative_register, which check",
    "data_model.metrics.gaps.gaps_among": "composed in report_figures and period_figures, which check",
    "data_model.metrics.gaps.gaps_among_windows": "gaps_among of several windows, composed in "
    "edition_evaluation, which checks",
    "data_model.metrics.gap_sources.suggestion_sources": "composed in gaps_among and gaps_among_windows",
    "data_model.metrics.gap_sources.channel_matrix_with_sources": "composed in build_council_summary, which checks",
    "data_model.metrics.gaps.gap_rows": "the gaps of figures read by a checked reader",
    "data_model.metrics.indicators.indicator_values_on": "indicator_values on several days, composed "
    "in indicator_values and edition_evaluation, which checks",
    "data_model.metrics.indicator_counts.programme_counts_on": "programme_counts of several days, "
    "composed in the SWOT indicators (swot_board and edition_evaluation check)",
    "data_model.metrics.reporting.department_statuses_on": "department_statuses on several days, "
    "composed in the SWOT indicators, edition_evaluation and target_progress, which check",
    "data_model.metrics.settings.load_metric_settings": "the thresholds every metric applies; a page "
    "asks metric_settings, which checks",
    "data_model.metrics.indicator_counts.rows_with_counts_on": "composed in edition_evaluation, which checks",
    "data_model.metrics.reporting.department_statuses": "composed in responsibilities and the SWOT "
    "indicators, which check",
    "data_model.metrics.feedback.loop_figures": "composed in the SWOT indicators (swot_board checks)",
    "data_model.metrics.feedback.loop_figures_for": "composed in loop_figures and the council's "
    "period_figures, which check",
    "data_model.metrics.indicators.indicator_value": "composed in swot_board and edition_evaluation, "
    "which check",
    "data_model.metrics.indicator_value.experience_value": "composed in swot_board, which checks",
    "data_model.metrics.experience.experience_trend_rows": "composed in experience_trends, which checks; "
    "aggregates only, for a public view's own checked reader",
    "data_model.imports.file_format.reach_headers": "composed in the import templates and the import, which check",
    "data_model.imports.parsing.parse_file": "composed in preview_import and import_actions, which check",
    "data_model.imports.file_format.template_headers": "composed in the import templates, which check",
    "data_model.exports.action_rows.actions_table": "the actions sheet of build_excel and build_csv "
    "(the council report DESIGN.md lets every role download), which check",
}


# Readers that deliberately take NO user, and why: the public view (issue 15) answers anyone,
# logged in or not, so there is no role to check. What keeps them safe is what they return:
# only the programme's lists, aggregates suppressed by data_model.disclosure, and the actions a
# department marked public (tests/unit/test_public_view.py, test_public_html.py).
PUBLIC_READERS: dict[str, str] = {
    "data_model.metrics.public_view.public_summary": "the login-free public page: public aggregates "
    "and published actions only",
    "data_model.exports.public_html.public_html": "the same view as one static HTML file for the "
    "city's website",
    "data_model.exports.public_html.write_public_html": "writes public_html to a file (the CLI)",
}


def takes_session(function: Callable[..., Any]) -> bool:
    """True when one of `function`'s parameters is annotated as a database Session."""
    return any("Session" in str(p.annotation) for p in inspect.signature(function).parameters.values())


def _modules() -> Iterator[ModuleType]:
    # The import is a service of its own, outside services/.
    for package in (data_model.metrics, data_model.services, data_model.exports, data_model.imports):
        for module_info in pkgutil.iter_modules(package.__path__):
            yield importlib.import_module(f"{package.__name__}.{module_info.name}")


def session_functions() -> dict[str, Callable[..., Any]]:
    """Every public function of the data_model packages (and the import) that is handed a
    database session."""
    found: dict[str, Callable[..., Any]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(value) or value.__module__ != module.__name__:
                continue
            if takes_session(value):
                found[f"{module.__name__}.{name}"] = value
    return found


def is_write(function: Callable[..., Any]) -> bool:
    """True when `function` is a write service: its own code calls `permissions.require`."""
    return re.search(r"\brequire\(", inspect.getsource(function)) is not None
