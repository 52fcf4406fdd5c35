"""nlp/casualties/records.py: the mention and figure records, through ``as_count`` and ``first_person_plural``."""

from __future__ import annotations

from sitrep.model import Count
from sitrep.nlp.casualties.records import Figure, Mention, as_count, first_person_plural
from sitrep.nlp.lexicon import tokenize
from sitrep.nlp.numbers import count_grammar


def test_a_count_span_becomes_a_count_with_its_bounds_and_words() -> None:
    text = "at least 12 were hurt"
    [span] = count_grammar().find(text, tokenize(text))
    count = as_count(span)
    assert (count.low, count.text) == (12, span.text)
    assert count.high is None or count.high >= 12


def test_the_speakers_own_people_are_told_by_our() -> None:
    tokens = tokenize("three of our men were killed")
    assert first_person_plural(tokens, Figure(0, 1, Count(low=3, high=3, text="three"), False, np_end=4))
    tokens = tokenize("three of their men were killed")
    assert not first_person_plural(tokens, Figure(0, 1, Count(low=3, high=3, text="three"), False, np_end=4))


def test_a_mention_is_neither_part_nor_background_unless_told() -> None:
    mention = Mention("killed", "civilians", "villagers", Count(low=4, high=4, text="four"), 0, 2)
    assert (mention.part_of, mention.background, mention.definite, mention.by_name) == (
        None,
        False,
        False,
        False,
    )
