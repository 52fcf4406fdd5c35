"""sitrep.geo.datelines: where a story was filed, read only at its head."""

from __future__ import annotations

import pytest

from sitrep.geo.datelines import dateline_spans


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("QUETTA, March 12 (Reuters) — Two soldiers were killed.", "QUETTA, March 12 (Reuters) — "),
        ("TURBAT: Two soldiers were killed.", "TURBAT: "),
        ("Kabul, Afghanistan — Two soldiers were killed.", "Kabul, Afghanistan — "),
        ("Headline here\n(Quetta) At least two were killed.", "(Quetta) "),
    ],
)
def test_a_dateline_is_found_whole(text: str, dateline: str) -> None:
    ((start, end),) = dateline_spans(text)
    assert text[start:end] == dateline


def test_only_the_first_four_lines_with_text_may_hold_a_dateline() -> None:
    head = "One.\n\nTwo.\nThree.\nFour.\n"
    assert dateline_spans(head + "QUETTA: Two soldiers were killed.") == []
    assert dateline_spans("One.\nQUETTA: Two soldiers were killed.") != []


def test_prose_opening_a_line_is_no_dateline() -> None:
    assert dateline_spans("Two soldiers were killed in Quetta on Sunday - officials said.") == []
