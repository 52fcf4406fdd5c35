"""The small closed word classes the resolver tests names against. In: nothing; out: frozensets of folded
words.

They are grammar, not vocabulary an analyst extends (that is ``data/geo/context_cues.tsv``): the words that
may sit lower-case inside a name, the unit words, the words capitalised only because a sentence starts there,
and the last words of the title patterns.
"""

from __future__ import annotations

# Small words that may sit lower-case inside a multi-word name ("Dera Ismail Khan", "Bandar-e Abbas").
CONNECTORS = frozenset(
    {
        "of",
        "de",
        "del",
        "e",
        "i",
        "al",
        "el",
        "la",
        "le",
        "the",
        "and",
        "da",
        "do",
        "des",
        "du",
        "di",
        "ul",
        "ur",
        "us",
        "an",
        "am",
        "bin",
        "ibn",
        "s",
    }
)


UNIT_WORDS = frozenset(
    {
        "district",
        "tehsil",
        "province",
        "agency",
        "division",
        "city",
        "town",
        "region",
        "county",
        "governorate",
        "state",
        "area",
        "valley",
        "sub",
        "subdivision",
        "village",
    }
)


# Words before a name that are capitalised only because a sentence or title starts there.
SENTENCE_OPENERS = frozenset(
    {
        "in",
        "at",
        "near",
        "on",
        "from",
        "to",
        "the",
        "a",
        "an",
        "and",
        "but",
        "as",
        "when",
        "while",
        "after",
        "before",
        "since",
        "during",
        "meanwhile",
        "however",
        "outside",
        "inside",
        "across",
        "around",
        "district",
        "tehsil",
        "province",
        "city",
        "town",
    }
)


# Words after a name that make the location approximate: "Turbat area", "Quetta outskirts".
NEAR_AFTER = frozenset({"area", "areas", "outskirts", "suburbs", "vicinity"})


# The last word of every pattern in title_patterns.txt, folded (keep in step with that file).
TITLE_LAST_WORDS = frozenset(
    {
        "of",
        "for",
        "to",
        "on",
        "the",
        "governor",
        "commissioner",
        "dc",
        "ac",
        "ig",
        "igp",
        "police",
        "minister",
        "secretary",
        "general",
        "chief",
    }
)
