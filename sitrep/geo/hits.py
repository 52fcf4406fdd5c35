"""One name occurrence on its way to becoming a place, and the text it sits in. In: an article's text, tokens
and sentence spans; out: ``Doc`` and ``Hit`` records, and the small tests every step shares (is a sentence a
headline, are two words one phrase, does a unit hold a place, what does a hit stand for once chosen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.geo.gazetteer import Gazetteer, NameEntry, PlaceRecord, Tokens
from sitrep.geo.weights import place_weights

# A sentence ends after . ! ? (closing quotes, space, then a capital or digit), at a blank line, or at a line
# break before a capital. Every branch opens with one of four characters, spelt as one class so that the regex
# engine skips straight to them instead of trying three branches at every position.
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|(?<=\n)\s*\n|(?<=\n)(?=[A-Z]))"
)


@dataclass(slots=True)
class Hit:
    """One name occurrence on its way to becoming a Place."""

    start: int
    end: int
    first: int
    last: int
    written: str
    entry: NameEntry | None
    candidates: list[tuple[PlaceRecord, str]]
    sentence: int = 0
    role: str = "event"
    why: str = ""
    kind_cue: str | None = None
    near: bool = False
    locative: bool = False
    motion: bool = False
    container: Hit | None = None
    chosen: PlaceRecord | None = None
    score_margin: float = 0.0
    synthetic: dict[str, object] = field(default_factory=dict)  # an unknown locality: its own fields
    visited: bool = False
    soft_container: bool = False  # linked by a comma only: a hint, not a constraint
    relation: bool = False  # after "relations with", "talks with"...
    origin: bool = False  # after "a resident of", "belonged to", "hailing from"...
    context: bool = False  # after "borders", "neighbouring"...
    pinned: bool = False  # its state is written after it ("LaGrange, Ga."): no other reading is left
    key: int | None = None  # the indexed name found (None for an unknown locality)


@dataclass(slots=True)
class Doc:
    """The text resolved, its tokens and sentence starts, and which sentences are headlines (filled as asked)."""

    text: str
    tokens: Tokens
    sentence_starts: list[int]
    caps_sentences: dict[int, bool]


def sentence_starts(text: str, sentences: list[tuple[int, int]] | None) -> list[int]:
    """Where each sentence starts: those of ``sentences`` when given, else found here."""
    if sentences:
        return sorted(start for start, _end in sentences)
    return [0, *map(re.Match.end, _SENTENCE_END.finditer(text))]


# The first letter of each word of four letters or more: findall makes one-character strings, mostly shared.
_LONG_WORD_INITIAL = re.compile(r"\b([^\W\d_])[^\W_]{3,}")


def is_caps_sentence(doc: Doc, sentence: int) -> bool:
    """Whether capital letters say nothing in a sentence (all caps, or a Title Case headline); cached."""
    cached = doc.caps_sentences.get(sentence)
    if cached is None:
        starts = doc.sentence_starts
        end = starts[sentence + 1] if sentence + 1 < len(starts) else len(doc.text)
        chunk = doc.text[starts[sentence] if sentence >= 0 else 0 : end]
        initials = _LONG_WORD_INITIAL.findall(chunk)
        total = len(initials)
        # The long words that start with anything but a lower-case letter (C-level counting).
        upper = total - sum(map(str.islower, initials))
        weights = place_weights()
        cached = total >= weights.caps_sentence_min_words and upper / total >= weights.caps_sentence_share
        doc.caps_sentences[sentence] = cached
    return cached


def is_capitalised(word: str) -> bool:
    """Whether a written word starts as a name does (a capital, or a digit: "9th Street")."""
    return bool(word) and (word[0].isupper() or word[0].isdigit())


# Punctuation that ends a phrase between two words.
_PHRASE_BREAK = re.compile(r'[.!?;:,()\[\]"“”\n]')


def joined_to_next(doc: Doc, index: int) -> bool:
    """Whether token ``index`` and the next one belong to one phrase (no sentence or clause punctuation)."""
    starts = doc.tokens.starts
    if index + 1 >= len(starts):
        return False
    return _PHRASE_BREAK.search(doc.text, doc.tokens.ends[index], starts[index + 1]) is None


def joined_to_previous(doc: Doc, index: int) -> bool:
    """Whether token ``index`` and the one before belong to one phrase."""
    return index > 0 and joined_to_next(doc, index - 1)


def has_kind(gazetteer: Gazetteer, key: int, kinds: tuple[str, ...]) -> bool:
    """Whether some reading of the indexed name ``key`` is of one of ``kinds``."""
    return not gazetteer.kinds(key).isdisjoint(kinds)


def holds(unit: PlaceRecord, record: PlaceRecord) -> bool:
    """Whether ``record`` lies inside ``unit`` (a country, province or district; a town holds nothing)."""
    if unit is record or unit.country_code != record.country_code:
        return False
    if unit.kind == "country":
        return True
    if unit.kind == "admin1":
        return record.admin1 == unit.admin1
    if unit.kind in ("admin2", "admin3"):
        return record.admin1 == unit.admin1 and record.admin2 == unit.admin2
    return False


def effective_record(hit: Hit | None) -> PlaceRecord | None:
    """What a hit stands for once chosen: its place, or for an unknown locality the place containing it."""
    seen = 0
    while hit is not None and seen < 8:
        if hit.chosen is not None:
            return hit.chosen
        hit, seen = hit.container, seen + 1
    return None
