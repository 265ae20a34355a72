"""The import file's format: its columns with their Finnish headers and the words its cells use."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import AudienceGroup

REACH_PREFIX = "Osallistujia: "
LIST_SEPARATOR = ";"

# field -> Finnish header, in template order
COLUMNS: dict[str, str] = {
    "external_ref": "Tunniste",
    "department": "Toimiala",
    "title": "Otsikko",
    "description": "Kuvaus",
    "start_date": "Alkamispäivä",
    "end_date": "Päättymispäivä",
    "forms": "Osallisuuden muodot",
    "opportunity": "Osallisuuden mahdollisuus",
    "measures": "Kehittämistoimet",
    "channels": "Viestintäkanavat",
    "intended_groups": "Kohderyhmät",
    "format": "Toteutustapa",
    "area": "Alue",
    "participants_total": "Osallistujia yhteensä",
    "reach_estimate": "Luvut ovat arvioita",
    "officials_took_part": "Päättäjiä mukana",
    "feedback_given": "Palaute annettu",
    "feedback_date": "Palautteen päivä",
    "feedback_method": "Palautteen tapa",
    "feedback_url": "Palautteen linkki",
    "decision_change": "Muutos päätöksessä",
    "staff_experience": "Henkilöstön kokemus (1–5)",
    "cost_eur": "Kustannus (€)",
    "source_note": "Lähde",
}
FORMAT_NAMES = {"paikan päällä": "in_person", "verkossa": "online", "hybridi": "hybrid"}
# The words the template writes for yes and no; a file may hold any of the words below.
YES_WORD = "kyllä"
NO_WORD = "ei"
TRUE_WORDS = {YES_WORD, "k", "x", "1", "true", "yes", "on"}
FALSE_WORDS = {"", NO_WORD, "e", "0", "false", "no"}


def reach_headers(session: Session) -> dict[str, str]:
    """Audience-group code -> its reach column header."""
    return {
        code: f"{REACH_PREFIX}{name}"
        for code, name in session.execute(
            select(AudienceGroup.code, AudienceGroup.name_fi)
            .where(AudienceGroup.active)
            .order_by(AudienceGroup.sort_order, AudienceGroup.id)
        )
    }


def template_headers(session: Session) -> list[str]:
    """Every column of the import template, in order."""
    return list(COLUMNS.values()) + list(reach_headers(session).values())


def header_of(name: str, reach_columns: dict[str, str]) -> str:
    """The column header that a field name of the validation (`department_id`, `reach.youth`)
    stands for, so that a rule's message is shown against the cell the file holds."""
    base = name.split(".")[0]
    aliases = {"department_id": "department", "area_id": "area", "opportunity_code": "opportunity"}
    aliases |= {"form_codes": "forms", "measure_codes": "measures", "channel_codes": "channels"}
    aliases |= {"intended_group_codes": "intended_groups"}
    if base == "reach":
        code = name.split(".", 1)[1] if "." in name else ""
        return reach_columns.get(code, COLUMNS["participants_total"])
    return COLUMNS.get(aliases.get(base, base), name)


# The survey results' import (imports/experience.py): field -> Finnish header, in template order.
EXPERIENCE_COLUMNS: dict[str, str] = {
    "survey": "Kysely",
    "year": "Vuosi",
    "group": "Ryhmä",
    "area": "Alue",
    "respondents": "Vastaajia",
    "score": "Pistemäärä (0–100)",
    "agree_pct": "Samaa mieltä (%)",
    "neutral_pct": "Ei samaa eikä eri mieltä (%)",
    "disagree_pct": "Eri mieltä (%)",
    "source_name": "Lähde",
    "source_url": "Lähteen linkki",
}
EXPERIENCE_SHEET = "Kyselytulokset"
# The group column's word for a result that describes every respondent (an empty cell says so too).
EVERYONE_WORD = "kaikki"
