"""One app process for the multi-process test: the real app.py through AppTest, driven by
commands on standard input, one JSON answer per command on a line of standard output starting with ANSWER.

    start AT   wait until the wall-clock time AT, then the first request (migrates and seeds)
    login USER log in as USER and open the actions list
    log TITLE  log an action with TITLE through the form
    list       rerun the actions list; answers the titles it shows

The configuration (DATABASE_URL, cookie key, demo off) comes from the environment."""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

APP_FILE = str(Path(__file__).resolve().parents[2] / "app.py")
LOG_PAGE = "pages/manage/log_action.py"
LIST_PAGE = "pages/manage/actions.py"
# Marks the answer lines: Streamlit may print its own lines on standard output too.
ANSWER = "ANSWER "


def _titles(at: AppTest) -> list[str]:
    if not at.dataframe:
        return []
    return [str(title) for title in at.dataframe[0].value.iloc[:, 1].tolist()]


def _problems(at: AppTest) -> list[str]:
    return [str(e.value) for e in at.exception] + [str(e.value) for e in at.error]


def _log(at: AppTest, title: str) -> AppTest:
    at.switch_page(LOG_PAGE).run()
    at.multiselect(key="log_action.0.forms").set_value(["suunnittelu"]).run()
    at.text_input(key="log_action.0.title").input(title)
    at.date_input(key="log_action.0.start").set_value(date(2025, 4, 2))
    at.selectbox(key="log_action.0.opportunity").set_value("asukaskyselyt")
    at.text_input(key="log_action.0.total").input("12")
    return at.button(key="log_action.0.submit").click().run()


def main() -> None:
    at = AppTest.from_file(APP_FILE, default_timeout=120)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        answer: dict[str, Any] = {}
        if command == "start":
            time.sleep(max(0.0, float(argument) - time.time()))
            at.run()
        elif command == "login":
            at.session_state["authentication_status"] = True
            at.session_state["username"] = argument
            # A new user's session version (see data_model.auth.login_accounts).
            at.session_state["session_version"] = 0
            at.run()
            at.switch_page(LIST_PAGE).run()
        elif command == "log":
            at = _log(at, argument)
            answer["saved"] = [str(s.value) for s in at.success]
            at.switch_page(LIST_PAGE).run()
        elif command == "list":
            at.run()
        answer["problems"] = _problems(at)
        answer["titles"] = _titles(at)
        print(ANSWER + json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
