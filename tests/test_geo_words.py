"""sitrep.geo.words: the last word of every title pattern is a title's last word (the cheap test before the
patterns of ``title_patterns.txt`` are run)."""

from __future__ import annotations

import pytest

from sitrep.geo.lexicon import get_lexicon
from sitrep.geo.normalize import name_key
from sitrep.geo.words import CONNECTORS, SENTENCE_OPENERS, TITLE_LAST_WORDS, UNIT_WORDS


@pytest.mark.parametrize(
    "title",
    [
        "the Special Representative for",
        "met the Governor of the",
        "said the Deputy Commissioner",
        "the IGP",
        "the Chief Secretary",
        "the Advocate General",
        "the Republic of",
        "the forces of",
        "the Home Minister",
    ],
)
def test_a_title_before_a_name_ends_in_a_title_word(title: str) -> None:
    assert get_lexicon().ends_in_title(title + " ")
    assert name_key(title).split()[-1] in TITLE_LAST_WORDS


def test_word_classes_are_folded_single_words() -> None:
    for word in CONNECTORS | UNIT_WORDS | SENTENCE_OPENERS | TITLE_LAST_WORDS:
        assert word == name_key(word) and " " not in word
