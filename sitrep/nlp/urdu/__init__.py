"""Urdu: the reader of Urdu reports, into the English reader's contract (``quote`` and offsets in the Urdu text,
claimant kinds and canonical names neutral and in English, the words as written). The words are data
(``sitrep/data/ur/*.tsv``); the grammar is Urdu's, verb-final. Modules: ``writing`` (how Urdu is written: letters,
phrases, sentences), ``lexicon`` (the word lists), ``figures``, ``claimants`` (who a claimant word names, and
what later words refer back to), ``voices`` (who speaks through each reporting phrase, and stance),
``verification``, ``claims`` (the steps run in order).
"""

from sitrep.nlp.urdu.claims import read_urdu_claims
from sitrep.nlp.urdu.lexicon import Lexicon, urdu_lexicon
from sitrep.nlp.urdu.writing import (
    NON_JOINING,
    Match,
    PhraseFinder,
    alternation,
    glued_after_word,
    other_stories,
    spelling,
    urdu_letters,
    urdu_sentences,
    within_words,
)

__all__ = [
    "NON_JOINING",
    "Lexicon",
    "Match",
    "PhraseFinder",
    "alternation",
    "glued_after_word",
    "other_stories",
    "read_urdu_claims",
    "spelling",
    "urdu_lexicon",
    "urdu_letters",
    "urdu_sentences",
    "within_words",
]
