"""events/dates/scan.py: finding date expressions in a text, through ``scan`` (invented sentences)."""

from __future__ import annotations

from sitrep.events.dates.grammar import load_grammar
from sitrep.events.dates.scan import scan


def _found(text: str) -> list[str]:
    return [text[m.start() : m.end()] for m in scan(text, load_grammar())]


def test_expressions_are_found_in_order_with_their_leading_words() -> None:
    text = "The convoy was hit in the early hours of Tuesday and again on 3 March 2023."
    assert _found(text) == ["in the early hours of Tuesday", "on 3 March 2023"]


def test_a_text_without_trigger_words_yields_nothing() -> None:
    assert _found("The convoy was hit near the bridge and the driver fled.") == []
    assert _found("") == []


def test_offsets_are_the_texts_even_when_lower_case_changes_its_length() -> None:
    text = "İstanbul police said the blast was on Friday."  # "İ" lengthens when lower-cased
    assert _found(text) == ["on Friday"]


def test_a_trigger_inside_a_longer_word_is_not_a_date() -> None:
    assert _found("The Mayday call came from Sundays River.") == []
