"""nlp/casualties/outcomes.py: a figure's outcome from the words before or after it, through its own functions
(invented sentences)."""

from __future__ import annotations

from sitrep.nlp.casualties import casualty_reader
from sitrep.nlp.casualties.figures import number_figures, read_noun_phrase
from sitrep.nlp.casualties.outcomes import outcome_after, outcome_before, outcomes_by_end, unknown_people
from sitrep.nlp.casualties.records import Figure
from sitrep.nlp.lexicon import Token, tokenize


def _figure(text: str) -> tuple[list[Token], Figure]:
    words = casualty_reader().words
    tokens = tokenize(text)
    [figure] = number_figures(words, text, tokens)
    read_noun_phrase(words, tokens, figure)
    return tokens, figure


def test_an_outcome_after_the_people_through_bridging_words() -> None:
    tokens, figure = _figure("Four porters were reportedly killed.")
    outcome_after(casualty_reader().words, tokens, figure)
    assert (figure.outcome, figure.outcome_from) == ("killed", "after")


def test_the_people_who_did_it_are_no_victims() -> None:
    tokens, figure = _figure("Two gunmen later shot his brother.")
    outcome_after(casualty_reader().words, tokens, figure)
    assert figure.agent


def test_an_outcome_before_the_figure_and_a_toll_that_rose() -> None:
    words = casualty_reader().words
    tokens, figure = _figure("The blast killed 9 pilgrims.")
    outcome_before(words, tokens, figure, outcomes_by_end(list(words.outcomes.find_all(tokens))))
    assert (figure.outcome, figure.outcome_from) == ("killed", "before")
    tokens, figure = _figure("The death toll from the blast has risen to 31.")
    outcome_before(words, tokens, figure, outcomes_by_end(list(words.outcomes.find_all(tokens))))
    assert figure.outcome == "killed"


def test_a_plural_noun_the_lexicon_does_not_know_counts_civilians_when_shot() -> None:
    words = casualty_reader().words
    tokens, figure = _figure("Three beekeepers were shot dead.")
    assert figure.victim is None and figure.unknown_end
    unknown_people(words, tokens, figure)
    assert (figure.victim and figure.victim.victim, figure.outcome) == ("civilians", "killed")
    tokens, figure = _figure("Three outposts were captured.")
    unknown_people(words, tokens, figure)
    assert figure.outcome is None  # things are captured too
