"""The programme's texts reach an English reader in English where the seed has a translation:
principles, legal bases and channel goals and content, also in a database made before the
translations existed, and never over what the coordinator has written."""

from __future__ import annotations

from sqlalchemy import Engine, select, update

from data_model.db import session_factory
from data_model.models import Channel, DevelopmentPrinciple, Opportunity
from data_model.seed import load_programme


def _reseed(engine: Engine) -> None:
    with session_factory(engine)() as session, session.begin():
        load_programme(session)


def test_every_principle_legal_basis_and_channel_text_has_english(engine: Engine) -> None:
    with session_factory(engine)() as session:
        principles = session.scalars(select(DevelopmentPrinciple)).all()
        assert principles and all(p.description_en for p in principles if p.description_fi)
        statutory = session.scalars(select(Opportunity).where(Opportunity.legal_basis.is_not(None))).all()
        assert statutory and all(o.legal_basis_en for o in statutory)
        assert "Local Government Act 410/2015, section 29" in {o.legal_basis_en for o in statutory}
        channels = session.scalars(select(Channel)).all()
        for channel in channels:
            assert len(channel.goals_en.splitlines()) == len(channel.goals_fi.splitlines()), channel.code
            assert len(channel.content_en.splitlines()) == len(channel.content_fi.splitlines()), channel.code


def test_a_database_seeded_before_the_translations_gets_them(engine: Engine) -> None:
    with session_factory(engine)() as session, session.begin():
        session.execute(update(Channel).values(goals_en="", content_en=""))
        session.execute(update(Opportunity).values(legal_basis_en=""))
        session.execute(update(DevelopmentPrinciple).values(description_en=""))
        session.execute(update(Channel).where(Channel.code == "facebook").values(goals_en="Our own words"))
    _reseed(engine)
    with session_factory(engine)() as session:
        channels = {c.code: c for c in session.scalars(select(Channel))}
        assert channels["facebook"].goals_en == "Our own words"  # the coordinator's text stays
        assert channels["facebook"].content_en == "Current news on the city's affairs"
        assert channels["nettisivut"].goals_en.startswith("Provide the statutory information")
        assert all(p.description_en for p in session.scalars(select(DevelopmentPrinciple)))
        assert all(
            o.legal_basis_en
            for o in session.scalars(select(Opportunity).where(Opportunity.legal_basis.is_not(None)))
        )


def test_every_editable_field_has_a_label_in_both_languages() -> None:
    # The settings page builds the key from the field's name; a new field without one broke it.
    from data_model.i18n import LANGUAGES, catalogue
    from data_model.services.programme_fields import ENTITIES

    for lang in LANGUAGES:
        missing = {
            name
            for entity in ENTITIES.values()
            for name in entity.fields
            if f"programme_admin.field.{name}" not in catalogue(lang)
        }
        assert missing == set(), lang
