"""The live indicators a SWOT item can point at. Computed in metrics; named here so seed
files and the coordinator's edits can be checked against one list."""

from __future__ import annotations

INDICATORS: dict[str, str] = {
    "opportunities_in_use": "Käytössä olevat osallisuuden mahdollisuudet (12 kk)",
    "feedback_loop_rate": "Palaute annettu: osuus suunnittelu- ja päätöstoimista",
    "vulnerable_reach": "Yksinäisten ja ikäihmisten tavoittaminen",
    "officials_or_decision_changed": "Toimet, joissa päättäjät mukana tai päätös muuttui",
    "staff_experience": "Henkilöstön kokemus (1–5)",
    "youth_reach": "Nuorten (15–29) edustavuus",
    "actions_logged": "Kirjatut toimet neljännesvuosittain",
    "departments_reporting": "Ajallaan raportoineet toimialat",
    "digital_share": "Verkossa tai hybridinä toteutetut toimet",
    "awareness_channels": "Käytetyt viestintäkanavat",
    "older_reach": "Ikäihmisten (65+) edustavuus",
}
