"""The fixed choices of the coded columns, in one place: the models turn each into a CHECK
constraint, the seed loader and the editing forms offer the same tuples."""

from __future__ import annotations

from sqlalchemy import CheckConstraint

FORMATS = ("in_person", "online", "hybrid")
ACTION_SOURCES = ("manual", "import", "baseline", "demo")
ROLES = ("department_head", "coordinator", "council")
QUADRANTS = ("strength", "weakness", "opportunity", "threat")
STATUTORY = ("statutory", "partly", "voluntary")
CADENCES = ("none", "semiannual", "annual", "council_term")
EVIDENCE = ("department_report", "action", "programme_review", "none")
DEPARTMENT_KINDS = ("department", "advocacy_body")
GROUP_KINDS = ("age", "special")
# Who approves an edition of the programme (kaupunginhallitus, kaupunginvaltuusto).
APPROVERS = ("city_board", "council")
# Who made a municipal initiative (KL 23 §: a resident, residents, an association or a
# business of the municipality; the youth council and the other advocacy bodies make them too).
INITIATOR_KINDS = (
    "resident",
    "residents",
    "association",
    "business",
    "youth_council",
    "advocacy_body",
    "other",
)
INITIATIVE_SOURCES = ("manual", "demo")


def one_of(column: str, choices: tuple[str, ...]) -> CheckConstraint:
    """A CHECK that `column` holds one of `choices`; named `<column>_choice` (see base.py)."""
    listed = ", ".join(f"'{choice}'" for choice in choices)
    return CheckConstraint(f"{column} IN ({listed})", name=f"{column}_choice")


# Targets (models/targets.py): what a target asks of its figure, who set it, where it stands.
TARGET_DIRECTIONS = ("at_least", "at_most")
TARGET_SETTERS = ("council", "city_board", "department")
TARGET_STATUSES = ("proposed", "accepted", "declined", "retired")

# Experience of participation (models/experience.py): the surveys that measure it. THL's
# participation indicator is asked in the school health survey and in the wellbeing region's
# adult survey; the city asks its own residents too.
EXPERIENCE_SURVEYS = ("thl_school_health", "thl_wellbeing_region", "city_survey")
EXPERIENCE_SOURCES = ("manual", "import", "demo")
