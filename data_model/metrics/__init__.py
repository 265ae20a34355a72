"""The read side: SQL aggregates the pages draw. One module per question area.

Every function takes the Session first, then the acting user, checked in its own code against
permissions.READ_PERMISSIONS, then (where it applies) a `filters.MetricFilters` and an
injected `today`, and returns frozen dataclasses (picklable, so pages cache them). The few
that take no user are building blocks composed inside checked readers; a page never calls
one (tests/unit/test_read_permissions.py lists both and scans the pages):

* filters.py   MetricFilters, action_conditions(), quarter/year/council-term helpers
* settings.py  metric_settings() -> MetricSettings (gap threshold, small count, …)
* report_figures.py report_figures(): totals, representation, score and gaps (reach.py,
               gaps.py) computed once
* coverage.py  department_by_form(), channel_by_group(), department_by_group() -> Matrix;
               unused_opportunities()
* measures.py  measure_activity(), development_steps(), measure_counts(),
               measures_without_actions(): the one home of "measures with or without actions"
* feedback.py  feedback_loop() -> FeedbackLoop (rate and open loops)
* reporting.py reporting_status() -> list[ReportingStatus]
* trends.py    quarterly_trends() -> list[QuarterTrend]
* programme.py programme_headline(), statutory_counts()
"""
