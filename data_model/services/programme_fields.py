"""What the coordinator can edit in the programme and the reference data: each entity's
fields with their limits and labels, and the thresholds. services/programme.py reads these
declarations to validate and write; the settings page reads them to draw its forms."""

from dataclasses import dataclass, field
from typing import Any

from ..models import (
    Actor,
    Area,
    AudienceGroup,
    Base,
    Channel,
    Department,
    DevelopmentMeasure,
    DevelopmentPrinciple,
    Opportunity,
    ParticipationForm,
    PopulationFigure,
    Responsibility,
    SwotItem,
)
from ..models.choices import CADENCES, DEPARTMENT_KINDS, EVIDENCE, GROUP_KINDS, QUADRANTS, STATUTORY

PROGRAMME = "programme.write"
REFERENCE = "reference.write"
SHORT_TEXT = 300
LONG_TEXT = 4000


@dataclass(frozen=True)
class Field:
    """One editable field: how to check it and how it is stored.

    kind: text | choice | int | bool | indicator | ref (one row by code) | refs (rows by code).
    """

    kind: str  # its label is the catalogue's programme_admin.field.<name>
    required: bool = False
    max_length: int = SHORT_TEXT
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    target: type[Base] | None = None  # for ref / refs: the model looked up by its `code`
    attribute: str = ""  # for ref: the relationship attribute (the field name is the code)
    default: Any = None  # stored when the value is left empty


@dataclass(frozen=True)
class Entity:
    """An editable kind of programme content."""

    model: type[Base]
    permission: str
    name_key: str  # catalogue key of its singular name, for messages
    fields: dict[str, Field]
    code_from: str | None = None  # new rows get a code made from this field
    unique: tuple[str, ...] = ()  # fields whose value must not repeat
    retirable: bool = True
    extra_checks: tuple[str, ...] = field(default=())


def _text(required: bool = False, max_length: int = SHORT_TEXT) -> Field:
    return Field("text", required=required, max_length=max_length)


ORDER = Field("int", minimum=0, maximum=100_000, default=0)

ENTITIES: dict[str, Entity] = {
    "swot": Entity(
        SwotItem,
        PROGRAMME,
        "programme_admin.entity.swot",
        {
            "quadrant": Field("choice", required=True, choices=QUADRANTS),
            "text_fi": _text(required=True, max_length=LONG_TEXT),
            "text_en": _text(max_length=LONG_TEXT),
            "indicator": Field("indicator"),
            "sort_order": ORDER,
        },
        code_from="text_fi",
    ),
    "opportunity": Entity(
        Opportunity,
        PROGRAMME,
        "programme_admin.entity.opportunity",
        {
            "name_fi": _text(required=True),
            "name_en": _text(required=True),
            "forms": Field("refs", required=True, target=ParticipationForm),
            "statutory": Field("choice", required=True, choices=STATUTORY),
            "legal_basis": _text(),
            "legal_basis_en": _text(),
            "note_fi": _text(max_length=LONG_TEXT),
            "details_fi": _text(max_length=LONG_TEXT),
            "sort_order": ORDER,
        },
        code_from="name_fi",
        unique=("name_fi",),
        extra_checks=("legal_basis",),
    ),
    "measure": Entity(
        DevelopmentMeasure,
        PROGRAMME,
        "programme_admin.entity.measure",
        {
            "principle": Field("ref", required=True, target=DevelopmentPrinciple, attribute="principle"),
            "text_fi": _text(required=True, max_length=LONG_TEXT),
            "text_en": _text(max_length=LONG_TEXT),
            "sort_order": ORDER,
        },
        code_from="text_fi",
    ),
    "channel": Entity(
        Channel,
        PROGRAMME,
        "programme_admin.entity.channel",
        {
            "name_fi": _text(required=True, max_length=200),
            "name_en": _text(max_length=200),
            "details_fi": _text(max_length=LONG_TEXT),
            "goals_fi": _text(max_length=LONG_TEXT),
            "goals_en": _text(max_length=LONG_TEXT),
            "target_groups_fi": _text(max_length=LONG_TEXT),
            "target_groups": Field("refs", required=True, target=AudienceGroup),
            "content_fi": _text(max_length=LONG_TEXT),
            "content_en": _text(max_length=LONG_TEXT),
            "sort_order": ORDER,
        },
        code_from="name_fi",
        unique=("name_fi",),
    ),
    "responsibility": Entity(
        Responsibility,
        PROGRAMME,
        "programme_admin.entity.responsibility",
        {
            "actor": Field("ref", required=True, target=Actor, attribute="actor"),
            "text_fi": _text(required=True, max_length=LONG_TEXT),
            "text_en": _text(max_length=LONG_TEXT),
            "cadence": Field("choice", required=True, choices=CADENCES),
            "cadence_assumed": Field("bool"),
            "evidence": Field("choice", required=True, choices=EVIDENCE),
            "sort_order": ORDER,
        },
        code_from="text_fi",
    ),
    "audience_group": Entity(
        AudienceGroup,
        REFERENCE,
        "programme_admin.entity.audience_group",
        {
            "name_fi": _text(required=True, max_length=200),
            "name_en": _text(max_length=200),
            "kind": Field("choice", required=True, choices=GROUP_KINDS),
            "age_min": Field("int", minimum=0, maximum=120),
            "age_max": Field("int", minimum=0, maximum=120),
            "sort_order": ORDER,
        },
        code_from="name_fi",
        unique=("name_fi",),
        extra_checks=("ages",),
    ),
    "department": Entity(
        Department,
        REFERENCE,
        "programme_admin.entity.department",
        {
            "name_fi": _text(required=True, max_length=200),
            "name_en": _text(max_length=200),
            "kind": Field("choice", required=True, choices=DEPARTMENT_KINDS),
            "report_cadence_months": Field("int", minimum=1, maximum=60),
            "sort_order": ORDER,
        },
        code_from="name_fi",
        unique=("name_fi",),
    ),
    "area": Entity(
        Area,
        REFERENCE,
        "programme_admin.entity.area",
        {"name": _text(required=True, max_length=120), "sort_order": ORDER},
        unique=("name",),
    ),
    "population": Entity(
        PopulationFigure,
        REFERENCE,
        "programme_admin.entity.population",
        {
            "audience_group": Field("ref", target=AudienceGroup, attribute="audience_group"),
            "year": Field("int", required=True, minimum=1900, maximum=2100),
            "count": Field("int", required=True, minimum=0, maximum=10_000_000),
            "estimate": Field("bool"),
            "source": _text(required=True, max_length=LONG_TEXT),
            "method": _text(max_length=LONG_TEXT),
        },
        retirable=False,
        extra_checks=("population_unique",),
    ),
}


@dataclass(frozen=True)
class SettingSpec:
    """A threshold's limits; its label is the catalogue's programme_admin.setting.<key>."""

    kind: str  # float | int
    minimum: float
    maximum: float
    include_minimum: bool = True


SETTINGS: dict[str, SettingSpec] = {
    "gap_threshold": SettingSpec("float", 0.0, 1.0, include_minimum=False),
    "small_count": SettingSpec("int", 1, 10_000),
    "open_loop_days": SettingSpec("int", 1, 3650),
    "unused_months": SettingSpec("int", 1, 120),
    # Residents entitled to vote, for the initiatives' 2 % rule; 0 = estimate from the population.
    "voters_entitled": SettingSpec("int", 0, 10_000_000),
}


# --- values in and out ---------------------------------------------------------------------
