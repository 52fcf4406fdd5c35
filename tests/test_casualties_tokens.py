"""nlp/casualties/tokens.py: token tests, through its own functions (invented sentences)."""

from __future__ import annotations

from sitrep.nlp.casualties.tokens import (
    bracket_end,
    definite_before,
    int_or_none,
    is_name_word,
    names_a_number,
    names_a_speaker,
    negated,
    span_text,
)
from sitrep.nlp.lexicon import tokenize


def _index(tokens: list, word: str) -> int:
    return next(i for i, t in enumerate(tokens) if t.text == word)


def test_a_negation_up_to_three_words_before_negates() -> None:
    tokens = tokenize("No one was hurt but two were not injured at all.")
    assert negated(tokens, _index(tokens, "injured"))
    assert negated(tokens, _index(tokens, "hurt"))
    tokens = tokenize("Two guards were injured.")
    assert not negated(tokens, _index(tokens, "injured"))


def test_name_words_are_capitalised_words_but_not_acronyms_or_clause_words() -> None:
    tokens = tokenize("Officer Dana Pike and the SHO were there When it began")
    assert is_name_word(tokens[_index(tokens, "Dana")])
    assert not is_name_word(tokens[_index(tokens, "SHO")])
    assert not is_name_word(tokens[_index(tokens, "When")])


def test_an_age_after_a_name_or_a_four_digit_number_is_no_count() -> None:
    tokens = tokenize("Ann Lee, 46, was shot at 13915 Oak Road.")
    assert names_a_number(tokens, _index(tokens, "46"), _index(tokens, "46") + 1)
    assert names_a_number(tokens, _index(tokens, "13915"), _index(tokens, "13915") + 1)
    tokens = tokenize("Police said 46 were shot.")
    assert not names_a_number(tokens, _index(tokens, "46"), _index(tokens, "46") + 1)


def test_a_source_a_bracket_and_a_definite_reference_are_recognised() -> None:
    tokens = tokenize("According to a police officer, the remaining three of the Frontier Corps (FC) died.")
    officer = _index(tokens, "officer")
    assert names_a_speaker(tokens, officer, officer + 1)
    assert bracket_end(tokens, _index(tokens, "(")) == _index(tokens, ")") + 1
    assert bracket_end(tokens, _index(tokens, "died")) is None
    assert definite_before(tokens, _index(tokens, "three"))
    assert span_text(tokens, 0, 2) == "According to"
    assert (int_or_none("7"), int_or_none("")) == (7, None)
