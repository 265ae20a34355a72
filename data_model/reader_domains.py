"""Which domains' data each cached reader reads: its cache key is those domains' versions
(data_model.data_versions), so a write to any other domain leaves it warm.

Declared here once for every reader the pages call through `data.read`; a reader missing
from the table is keyed by every domain (never stale, only colder than it needs to be), and
tests/unit/test_reader_domains.py names it. A reader lists every table it reads, labels and
thresholds too: a department renamed or a threshold changed must show wherever it is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .data_versions import (
    ACTIONS,
    DOMAINS,
    EXPERIENCE,
    INITIATIVES,
    POPULATION,
    PROGRAMME,
    REFERENCE,
    REPORTS,
    SETTINGS,
    TARGETS,
    USERS,
)
from .exports import council_summary, documents, evaluation_documents, evaluation_report, public_html
from .imports import preview_import, template_csv, template_xlsx
from .metrics import (
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
    public_view,
    reach,
    reach_page,
    report_figures,
    reporting,
    swot,
    trends,
)
from .metrics.settings import metric_settings
from .metrics.target_choices import target_choices
from .metrics.targets import target_progress, target_proposals
from .services import users

# Figures computed from the actions: counted by their forms, channels, groups and measures
# (programme and reference labels), divided by population figures, judged by thresholds.
FIGURES = (ACTIONS, PROGRAMME, REFERENCE, POPULATION, SETTINGS)
# The audit log and its newest time change with every write.
EVERY_DOMAIN = DOMAINS

READER_DOMAINS: dict[Callable[..., Any], tuple[str, ...]] = {
    # the freshness line and the audit log
    freshness.last_change_at: EVERY_DOMAIN,
    actions_list.list_audit: EVERY_DOMAIN,
    actions_list.audit_vocabulary: EVERY_DOMAIN,
    # reference data and settings
    metric_settings: (SETTINGS,),
    users.list_users: (USERS, REFERENCE),
    users.department_choices: (REFERENCE,),
    actions_list.action_choices: (PROGRAMME, REFERENCE),
    drilldown.filter_options: (ACTIONS, PROGRAMME, REFERENCE),
    template_csv: (PROGRAMME, REFERENCE),
    template_xlsx: (PROGRAMME, REFERENCE),
    # kept by the import page for as long as these versions stand (the file's duplicates)
    preview_import: (ACTIONS, PROGRAMME, REFERENCE),
    # the programme pages
    programme.programme_headline: (ACTIONS, PROGRAMME, POPULATION),
    programme.statutory_counts: (PROGRAMME,),
    editions.programme_editions: (PROGRAMME,),
    catalogue.catalogue_usage: (ACTIONS, PROGRAMME, REFERENCE, SETTINGS),
    catalogue.catalogue_with_unused: (ACTIONS, PROGRAMME, REFERENCE, SETTINGS),
    measures.development_steps: (ACTIONS, PROGRAMME, REFERENCE),
    measures.measure_counts: (ACTIONS, PROGRAMME, REFERENCE),
    channels.channel_usage: FIGURES,
    duties.responsibilities: (*FIGURES, REPORTS),
    swot.swot_board: (*FIGURES, REPORTS, EXPERIENCE),
    # actions and department reports
    actions_list.list_actions: (ACTIONS, PROGRAMME, REFERENCE),
    actions_list.list_reports: (REPORTS, REFERENCE),
    reporting.reporting_status: (REPORTS, REFERENCE),
    # the report pages
    report_figures.report_figures: FIGURES,
    # the reach figures, feedback, measures and trends, and the departments' reporting
    report_figures.overview_figures: (*FIGURES, REPORTS, TARGETS),
    reach_page.reach_page_figures: FIGURES,
    feedback.feedback_loop: FIGURES,
    trends.quarterly_trends: FIGURES,
    reach.special_group_reach: FIGURES,
    coverage.department_by_form: FIGURES,
    coverage.channel_by_group: FIGURES,
    coverage.department_by_group: FIGURES,
    coverage.unused_opportunities: FIGURES,
    measures.measures_without_actions: FIGURES,
    drilldown.actions_behind: FIGURES,
    # targets: their progress is measured by the figures of target_figures.FIGURES (actions
    # with their labels, population, thresholds, the reports on time) and the targets
    # themselves; no figure counts initiatives or accounts
    target_progress: (*FIGURES, REPORTS, TARGETS),
    target_proposals: (TARGETS, REFERENCE, USERS),
    target_choices: (PROGRAMME, REFERENCE),
    # municipal initiatives: departments' names, and the 2 % threshold from the voters setting
    # or, when it is unset, estimated from the population figures
    initiative_register.list_initiatives: (INITIATIVES, REFERENCE, SETTINGS, POPULATION),
    initiative_register.initiative_register: (INITIATIVES, REFERENCE, SETTINGS, POPULATION),
    initiatives.initiative_figures: (INITIATIVES, REFERENCE, SETTINGS, POPULATION),
    # an edition's evaluation: every figure, the targets, the reporting and the freshness line
    evaluation.edition_evaluation: EVERY_DOMAIN,
    evaluation_report.build_evaluation_report: EVERY_DOMAIN,
    evaluation_documents.build_evaluation_pdf: EVERY_DOMAIN,
    evaluation_documents.build_evaluation_excel: EVERY_DOMAIN,
    # the public view: the year's figures, the initiatives and the published actions
    public_view.public_summary: (*FIGURES, INITIATIVES, EXPERIENCE),
    public_html.public_html: (*FIGURES, INITIATIVES, EXPERIENCE),
    # the experience of participation beside the reach of the same group: every action's reach
    experience.experience_trends: (EXPERIENCE, ACTIONS, REFERENCE),
    experience.stored_results: (EXPERIENCE,),
    # the council report holds the freshness line and the reporting status
    council_summary.build_council_summary: EVERY_DOMAIN,
    documents.build_pdf: EVERY_DOMAIN,
    documents.build_excel: EVERY_DOMAIN,
    documents.build_csv: EVERY_DOMAIN,
}


def domains_of(reader: Callable[..., Any]) -> tuple[str, ...]:
    """The domains `reader` reads, in DOMAINS order (every domain for an undeclared reader)."""
    declared = set(READER_DOMAINS.get(reader, EVERY_DOMAIN))
    return tuple(domain for domain in DOMAINS if domain in declared)


def versions_for(reader: Callable[..., Any], versions: dict[str, int]) -> tuple[int, ...]:
    """`reader`'s cache key: the versions of the domains it reads, from `versions` (every
    domain's version, as data_versions.data_versions reads them)."""
    return tuple(versions[domain] for domain in domains_of(reader))
