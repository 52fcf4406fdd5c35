"""nlp/casualties/figures.py: figures and their people, through its own functions (invented sentences)."""

from __future__ import annotations

from sitrep.nlp.casualties import casualty_reader
from sitrep.nlp.casualties.figures import bare_outcomes, number_figures, read_noun_phrase, singular_figures
from sitrep.nlp.lexicon import tokenize


def test_numbers_that_measure_something_else_are_no_figures() -> None:
    words = casualty_reader().words
    text = "Police seized 5 vehicles and 12 rifles."
    assert number_figures(words, text, tokenize(text)) == []
    text = "Gunmen killed 17 soldiers."
    [figure] = number_figures(words, text, tokenize(text))
    assert (figure.count.low, figure.span_start, figure.span_end) == (17, 2, 3)


def test_the_noun_phrase_gives_the_people_and_an_outcome_noun() -> None:
    words = casualty_reader().words
    text = "The attack left 31 civilian deaths."
    tokens = tokenize(text)
    [figure] = number_figures(words, text, tokens)
    assert read_noun_phrase(words, tokens, figure)
    assert (figure.victim and figure.victim.victim, figure.outcome, figure.outcome_from) == (
        "civilians",
        "killed",
        "noun",
    )


def test_a_person_named_by_a_noun_counts_one_unless_a_speaker() -> None:
    words = casualty_reader().words
    [figure] = singular_figures(words, tokenize("A shepherd was wounded."), set(), None)
    assert (figure.count.low, figure.count.high, figure.count.text) == (1, 1, "A shepherd")
    assert singular_figures(words, tokenize("A police officer said the road was shut."), set(), None) == []


def test_an_outcome_word_alone_is_a_figure_with_no_count() -> None:
    words = casualty_reader().words
    tokens = tokenize("The raiders took hostages but there were no casualties.")
    [figure] = bare_outcomes(tokens, list(words.outcomes.find_all(tokens)), set())
    assert (figure.outcome, figure.count.low, figure.count.text) == ("abducted", None, "hostages")
