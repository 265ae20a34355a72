"""The public view's disclosure rule (data_model.disclosure): counts under 5 hidden, and no
hidden count recoverable as a total minus the rows shown."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data_model.disclosure import SMALL_COUNT, Shown, disclose, disclose_parts, public_table
from tests.unit.public_checks import small_derivable


def _values(shown: tuple[Shown, ...]) -> list[int | None]:
    return [value.value for value in shown]


def test_a_count_under_five_is_said_in_words_never_as_a_number() -> None:
    assert [disclose(n).value for n in (0, 1, 4, 5, 12)] == [None, None, None, 5, 12]
    assert disclose(3).text("fi") == "alle 5"
    assert disclose(3).text("en") == "fewer than 5"
    assert disclose(1234).text("fi") == "1\N{NO-BREAK SPACE}234"


def test_one_small_row_hides_a_second_so_the_total_does_not_give_it_away() -> None:
    parts, total = disclose_parts([7, 2, 6, 30], 45)
    # 2 alone would be 45 - 7 - 6 - 30; the smallest row shown (6) goes with it.
    assert _values(parts) == [7, None, None, 30]
    assert total == Shown(45)
    assert small_derivable(_values(parts), 45) == []


def test_a_row_hidden_to_protect_another_is_not_called_small() -> None:
    parts, _ = disclose_parts([7, 2, 6, 30], 45)
    # 6 is hidden only so that 2 cannot be worked out: "alle 5" would be untrue of it.
    assert [part.text("fi") for part in parts] == ["7", "alle 5", "piilotettu", "30"]
    assert [part.text("en") for part in parts] == ["7", "fewer than 5", "withheld", "30"]


def test_two_small_rows_that_add_up_under_five_hide_a_third() -> None:
    parts, total = disclose_parts([1, 2, 9, 12], 24)
    assert _values(parts) == [None, None, None, 12]
    assert small_derivable(_values(parts), total.value if total else None) == []


def test_a_total_under_five_is_hidden_with_every_row() -> None:
    parts, total = disclose_parts([1, 0, 3], 4)
    assert _values(parts) == [None, None, None]
    assert total == Shown(None)


def test_overlapping_rows_have_no_total_and_hide_each_small_one_alone() -> None:
    table = public_table([("a", "A", "A", 3), ("b", "B", "B", 8)], with_total=False)
    assert [row.count.value for row in table.rows] == [None, 8]
    assert table.total is None


def test_a_total_that_is_not_the_sum_of_its_rows_is_refused() -> None:
    with pytest.raises(ValueError):
        disclose_parts([5, 6], 12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=7))
def test_no_table_shows_or_gives_away_a_count_under_five(counts: list[int]) -> None:
    parts, total = disclose_parts(counts, sum(counts))
    shown = _values(parts)
    assert all(value is None or value >= SMALL_COUNT for value in shown)
    assert small_derivable(shown, total.value if total else None) == []
    # Only what has to go is hidden: every row of 5 or more is shown when nothing is small.
    if all(count >= SMALL_COUNT for count in counts):
        assert shown == counts
