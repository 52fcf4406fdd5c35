"""nlp/casualties/asides.py: what may stand between people and their outcome, through ``end_of_aside`` and
``in_apposition`` (invented sentences)."""

from __future__ import annotations

from sitrep.nlp.casualties import casualty_reader
from sitrep.nlp.casualties.asides import end_of_aside, in_apposition
from sitrep.nlp.lexicon import tokenize


def _aside(sentence: str, opener: str) -> str | None:
    """The words of the aside opening at ``opener`` (the first token with that text), or None."""
    tokens = tokenize(sentence)
    start = next(i for i, t in enumerate(tokens) if t.text == opener)
    end = end_of_aside(casualty_reader().words, tokens, start)
    return None if end is None else " ".join(t.text for t in tokens[start:end])


def test_a_relative_clause_ends_where_the_outcome_begins() -> None:
    assert _aside("Six militants who stormed the post were killed.", "who") == "who stormed the post"


def test_a_punctuated_apposition_and_an_of_phrase_are_stepped_over() -> None:
    assert _aside("Six people, including two boys, died.", ",") == ", including two boys ,"
    assert _aside("Nine soldiers of the Frontier Corps were martyred.", "of") == "of the Frontier Corps"


def test_an_aside_not_followed_by_an_outcome_is_none() -> None:
    assert _aside("Six militants who stormed the post fled.", "who") is None
    assert _aside("Six people, the police said, fled.", ",") is None


def test_a_figure_inside_an_apposition_after_people_is_found() -> None:
    tokens = tokenize("The victims, a man and a woman, were shot.")
    words = casualty_reader().words
    assert in_apposition(words, tokens, next(i for i, t in enumerate(tokens) if t.text == "a"))
    tokens = tokenize("In the town, a man was shot.")
    assert not in_apposition(words, tokens, next(i for i, t in enumerate(tokens) if t.text == "a"))
