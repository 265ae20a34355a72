"""Password rules refuse the passwords an attacker tries first; the published demo password
is refused for every real account."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from data_model.demo_accounts import DEMO_PASSWORD
from data_model.passwords import password_problem
from data_model.services.users import SYSTEM_ACTOR, create_user
from data_model.validation import ValidationError


@pytest.mark.parametrize(
    "password",
    ["aaaaaaaaaaaa", "abababababab", "password1234", "Salasana2025!", "123456789012", DEMO_PASSWORD],
)
def test_weak_or_published_password_is_refused(password: str) -> None:
    assert password_problem(password, "kirsi") is not None


@pytest.mark.parametrize("password", ["kuusi-kettua-juoksee-rantaan", "Tq8!vLm2#pZr"])
def test_strong_password_is_accepted(password: str) -> None:
    assert password_problem(password, "kirsi") is None


def test_the_demo_password_is_refused_for_a_real_user(session: Session) -> None:
    with pytest.raises(ValidationError) as refused:
        create_user(session, SYSTEM_ACTOR, "kirsi", "coordinator", "Kirsi", DEMO_PASSWORD)
    assert "password" in refused.value.errors


def test_the_demo_password_is_kept_for_demo_accounts(session: Session) -> None:
    create_user(session, SYSTEM_ACTOR, "demo-kirsi", "coordinator", "Kirsi", DEMO_PASSWORD, is_demo=True)
