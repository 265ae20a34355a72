"""Coordinator-editable programme names are drawn as text: markdown in a channel's name
(bold, an external image every viewer's browser would fetch) reaches the page escaped."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, select, update
from streamlit.testing.v1 import AppTest

from data_model.db import transaction
from data_model.models import Channel

HOSTILE = "**Lihava** ![kuva](https://example.invalid/x.png) $x^2$"


def test_channel_name_with_markdown_is_escaped_in_its_expander(
    open_app: Callable[..., AppTest], app_engine: Engine
) -> None:
    with transaction(app_engine) as session:
        first = session.scalars(select(Channel.id).order_by(Channel.id)).first()
        session.execute(update(Channel).where(Channel.id == first).values(name_fi=HOSTILE))
    at = open_app("koordinaattori", page="pages/programme/channels.py")
    assert not at.exception
    labels = [str(expander.label) for expander in at.expander]
    assert HOSTILE not in labels
    assert any(r"\*\*Lihava\*\*" in label and r"\!\[kuva\]" in label for label in labels)
