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
    "participation_experience",
)

# Output figures that stand in for residents' measured experience until a survey measures it:
# a SWOT item pointing at one shows the experience of participation instead wherever survey
# results for everyone exist (the programme's weakness "toiveita ei arvosteta" and threat "kuilu
# päättäjien ja asukkaiden välillä" are about what residents feel, which only a survey tells).
EXPERIENCE = "participation_experience"
OUTCOME_FIRST: frozenset[str] = frozenset({"feedback_loop_rate", "officials_or_decision_changed"})
