"""The import page: templates to download, a preview naming every bad row, then all rows or none."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.imports import COLUMNS, table_csv, table_xlsx, template_headers
from data_model.models import Action

PAGE = "pages/manage/import_actions.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _imported(engine: Engine) -> int:
    with transaction(engine) as session:
        return int(session.scalar(select(func.count()).where(Action.source == "import")) or 0)


def _rows(engine: Engine, *rows: dict[str, object]) -> tuple[list[str], list[list[object]]]:
    with transaction(engine) as session:
        headers = template_headers(session)
    return headers, [
        [{COLUMNS.get(k, k): v for k, v in row.items()}.get(h, "") for h in headers] for row in rows
    ]


GOOD = {"department": "hyvinvointi", "title": "Lukupiiri", "start_date": "3.2.2025", "forms": "toiminta"}
OTHER = {
    "department": "kaupunkiymparisto",
    "title": "Kaavakävely",
    "start_date": "3.2.2025",
    "forms": "tieto",
}


def test_templates_are_offered(open_app: Callable[..., AppTest]) -> None:
    at = open_app("toimialajohtaja", page=PAGE)
    assert not at.exception
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["Lataa pohja (CSV)", "Lataa pohja (Excel, ohjeineen)"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_good_file_is_previewed_then_imported(
    open_app: Callable[..., AppTest], app_engine: Engine, kind: str
) -> None:
    headers, rows = _rows(app_engine, GOOD, GOOD | {"title": "Toinen lukupiiri"})
    content = table_csv(headers, rows) if kind == "csv" else table_xlsx(headers, rows)
    at = open_app("toimialajohtaja", page=PAGE)
    at = (
        at.file_uploader[0]
        .set_value((f"tuonti.{kind}", content, "text/csv" if kind == "csv" else XLSX))
        .run()
    )
    assert not at.exception
    assert at.dataframe[0].value.iloc[:, 2].tolist() == ["Lukupiiri", "Toinen lukupiiri"]
    assert _imported(app_engine) == 0  # the preview writes nothing
    at = at.button(key="import.confirm").click().run()
    assert not at.exception
    assert "Tuotu 2 toimenpidettä" in at.success[0].value
    assert _imported(app_engine) == 2


def test_bad_rows_are_listed_and_nothing_is_saved(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    headers, rows = _rows(
        app_engine, GOOD, GOOD | {"title": "Toinen lukupiiri", "end_date": "1.1.2025"}, OTHER
    )
    at = open_app("toimialajohtaja", page=PAGE)
    at = at.file_uploader[0].set_value(("virheet.csv", table_csv(headers, rows), "text/csv")).run()
    assert "Tiedostoa ei voi tuoda: 2 virhettä" in at.error[0].value
    problems = at.dataframe[1].value
    assert problems.iloc[:, 0].tolist() == [3, 4]
    assert "oman toimialasi" in problems.iloc[1, 2]
    assert not [button for button in at.button if button.key == "import.confirm"]
    assert _imported(app_engine) == 0


def test_the_preview_is_not_recomputed_on_every_rerun(
    open_app: Callable[..., AppTest], app_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from data_model import imports

    calls: list[str] = []
    real = imports.preview_import

    def counting(*args: object) -> imports.ImportPreview:
        calls.append("preview")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(imports, "preview_import", counting)
    headers, rows = _rows(app_engine, GOOD)
    at = open_app("toimialajohtaja", page=PAGE)
    at = at.file_uploader[0].set_value(("tuonti.csv", table_csv(headers, rows), "text/csv")).run()
    at.run()
    at.run()
    assert not at.exception
    assert calls == ["preview"]


def test_a_refusal_at_confirmation_is_listed_like_the_preview(
    open_app: Callable[..., AppTest], app_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file is checked again on confirmation (another save may have come between): its
    # problems are the same labelled table as the preview's, not columns named 0, 1, 2.
    from data_model import imports
    from data_model.imports.problems import refused

    bad_headers, bad_rows = _rows(app_engine, GOOD | {"end_date": "1.1.2025"})
    at = open_app("toimialajohtaja", page=PAGE)
    at = at.file_uploader[0].set_value(("virheet.csv", table_csv(bad_headers, bad_rows), "text/csv")).run()
    preview_columns = list(at.dataframe[1].value.columns)

    def refusing(*args: object) -> list[int]:
        raise refused("import.error.xlsx_unreadable")

    monkeypatch.setattr(imports, "import_actions", refusing)
    headers, rows = _rows(app_engine, GOOD)
    at = open_app("toimialajohtaja", page=PAGE)
    at = at.file_uploader[0].set_value(("tuonti.csv", table_csv(headers, rows), "text/csv")).run()
    at = at.button(key="import.confirm").click().run()
    assert not at.exception
    assert "Tiedostoa ei voi tuoda: 1 virhe" in at.error[0].value
    assert list(at.dataframe[-1].value.columns) == preview_columns
    assert _imported(app_engine) == 0
