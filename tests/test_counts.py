"""Counts as French writes them: the singular below two, thousands apart."""

from __future__ import annotations

import pytest

from explorer.model.text import counted, french_number


@pytest.mark.parametrize(
    ("number", "expected"),
    [(0, "0 métier"), (1, "1 métier"), (2, "2 métiers"), (10_000, "10\u202f000 métiers")],
)
def test_a_count_takes_the_singular_below_two_and_spaces_its_thousands(
    number: int, expected: str
) -> None:
    assert counted(number, "métier") == expected


def test_a_plural_that_is_not_an_s_is_given() -> None:
    assert counted(1, "compétence cochée", "compétences cochées") == "1 compétence cochée"
    assert counted(3, "compétence cochée", "compétences cochées") == "3 compétences cochées"


def test_thousands_below_and_above_a_million() -> None:
    assert [french_number(n) for n in (999, 1_000, 1_234_567)] == [
        "999",
        "1\u202f000",
        "1\u202f234\u202f567",
    ]
