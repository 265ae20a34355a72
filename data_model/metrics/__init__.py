"""The read side: SQL aggregates the pages draw. One module per question area.

Every function takes the Session first, then, where pages call it, the acting user (checked
against permissions.READ_PERMISSIONS), then (where it applies) a `filters.MetricFilters` and
an injected `today`, and returns frozen dataclasses (picklable, so pages cache them):

* filters.py   MetricFilters, action_conditions(), quarter/year/council-term helpers
* settings.py  load_metric_settings() -> MetricSettings (gap threshold, small count, …)
* reach.py     participants_by_group(), reach_totals(), representation(), overall_score()
* gaps.py      gaps() -> list[Gap] with sentences and suggestions
* coverage.py  department_by_form(), channel_by_group(), department_by_group() -> Matrix;
               unused_opportunities()
* measures.py  measure_activity(), development_steps(), measure_counts(),
               measures_without_actions(): the one home of "measures with or without actions"
* feedback.py  feedback_loop() -> FeedbackLoop (rate and open loops)
* reporting.py reporting_status() -> list[ReportingStatus]
* trends.py    quarterly_trends() -> list[QuarterTrend]
* programme.py programme_headline()
"""
