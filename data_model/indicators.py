"""The live indicators a SWOT item can point at. Computed in metrics; listed here so seed
files and the coordinator's edits can be checked against one list. Each one's name is the
catalogue's `indicator.<key>.label`, what it is computed from `indicator.<key>.basis`."""

from __future__ import annotations

INDICATORS: tuple[str, ...] = (
    "opportunities_in_use",
    "feedback_loop_rate",
    "vulnerable_reach",
    "officials_or_decision_changed",
    "staff_experience",
    "youth_reach",
    "actions_logged",
    "departments_reporting",
    "digital_share",
    "awareness_channels",
    "older_reach",
)
