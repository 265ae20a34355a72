"""Bulk import from CSV and Excel: the template round-trips, bad files write nothing and name
every bad row, good files write every row, and department heads import only their own rows."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from sqlalchemy import Engine, delete, func, select

from data_model.db import transaction
from data_model.imports import (
    COLUMNS,
    ImportRefused,
    import_actions,
    preview_import,
    reach_headers,
    table_csv,
    table_xlsx,
    template_csv,
    template_headers,
    template_xlsx,
)
from data_model.models import Action, AuditEntry
from data_model.permissions import CurrentUser, PermissionDenied
from tests.factories import READER
from tests.unit.action_inputs import count_actions, count_audit

BASELINE = Path(__file__).resolve().parents[2] / "seed_data" / "programme" / "baseline_actions.yaml"


def _row(headers: list[str], **values: Any) -> list[object]:
    by_header = {COLUMNS.get(name, name): value for name, value in values.items()}
    return [by_header.get(header, "") for header in headers]


def _good_rows(headers: list[str]) -> list[list[object]]:
    return [
        _row(
            headers,
            department="hyvinvointi",
            title="Kirjaston lukupiiri",
            start_date="3.2.2025",
            forms="toiminta",
            participants_total=12,
            **{"Osallistujia: Ikääntyneet (65–74 v)": 7},
        ),
        _row(
            headers,
            department="Hyvinvointitoimiala",
            title="Koulujen pihasuunnittelu",
            start_date=date(2025, 3, 10),
            end_date="2025-03-20",
            forms="Suunnitteluosallisuus; paatos",
            opportunity="osallistuva_budjetointi",
            channels="wilma;instagram",
            format="verkossa",
            participants_total=210,
            reach_estimate="kyllä",
            **{"Osallistujia: Lapset (0–14 v)": 180, "Osallistujia: Nuoret (15–29 v)": 20},
        ),
    ]


def test_the_template_has_every_field_and_a_column_per_group(engine: Engine) -> None:
    with transaction(engine) as session:
        headers = template_headers(session)
        csv_text = template_csv(session, READER).decode("utf-8-sig")
        book = load_workbook(io.BytesIO(template_xlsx(session, READER)))
    assert headers[:3] == ["Tunniste", "Toimiala", "Otsikko"]
    assert "Osallistujia: Nuoret (15–29 v)" in headers
    assert csv_text.splitlines()[0].split(";") == headers
    assert [cell.value for cell in book["Toimenpiteet"][1]] == headers
    guide = [[cell.value for cell in row] for row in book["Ohjeet"].iter_rows()]
    assert ["Osallisuuden mahdollisuus", "osallistuva_budjetointi", "Osallistuva budjetointi"] in guide


def test_the_templates_guide_is_in_the_readers_language(engine: Engine) -> None:
    with transaction(engine) as session:
        book = load_workbook(io.BytesIO(template_xlsx(session, READER, "en")))
    guide = [[cell.value for cell in row] for row in book["Guide"].iter_rows()]
    assert guide[0][0].startswith("One row is one action.")
    assert ["Column", "Code", "Name"] in guide
    # The headers and values listed stay the file's own: the import reads them in Finnish.
    assert [cell.value for cell in book["Toimenpiteet"][1]][:2] == ["Tunniste", "Toimiala"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_good_file_is_imported_whole_and_audited(
    engine: Engine, users: dict[str, CurrentUser], kind: str
) -> None:
    head = users["department_head"]
    with transaction(engine) as session:
        headers = template_headers(session)
        before = count_actions(session)
    content = (
        table_csv(headers, _good_rows(headers)) if kind == "csv" else table_xlsx(headers, _good_rows(headers))
    )
    with transaction(engine) as session:
        preview = preview_import(session, head, f"tuonti.{kind}", content)
        assert preview.importable, preview.problems
        assert [row.row for row in preview.rows] == [2, 3]
        created = import_actions(session, head, f"tuonti.{kind}", content)
    with transaction(engine) as session:
        assert count_actions(session) == before + 2
        second = session.get_one(Action, created[1])
        assert second.source == "import"
        assert second.format == "online" and second.reach_estimate
        assert sorted(form.code for form in second.forms) == ["paatos", "suunnittelu"]
        assert {r.audience_group.code: r.count for r in second.reach} == {
            "children_0_14": 180,
            "youth_15_29": 20,
        }
        events = list(session.scalars(select(AuditEntry.event).order_by(AuditEntry.id)))
        assert events[-3:] == ["create", "create", "import"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_file_with_bad_rows_saves_nothing_and_names_every_bad_row(
    engine: Engine, users: dict[str, CurrentUser], kind: str
) -> None:
    coordinator = users["coordinator"]
    with transaction(engine) as session:
        headers = template_headers(session)
        before = (count_actions(session), count_audit(session))
    good = _good_rows(headers)
    rows = [
        good[0],  # row 2
        _row(
            headers,
            department="hyvinvointi",
            title="Loppuu ennen alkua",
            start_date="5.5.2025",
            end_date="1.5.2025",
            forms="tieto",
        ),  # row 3
        good[1],  # row 4
        _row(
            headers, department="ei_ole", title="Tuntematon toimiala", start_date="5.5.2025", forms="tieto"
        ),  # row 5
        _row(
            headers,
            department="hyvinvointi",
            title="Ryhmä yli kokonaismäärän",
            start_date="5.5.2025",
            forms="tieto",
            participants_total=3,
            **{"Osallistujia: Nuoret (15–29 v)": 9},
        ),  # row 6
    ]
    content = table_csv(headers, rows) if kind == "csv" else table_xlsx(headers, rows)
    with transaction(engine) as session:
        preview = preview_import(session, coordinator, f"virheet.{kind}", content)
    assert not preview.importable
    assert sorted({problem.row for problem in preview.problems}) == [3, 5, 6]
    messages = {problem.row: problem.message.text() for problem in preview.problems}
    assert "ennen alkamispäivää" in messages[3]
    assert "ei_ole" in messages[5]
    assert "enemmän kuin osallistujia" in messages[6]
    with pytest.raises(ImportRefused) as refused, transaction(engine) as session:
        import_actions(session, coordinator, f"virheet.{kind}", content)
    assert sorted({problem.row for problem in refused.value.problems}) == [3, 5, 6]
    with transaction(engine) as session:
        assert (count_actions(session), count_audit(session)) == before


def test_a_department_head_cannot_import_another_departments_rows(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    head = users["department_head"]
    with transaction(engine) as session:
        headers = template_headers(session)
        before = count_actions(session)
    rows = [
        *_good_rows(headers),
        _row(
            headers,
            department="kaupunkiymparisto",
            title="Kaavakävely",
            start_date="1.6.2025",
            forms="suunnittelu",
        ),
    ]
    content = table_csv(headers, rows)
    with transaction(engine) as session:
        preview = preview_import(session, head, "vieras.csv", content)
    assert [(p.row, p.message.text()) for p in preview.problems] == [
        (4, "Voit tuoda vain oman toimialasi toimenpiteitä.")
    ]
    with pytest.raises(ImportRefused), transaction(engine) as session:
        import_actions(session, head, "vieras.csv", content)
    with transaction(engine) as session:
        assert count_actions(session) == before


def test_council_cannot_import(engine: Engine, users: dict[str, CurrentUser]) -> None:
    with transaction(engine) as session:
        content = table_csv(template_headers(session), _good_rows(template_headers(session)))
    with pytest.raises(PermissionDenied), transaction(engine) as session:
        import_actions(session, users["council"], "x.csv", content)


def test_wrong_files_are_refused_with_a_reason(engine: Engine, users: dict[str, CurrentUser]) -> None:
    coordinator = users["coordinator"]
    with transaction(engine) as session:
        assert (
            "CSV- tai Excel"
            in preview_import(session, coordinator, "x.pdf", b"%PDF").problems[0].message.text()
        )
        assert (
            "Excel" in preview_import(session, coordinator, "x.xlsx", b"not a zip").problems[0].message.text()
        )
        missing = preview_import(session, coordinator, "x.csv", b"Otsikko;Kuvaus\r\nA;B\r\n")
        assert {p.message.text() for p in missing.problems} >= {
            "Sarake puuttuu: Toimiala.",
            "Sarake puuttuu: Alkamispäivä.",
        }
        empty = preview_import(session, coordinator, "x.csv", table_csv(template_headers(session)))
        assert not empty.importable and "ei ole yhtään" in empty.problems[0].message.text()


def test_a_reference_is_imported_once(engine: Engine, users: dict[str, CurrentUser]) -> None:
    coordinator = users["coordinator"]
    with transaction(engine) as session:
        headers = template_headers(session)
    row = _row(
        headers,
        external_ref="kysely-2025",
        department="hyvinvointi",
        title="Kysely",
        start_date="1.2.2025",
        forms="tieto",
    )
    with transaction(engine) as session:
        assert (
            "jo rivillä 2"
            in preview_import(session, coordinator, "a.csv", table_csv(headers, [row, row]))
            .problems[0]
            .message.text()
        )
        import_actions(session, coordinator, "a.csv", table_csv(headers, [row]))
    with transaction(engine) as session:
        again = preview_import(session, coordinator, "a.csv", table_csv(headers, [row]))
        assert again.problems[0].message.text() == "Tämä tunniste on jo tuotu."


def test_the_2023_baseline_rows_are_expressible_in_the_template(
    engine: Engine, users: dict[str, CurrentUser]
) -> None:
    baseline = yaml.safe_load(BASELINE.read_text(encoding="utf-8"))
    with transaction(engine) as session:
        headers = template_headers(session)
        group_header = reach_headers(session)
        # Remove the seeded copies, then bring the same rows back through the template.
        session.execute(delete(Action).where(Action.source == "baseline"))
    rows = []
    for item in baseline:
        values: dict[str, Any] = {
            "external_ref": f"baseline:{item['code']}",
            "department": item["department"],
            "title": item["title_fi"],
            "description": item["description_fi"],
            "start_date": item["start_date"],
            "end_date": item["end_date"],
            "forms": item["forms"],
            "opportunity": item["opportunity"] or "",
            "measures": item["measures"],
            "channels": item["channels"],
            "intended_groups": item["intended_groups"],
            "format": item["format"],
            "area": item["area"],
            "participants_total": item["participants_total"],
            "reach_estimate": item.get("reach_estimate", False),
            "feedback_given": item["feedback_given"],
            "source_note": item["source_fi"],
        }
        values |= {group_header[code]: count for code, count in (item["reach"] or {}).items()}
        rows.append(_row(headers, **values))
    content = table_xlsx(headers, rows)
    coordinator = users["coordinator"]
    with transaction(engine) as session:
        preview = preview_import(session, coordinator, "baseline.xlsx", content)
        assert preview.importable, preview.problems
        import_actions(session, coordinator, "baseline.xlsx", content)
    with transaction(engine) as session:
        survey = session.scalars(
            select(Action).where(Action.external_ref == "baseline:resident_survey_2023")
        ).one()
        assert (survey.participants_total, survey.start_date, survey.end_date, survey.reach_estimate) == (
            137,
            date(2023, 6, 1),
            date(2023, 6, 30),
            True,
        )
        assert {r.audience_group.code: r.count for r in survey.reach} == {"youth_15_29": 2}
        assert sorted(c.code for c in survey.channels) == ["facebook", "kyselyt_palautteet", "nettisivut"]
        assert survey.area is not None and survey.area.name == "Koko kaupunki"
        assert session.scalar(select(func.count()).where(Action.external_ref.like("baseline:%"))) == len(
            baseline
        )
