"""nlp/casualties/predicates.py: what follows a word, through its own functions (invented sentences)."""

from __future__ import annotations

from sitrep.nlp.casualties import casualty_reader
from sitrep.nlp.casualties.predicates import (
    coordinated_outcome,
    died_after,
    dies_next,
    leads_on,
    limb_wound,
    takes_object,
    wound_after_care,
)
from sitrep.nlp.lexicon import Token, tokenize


def _at(sentence: str, word: str) -> tuple[list[Token], int]:
    tokens = tokenize(sentence)
    return tokens, next(i for i, t in enumerate(tokens) if t.text == word)


def test_an_outcome_after_bridging_words_leads_on() -> None:
    words = casualty_reader().words
    assert leads_on(words, *_at("Four guards were later killed.", "were"))
    assert not leads_on(words, *_at("Four guards were at the gate.", "were"))


def test_a_wound_and_a_death_after_it_are_read_past_the_limb() -> None:
    words = casualty_reader().words
    tokens, shot = _at("A farmer was shot in the arm and later died.", "shot")
    assert limb_wound(words, tokens, shot + 1)
    assert died_after(words, tokens, shot + 1)
    tokens, shot = _at("A farmer was shot in the arm and went home.", "shot")
    assert not died_after(words, tokens, shot + 1)


def test_an_outcome_verb_with_an_object_makes_its_subject_the_doer() -> None:
    words = casualty_reader().words
    tokens, killed = _at("The gunman killed two people.", "killed")
    assert takes_object(words, tokens, killed + 1)
    tokens, killed = _at("Two people were killed.", "killed")
    assert not takes_object(words, tokens, killed + 1)
    assert dies_next(words, *_at("Two injured men later died.", "later"))


def test_a_wound_told_after_a_verb_of_care_and_a_coordinated_outcome_are_found() -> None:
    words = casualty_reader().words
    tokens, rushed = _at("Two men were rushed to a hospital with gunshot wounds.", "rushed")
    # the outcome phrase is "with gunshot wounds": it starts at "with"
    assert wound_after_care(words, tokens, rushed) == next(
        i for i, t in enumerate(tokens) if t.text == "with"
    )
    assert wound_after_care(words, *_at("Two men were rushed to a hospital in Dover.", "rushed")) is None
    tokens, dragged = _at("They were dragged from the car and shot dead.", "dragged")
    match = coordinated_outcome(words, tokens, dragged)
    assert match is not None and match.payload.outcome == "killed"
