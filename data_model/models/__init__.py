"""All ORM models; import from here so every table is registered on Base.metadata."""

from .actions import Action, ActionReach, DepartmentReport
from .base import Base, utcnow
from .choices import FORMATS, ROLES
from .editions import ProgrammeEdition
from .experience import ExperienceResult
from .initiatives import Initiative
from .people import AuditEntry, LoginThrottle, User
from .programme import (
    Actor,
    Channel,
    DevelopmentMeasure,
    DevelopmentPrinciple,
    Opportunity,
    ParticipationForm,
    Responsibility,
    SwotItem,
)
from .reference import Area, AudienceGroup, Department, PopulationFigure, Setting
from .rollups import ActionMonth, LinkMonth, ReachMonth
from .targets import Target

__all__ = [
    "FORMATS",
    "ROLES",
    "Action",
    "ActionMonth",
    "ActionReach",
    "Actor",
    "Area",
    "AudienceGroup",
    "AuditEntry",
    "Base",
    "Channel",
    "Department",
    "DepartmentReport",
    "DevelopmentMeasure",
    "DevelopmentPrinciple",
    "ExperienceResult",
    "Initiative",
    "LinkMonth",
    "LoginThrottle",
    "Opportunity",
    "ParticipationForm",
    "PopulationFigure",
    "ProgrammeEdition",
    "ReachMonth",
    "Responsibility",
    "Setting",
    "SwotItem",
    "Target",
    "User",
    "utcnow",
]
