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

    kind: str
    label: str  # Finnish, used in messages
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
    name_fi: str  # for messages and the audit log
    fields: dict[str, Field]
    code_from: str | None = None  # new rows get a code made from this field
    unique: tuple[str, ...] = ()  # fields whose value must not repeat
    retirable: bool = True
    extra_checks: tuple[str, ...] = field(default=())


def _text(label: str, required: bool = False, max_length: int = SHORT_TEXT) -> Field:
    return Field("text", label, required=required, max_length=max_length)


ORDER = Field("int", "Järjestys", minimum=0, maximum=100_000, default=0)

ENTITIES: dict[str, Entity] = {
    "swot": Entity(
        SwotItem,
        PROGRAMME,
        "SWOT-kohta",
        {
            "quadrant": Field("choice", "Nelikentän osa", required=True, choices=QUADRANTS),
            "text_fi": _text("Teksti (suomi)", required=True, max_length=LONG_TEXT),
            "text_en": _text("Teksti (englanti)", max_length=LONG_TEXT),
            "indicator": Field("indicator", "Mittari"),
            "sort_order": ORDER,
        },
        code_from="text_fi",
    ),
    "opportunity": Entity(
        Opportunity,
        PROGRAMME,
        "Osallisuuden mahdollisuus",
        {
            "name_fi": _text("Nimi (suomi)", required=True),
            "name_en": _text("Nimi (englanti)", required=True),
            "forms": Field("refs", "Osallisuuden muodot", required=True, target=ParticipationForm),
            "statutory": Field("choice", "Lakisääteisyys", required=True, choices=STATUTORY),
            "legal_basis": _text("Lakiperuste"),
            "legal_basis_en": _text("Lakiperuste (englanti)"),
            "note_fi": _text("Huomautus", max_length=LONG_TEXT),
            "details_fi": _text("Tarkennukset (yksi riville)", max_length=LONG_TEXT),
            "sort_order": ORDER,
        },
        code_from="name_fi",
        unique=("name_fi",),
        extra_checks=("legal_basis",),
    ),
    "measure": Entity(
        DevelopmentMeasure,
        PROGRAMME,
        "Kehittämistoimi",
        {
            "principle": Field(
                "ref", "Askelmerkki", required=True, target=DevelopmentPrinciple, attribute="principle"
            ),
            "text_fi": _text("Teksti (suomi)", required=True, max_length=LONG_TEXT),
            "text_en": _text("Teksti (englanti)", max_length=LONG_TEXT),
            "sort_order": ORDER,
        },
        code_from="text_fi",
    ),
    "channel": Entity(
        Channel,
        PROGRAMME,
        "Viestintäkanava",
        {
            "name_fi": _text("Nimi (suomi)", required=True, max_length=200),
            "name_en": _text("Nimi (englanti)", max_length=200),
            "details_fi": _text("Tarkennukset (yksi riville)", max_length=LONG_TEXT),
            "goals_fi": _text("Tavoitteet (yksi riville)", max_length=LONG_TEXT),
            "goals_en": _text("Tavoitteet englanniksi (yksi riville)", max_length=LONG_TEXT),
            "target_groups_fi": _text("Kohderyhmät (tekstinä)", max_length=LONG_TEXT),
            "target_groups": Field("refs", "Kohderyhmät", required=True, target=AudienceGroup),
            "content_fi": _text("Sisältö (yksi riville)", max_length=LONG_TEXT),
            "content_en": _text("Sisältö englanniksi (yksi riville)", max_length=LONG_TEXT),
            "sort_order": ORDER,
        },
        code_from="name_fi",
        unique=("name_fi",),
    ),
    "responsibility": Entity(
        Responsibility,
        PROGRAMME,
        "Vastuutehtävä",
        {
            "actor": Field("ref", "Toimija", required=True, target=Actor, attribute="actor"),
            "text_fi": _text("Teksti (suomi)", required=True, max_length=LONG_TEXT),
            "text_en": _text("Teksti (englanti)", max_length=LONG_TEXT),
            "cadence": Field("choice", "Toistuvuus", required=True, choices=CADENCES),
            "evidence": Field("choice", "Näyttö", required=True, choices=EVIDENCE),
            "sort_order": ORDER,
        },
        code_from="text_fi",
    ),
    "audience_group": Entity(
        AudienceGroup,
        REFERENCE,
        "Kohderyhmä",
        {
            "name_fi": _text("Nimi (suomi)", required=True, max_length=200),
            "name_en": _text("Nimi (englanti)", max_length=200),
            "kind": Field("choice", "Laji", required=True, choices=GROUP_KINDS),
            "age_min": Field("int", "Alaikäraja", minimum=0, maximum=120),
            "age_max": Field("int", "Yläikäraja", minimum=0, maximum=120),
            "sort_order": ORDER,
        },
        code_from="name_fi",
        unique=("name_fi",),
        extra_checks=("ages",),
    ),
    "department": Entity(
        Department,
        REFERENCE,
        "Toimiala",
        {
            "name_fi": _text("Nimi (suomi)", required=True, max_length=200),
            "name_en": _text("Nimi (englanti)", max_length=200),
            "kind": Field("choice", "Laji", required=True, choices=DEPARTMENT_KINDS),
            "report_cadence_months": Field("int", "Raportointiväli (kk)", minimum=1, maximum=60),
            "sort_order": ORDER,
        },
        code_from="name_fi",
        unique=("name_fi",),
    ),
    "area": Entity(
        Area,
        REFERENCE,
        "Alue",
        {"name": _text("Nimi", required=True, max_length=120), "sort_order": ORDER},
        unique=("name",),
    ),
    "population": Entity(
        PopulationFigure,
        REFERENCE,
        "Väestöluku",
        {
            "audience_group": Field(
                "ref", "Kohderyhmä (tyhjä = koko väestö)", target=AudienceGroup, attribute="audience_group"
            ),
            "year": Field("int", "Vuosi", required=True, minimum=1900, maximum=2100),
            "count": Field("int", "Väkiluku", required=True, minimum=0, maximum=10_000_000),
            "estimate": Field("bool", "Arvio"),
            "source": _text("Lähde", required=True, max_length=LONG_TEXT),
            "method": _text("Menetelmä", max_length=LONG_TEXT),
        },
        retirable=False,
        extra_checks=("population_unique",),
    ),
}


@dataclass(frozen=True)
class SettingSpec:
    label: str
    kind: str  # float | int
    minimum: float
    maximum: float
    include_minimum: bool = True


SETTINGS: dict[str, SettingSpec] = {
    "gap_threshold": SettingSpec("Aukon raja (edustavuusindeksi)", "float", 0.0, 1.0, include_minimum=False),
    "small_count": SettingSpec("Liian pieni määrä päätelmiin", "int", 1, 10_000),
    "open_loop_days": SettingSpec("Avoin palautesilmukka (päivää)", "int", 1, 3650),
    "unused_months": SettingSpec("Käyttämätön mahdollisuus (kk)", "int", 1, 120),
}


# --- values in and out ---------------------------------------------------------------------
