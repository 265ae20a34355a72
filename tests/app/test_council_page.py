"""The council page: every role that reads it sees the summary, and gets the three downloads
after asking for the report."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from data_model.i18n import t

PAGE = "pages/reports/council.py"


@pytest.mark.parametrize("username", ["valtuutettu", "koordinaattori", "toimialajohtaja"])
def test_page_shows_the_summary_and_builds_the_downloads(
    open_app: Callable[..., AppTest], username: str
) -> None:
    at = open_app(username, page=PAGE)
    assert not at.exception
    assert at.title[0].value == t("page.council")
    assert t("council.section.key_numbers") in [header.value for header in at.subheader]
    assert [metric.label for metric in at.metric][:2] == [
        t("council.key.actions"),
        t("council.key.participants"),
    ]
    assert len(at.download_button) == 0, "documents are built only when asked"

    build = next(button for button in at.button if button.label == t("council.build"))
    build.click().run()
    assert not at.exception
    labels = [button.label for button in at.download_button]
    assert labels == [t("council.download.pdf"), t("council.download.excel"), t("council.download.csv")]


def test_choosing_a_council_term_reports_on_it(open_app: Callable[..., AppTest]) -> None:
    at = open_app("valtuutettu", page=PAGE)
    at.segmented_control[0].set_value("term").run()
    assert not at.exception
    texts = " ".join(text.value for text in at.text)
    assert "valtuustokausi 2025–2029" in texts


def test_page_reads_in_english(open_app: Callable[..., AppTest]) -> None:
    at = open_app("valtuutettu")
    at.session_state["lang"] = "en"
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.title[0].value == t("page.council", "en")
    assert t("council.key.actions", "en") in [metric.label for metric in at.metric]


def test_participants_are_explained_as_participations(open_app: Callable[..., AppTest]) -> None:
    at = open_app("valtuutettu", page=PAGE)
    participants = next(m for m in at.metric if m.label == t("council.key.participants"))
    assert participants.help == t("term.participations_note")
    overview = open_app("valtuutettu", page="pages/reports/overview.py")
    assert (
        t("term.participations_note")
        in next(m for m in overview.metric if m.label == t("overview.participants")).help
    )
