"""A stored action as the form's values: read by the editing view (metrics) and by the write
side (the audit's "before"), so it lives in neither."""

from __future__ import annotations

from .models import Action
from .validation import ActionInput


def action_input_of(action: Action) -> ActionInput:
    """The form values of a stored action, to edit it."""
    return ActionInput(
        department_id=action.department_id,
        title=action.title,
        description=action.description,
        start_date=action.start_date,
        end_date=action.end_date,
        opportunity_code=action.opportunity.code if action.opportunity else None,
        form_codes=[form.code for form in action.forms],
        measure_codes=[measure.code for measure in action.measures],
        channel_codes=[channel.code for channel in action.channels],
        intended_group_codes=[group.code for group in action.intended_groups],
        format=action.format,
        area_id=action.area_id,
        participants_total=action.participants_total,
        reach={row.audience_group.code: row.count for row in action.reach},
        reach_estimate=action.reach_estimate,
        officials_took_part=action.officials_took_part,
        feedback_given=action.feedback_given,
        feedback_date=action.feedback_date,
        feedback_method=action.feedback_method,
        feedback_url=action.feedback_url,
        decision_change=action.decision_change,
        is_public=action.is_public,
        staff_experience=action.staff_experience,
        cost_eur=action.cost_eur,
        source_note=action.source_note,
    )
