"""Helpers for the report-page AppTests: read what a page shows in plain text."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.permissions import CurrentUser
from data_model.services.actions import create_action
from data_model.validation import ActionInput

USERNAMES = ("koordinaattori", "toimialajohtaja", "toimialajohtaja2", "valtuutettu")
_ESCAPE = re.compile(r"\\(.)")


def page_text(at: AppTest) -> str:
    """All markdown, captions and texts of the page, markdown escapes removed."""
    parts = [
        element.value for element in (*at.markdown, *at.caption, *at.text, *at.info, *at.warning, *at.success)
    ]
    return _ESCAPE.sub(r"\1", "\n".join(str(part) for part in parts))


def metric_values(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def open_with_filters(at: AppTest, page: str, **params: str) -> AppTest:
    """Switch an opened app to `page` with the filters in the address (as a shared link would)."""
    for name, value in params.items():
        at.query_params[name] = value
    return at.switch_page(page).run()


def log_youth_evening(engine: Engine, user: CurrentUser, total: int, youth: int, **fields: list[str]) -> None:
    """Log an action of `user`'s department as the log-action page does (audited, versioned)."""
    with transaction(engine) as session:
        create_action(
            session,
            user,
            ActionInput(
                department_id=user.department_id,
                title="Nuorten ilta",
                start_date=date(2025, 3, 1),
                participants_total=str(total),
                reach={"youth_15_29": str(youth)},
                **fields,  # type: ignore[arg-type]
            ),
        )
