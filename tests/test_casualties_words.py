"""nlp/casualties/words.py: the casualty vocabulary read from the data files, through ``CasualtyWords``."""

from __future__ import annotations

from sitrep.nlp.casualties.words import CasualtyWords, OutcomeWord, VictimWord
from sitrep.nlp.lexicon import tokenize
from sitrep.nlp.numbers import count_grammar


def _words() -> CasualtyWords:
    return CasualtyWords(count_grammar())


def test_outcome_phrases_carry_their_outcome_and_whether_they_stand_alone() -> None:
    words = _words()
    tokens = tokenize("Nine guards were shot dead and the rebels took hostages.")
    found = [(tokens[m.start].text, m.payload) for m in words.outcomes.find_all(tokens)]
    assert ("shot", OutcomeWord("killed", False)) in found
    assert ("hostages", OutcomeWord("abducted", True)) in found


def test_a_phrase_of_outcome_none_matches_as_nothing() -> None:
    tokens = tokenize("A death squad roamed the town.")
    assert list(_words().outcomes.find_all(tokens)) == []


def test_people_nouns_carry_their_side_and_number() -> None:
    tokens = tokenize("two soldiers")
    match = _words().victims.match_at(tokens, 1)
    assert match is not None
    assert match.payload == VictimWord("security_forces", "plural", False)


def test_toll_verbs_bridge_to_a_figure_and_the_context_tables_are_read() -> None:
    words = _words()
    assert {"rose", "reached"} <= words.bridge_before
    assert "rushed" in words.care_verbs
    assert words.units_after.match_at(tokenize("vehicles"), 0) is not None
