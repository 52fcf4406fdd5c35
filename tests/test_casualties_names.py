"""nlp/casualties/names.py: people named by name, through ``named_figures`` (invented names)."""

from __future__ import annotations

from sitrep.nlp.casualties import casualty_reader
from sitrep.nlp.casualties.names import named_figures
from sitrep.nlp.lexicon import tokenize


def _named(text: str) -> list[tuple[str, int | None, str | None]]:
    words = casualty_reader().words
    tokens = tokenize(text)
    figures = named_figures(words, tokens, list(words.outcomes.find_all(tokens)), set())
    return [(f.count.text, f.count.low, f.outcome) for f in figures]


def test_one_person_named_counts_one() -> None:
    assert _named("Jane Roe was shot and killed on Elm Street.") == [("Jane Roe", 1, "killed")]
    assert _named("Roe died at a hospital.") == [("Roe", 1, "killed")]


def test_a_list_of_names_is_one_figure_of_each() -> None:
    assert _named("Roe and Lee were wounded.") == [("Roe and Lee", 2, "injured")]


def test_a_name_as_the_object_and_a_wound_in_a_limb() -> None:
    assert _named("A stray bullet fatally shot Sam Lee.")[0][:2] == ("Sam Lee", 1)
    assert _named("Officers shot Sam Lee in the leg.") == [("Sam Lee", 1, "injured")]


def test_words_that_are_no_names_count_nobody() -> None:
    assert _named("Police were not injured.") == []
    assert _named("In Lexington one was shot.") == []
