"""Which language a reader gets: programme content in English where it exists, Finnish marked as
Finnish where it does not, and one place in the code that decides it."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

from data_model.i18n import in_language
from data_model.metrics.labels import Label

ROOT = Path(__file__).resolve().parents[2]


def test_english_content_is_shown_to_an_english_reader() -> None:
    assert in_language("en", "Nuorisovaltuusto", "Youth council") == "Youth council"
    assert in_language("fi", "Nuorisovaltuusto", "Youth council") == "Nuorisovaltuusto"


def test_finnish_without_english_is_marked_as_finnish_for_an_english_reader() -> None:
    assert in_language("en", "Tärkein kohderyhmä asukkaat", "") == "Tärkein kohderyhmä asukkaat (in Finnish)"
    assert (
        in_language("en", "Tärkein kohderyhmä asukkaat", None) == "Tärkein kohderyhmä asukkaat (in Finnish)"
    )
    assert in_language("fi", "Tärkein kohderyhmä asukkaat", "") == "Tärkein kohderyhmä asukkaat"
    assert in_language("en", "", "") == ""


def test_names_of_rows_follow_the_same_rule() -> None:
    label = Label(id=1, code="x", name_fi="Kaupunkiympäristötoimiala", name_en="")
    assert label.name("en") == "Kaupunkiympäristötoimiala (in Finnish)"


def test_no_module_decides_the_language_of_content_itself() -> None:
    # `lang == "en"` beside a name_en/_en field was copied into seven places; in_language is the one.
    own_rule = re.compile(r"""lang(?:\(\))?\s*==\s*["']en["']""")
    allowed = {ROOT / "data_model" / "i18n.py", ROOT / "data_model" / "formatting.py"}
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in [ROOT / "app.py", *ROOT.glob("pages/**/*.py"), *ROOT.glob("data_model/**/*.py")]
        if path not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if own_rule.search(line)
    ]
    assert offenders == []


def test_pages_format_numbers_in_the_readers_language() -> None:
    # data_model.formatting defaults to Finnish; pages take the bound formatters instead.
    offenders = [
        str(path.relative_to(ROOT))
        for path in [ROOT / "app.py", *ROOT.glob("pages/**/*.py")]
        if re.search(
            r"^from data_model(?:\.formatting| import formatting)", path.read_text(encoding="utf-8"), re.M
        )
        and path.name != "formats.py"
    ]
    assert offenders == []


def test_no_multiselect_offers_streamlits_english_bulk_choice() -> None:
    # Streamlit adds "Select all" / "Select 2 matches" to a multiselect, in English, and Enter
    # after typing a word picked every match (two development measures at once).
    import ast

    offenders = []
    for path in [ROOT / "app.py", *ROOT.glob("pages/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "multiselect"
            ):
                select_all = next((k.value for k in node.keywords if k.arg == "select_all"), None)
                if not (isinstance(select_all, ast.Constant) and select_all.value is False):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_heat_map_counts_carry_no_english_thousands_separator() -> None:
    # Vega's default legend format wrote "1,000" on the Finnish reach page.
    import pandas as pd

    from pages.widgets.charts import heatmap

    cells = pd.DataFrame({"row": ["r", "r"], "column": ["x", "y"], "value": [0, 1200]})
    spec = heatmap(cells, "row", "column", "value", "t")
    rects, texts = spec["layer"][0]["encoding"], spec["layer"][1]["encoding"]
    assert rects["color"]["legend"]["format"] == "d"
    assert texts["text"]["format"] == "d"


def test_no_page_uses_a_number_field() -> None:
    # Streamlit's number field drops a minus or a letter with an English tooltip and nothing
    # else; counts and amounts are text fields that the validation checks in the reader's language.
    offenders = [
        str(path.relative_to(ROOT))
        for path in [ROOT / "app.py", *ROOT.glob("pages/**/*.py")]
        if "number_input(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def _default_lang_position(function: object) -> int | None:
    """The position of `function`'s `lang` parameter when it has a default (Finnish), else None."""
    try:
        parameters = list(inspect.signature(function).parameters.values())  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return next(
        (index for index, p in enumerate(parameters) if p.name == "lang" and p.default is not p.empty), None
    )


def _gives_lang(args: list[ast.expr], keywords: list[ast.keyword], position: int) -> bool:
    starred = any(isinstance(arg, ast.Starred) for arg in args)
    return starred or len(args) > position or any(k.arg in ("lang", None) for k in keywords)


def test_pages_hand_the_readers_language_to_every_call_that_takes_one() -> None:
    # A data_model function whose `lang` defaults to Finnish, called from a page without it,
    # wrote an English reader's council tables the Finnish way (report_tables.show_table). Every
    # such call in app.py and pages/ passes the language, directly or through read(fn, ...),
    # which hands fn its session first.
    offenders = []
    for path in [ROOT / "app.py", *ROOT.glob("pages/**/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.asname or alias.name: (node.module, alias.name)
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("data_model")
            for alias in node.names
        }
        for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
            if not isinstance(call.func, ast.Name):
                continue
            name, args, skipped = call.func.id, list(call.args), 0
            if name in ("read", "read_uncached") and args and isinstance(args[0], ast.Name):
                name, args, skipped = args[0].id, args[1:], 1  # read supplies the session
            if name not in imported:
                continue
            module, attribute = imported[name]
            position = _default_lang_position(getattr(importlib.import_module(module), attribute, None))
            if position is not None and not _gives_lang(args, call.keywords, position - skipped):
                offenders.append(f"{path.relative_to(ROOT)}:{call.lineno} {attribute}")
    assert offenders == []
