"""The public functions handed a session that check no read permission of their own, each
with why that is safe: the other half of read_inventory."""

from __future__ import annotations

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
    "data_model.metrics.settings.kept_metric_settings": "reads nothing: the thresholds the session "
    "already holds, which a checked composed read then does not fetch",
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
