"""One test per row of the count grammar table: its example sentence must give the stated bounds."""

from __future__ import annotations

import pytest

from sitrep.data import read_table
from sitrep.nlp.numbers import MAX_COUNT, count_grammar, parse_number
from sitrep.pipeline import extract_claims

ROWS = read_table("count_grammar.tsv")


def _bound(value: str) -> int | None:
    return int(value) if value else None


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['kind']}:{r['pattern']}:{r['example'][:20]}" for r in ROWS])
def test_grammar_row_example_gives_its_bounds(row: dict[str, str]) -> None:
    claims = extract_claims(row["example"])
    assert len(claims) >= 1, f"no claim from {row['example']!r}"
    first = claims[0]
    assert (first.count.low, first.count.high) == (_bound(row["expect_low"]), _bound(row["expect_high"]))
    assert first.count.approximate is (row["approximate"] == "yes")


@pytest.mark.parametrize(
    ("words", "value"),
    [("seventeen", 17), ("two hundred and fifty", 250), ("twenty-five", 25), ("1,200", 1200), ("31", 31)],
)
def test_numbers_in_words_and_digits(words: str, value: int) -> None:
    assert parse_number(words) == value


def test_a_dash_range_needs_digits_on_both_sides() -> None:
    spans = count_grammar().find("QUETTA, March 8 — Two soldiers were killed")
    assert [(s.text, s.low, s.high) for s in spans] == [("8", 8, 8), ("Two", 2, 2)]


def test_every_row_kind_is_known() -> None:
    assert {row["kind"] for row in ROWS} <= {"modifier", "quantity", "range", "vague", "singular"}


@pytest.mark.parametrize(
    ("words", "low", "high"),
    [
        ("1,000,000,000 people", 1_000_000_000, 1_000_000_000),  # the bound itself is a count
        ("1,000,000,001 people", None, None),
        ("123456789012345678901 people", None, None),
        ("more than 1000000000 people", None, None),  # the modifier's Q+1 passes the bound
        ("between 5 and 99999999999999999999 people", None, None),
        ("0000000000000000000000007 people", 7, 7),  # leading zeros are no size
    ],
)
def test_a_figure_beyond_any_count_keeps_its_words_and_no_bounds(
    words: str, low: int | None, high: int | None
) -> None:
    [span] = count_grammar().find(words)
    assert (span.low, span.high) == (low, high) and span.text == words.removesuffix(" people")


def test_thousands_of_digits_are_not_converted() -> None:
    # int() refuses past 4,300 digits: the reader must not ask it.
    [span] = count_grammar().find("9" * 5000 + " people")
    assert span.low is None and span.high is None
    assert parse_number("9" * 5000) == MAX_COUNT + 1


def test_every_count_fits_the_stores_integer_columns() -> None:
    assert MAX_COUNT < 2**31 - 1  # PostgreSQL's INTEGER, the narrowest of the stores' count columns
