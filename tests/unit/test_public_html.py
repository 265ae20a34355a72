"""The public view's static HTML export (data_model.exports.public_html and the CLI command):
one self-contained accessible file with no record not marked public, no count under 5 shown
or derivable as a total minus the rows shown (every combination, computed from the file's
own tables), and no name of staff or residents."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import Engine

from data_model.__main__ import main
from data_model.db import session_factory
from data_model.exports.public_html import public_html
from tests.unit.html_tables import as_count, read_tables
from tests.unit.public_checks import small_derivable
from tests.unit.public_world import (
    PRIVATE_TITLE,
    PUBLIC_TITLE,
    PUBLIC_URL,
    RESIDENT_NAME,
    STAFF_NAME,
    TODAY,
    YEAR,
    build_public_world,
)

HIDDEN = {"fi": "alle 5", "en": "fewer than 5"}
# A row hidden only so that a small one cannot be worked out from the total.
WITHHELD = {"fi": "piilotettu", "en": "withheld"}


@pytest.fixture
def world(engine: Engine) -> Engine:
    build_public_world(engine)
    return engine


def _html(engine: Engine, lang: str) -> str:
    with session_factory(engine)() as session:
        return public_html(session, YEAR, TODAY, lang)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_no_count_under_five_is_shown_or_derivable_from_the_files_tables(world: Engine, lang: str) -> None:
    tables = read_tables(_html(world, lang))
    counted = 0
    for table in tables:
        assert table.caption.strip(), "every table has a caption"
        hidden_words = (HIDDEN[lang], WITHHELD[lang])
        cells = [[as_count(cell, hidden_words) for cell in row[1:]] for row in table.rows]
        columns = len(table.header) - 1
        for column in range(columns):
            values = [row[column] for row in cells]
            if not all(value is None or isinstance(value, int) for value in values):
                continue  # a column of words (the catalogue's statutory column and law)
            counted += 1
            total = as_count(table.total[column + 1], hidden_words) if table.total else None
            assert total is None or isinstance(total, int)
            parts = [value if isinstance(value, int) else None for value in values]
            assert all(part is None or part >= 5 for part in parts), table.caption
            assert small_derivable(parts, total) == [], table.caption
    # The year by form and by area, the ages, the initiatives (two tables) were all checked.
    assert counted == 5
    assert sum(HIDDEN[lang] in "".join(row) for table in tables for row in table.rows) >= 4


def test_the_file_holds_only_the_published_action_and_no_name(world: Engine) -> None:
    html = _html(world, "fi")
    for secret in (STAFF_NAME, RESIDENT_NAME, PRIVATE_TITLE, "Toimenpide 1", "yksityinen"):
        assert secret not in html
    assert PUBLIC_TITLE in html
    assert f'<a href="{PUBLIC_URL}">' in html


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_file_is_self_contained_and_accessible(world: Engine, lang: str) -> None:
    html = _html(world, lang)
    assert html.startswith("<!DOCTYPE html>")
    assert f'<html lang="{lang}">' in html
    assert html.count("<h1>") == 1 and html.count("<main>") == 1
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
    assert all(later - earlier <= 1 for earlier, later in pairwise(levels))
    assert html.count("<table>") == html.count("<caption>") > 0
    assert '<th scope="col"' in html and '<th scope="row"' in html
    # No script, no external asset: the only addresses are the published feedback links.
    assert "<script" not in html and "<link" not in html and " src=" not in html
    assert re.findall(r'href="([^"]+)"', html) == [PUBLIC_URL]


def test_the_command_line_writes_the_file(
    world: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", world.url.render_as_string(hide_password=False))
    out = tmp_path / "julkinen.html"
    assert main(["public-html", "--out", str(out), "--year", str(YEAR), "--lang", "en"]) == 0
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "What was done in 2025" in html and PUBLIC_TITLE in html
