"""What data_model reads with a session, sorted: the read services (each with its permission
and a call that answers with data in tests.unit.read_world), the writes (they call `require`)
and the building blocks composed inside checked readers, each with its reason.

test_read_permissions calls every read service as every role; test_pages_call_only_checked_readers
keeps the pages to read services and writes. A new public function in data_model.metrics,
.services or .exports that takes a session must be sorted here: the enumeration cannot be
outgrown silently."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

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
