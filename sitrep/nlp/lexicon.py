"""Finding the phrases of the lexicons in tokenised text. In: text and tables of phrases; out: tokens and matches.

Lexicons live in ``sitrep/data/*.tsv``, read by ``sitrep.data.read_table`` (declared columns, an analyst's
overlay), so analysts can extend them without touching code. Phrases are matched on word tokens, longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from operator import itemgetter
from typing import Generic, NamedTuple, TypeVar

import ahocorasick

from sitrep.data import read_table

Payload = TypeVar("Payload")

# Numbers (with thousands separators), words (with inner apostrophes, e.g. "group's"), single other characters.
# Hyphens are not tokens: "law-enforcement" matches the phrase "law enforcement".
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’.][^\W\d_]+)*|[^\w\s-]")


class Token(NamedTuple):
    """A word, number or punctuation mark; ``norm`` is lower case without a possessive ending.

    A named tuple, not a dataclass: an article makes thousands and tuples are the cheapest to build.
    """

    text: str
    norm: str
    start: int
    end: int
    possessive: bool

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()


# Builds a named tuple in C, skipping its Python-level __new__ (a measurable cost at thousands an article).
_new_tuple = tuple.__new__


class Tokens(list[Token]):
    """The tokens of a text, with the index of each lower-case form's last occurrence, built on first use.

    Phrase tables ask "where does any of my first words occur?" about one sentence many times (outcomes,
    victims, claimants, reporting verbs, tactics…): the index answers with one set intersection instead of a
    walk over every token per table. A slice of it is a plain list, which the tables walk as before.
    """

    __slots__ = ("_last", "_norms")

    def norms(self) -> dict[str, int]:
        """The lower-case forms present (a dict's keys serve as a set: no second structure to build)."""
        return self.last_index()[0]

    def last_index(self) -> tuple[dict[str, int], list[str]]:
        """(lower-case form → index of its last token, every token's lower-case form)."""
        try:
            return self._last, self._norms
        except AttributeError:
            # Built by C loops (map, zip, dict): a Python loop per token would cost more than it saves.
            self._norms = norms = list(map(_NORM, self))
            self._last = dict(zip(norms, range(len(norms)), strict=True))
            return self._last, norms


_NORM = itemgetter(1)


def lower_keeping_offsets(text: str) -> str:
    """``text`` in lower case, one character for each: a few characters lower-case to two ("İ"), and only the
    first is kept, so offsets into the lower case are offsets into ``text``."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(character.lower()[0] for character in text)
    return lowered


def spaces_for(text: str, characters: str) -> str:
    """``text`` with each of ``characters`` replaced by a space. One str.replace for each character present, not
    str.translate: on non-ASCII text (the curly quotes of most news) translate looks up every character in
    turn and is some twenty times slower."""
    for character in characters:
        if character in text:
            text = text.replace(character, " ")
    return text


def tokenize(text: str) -> Tokens:
    lowered = lower_keeping_offsets(text)
    new, cls = _new_tuple, Token
    tokens = Tokens()
    append = tokens.append
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        norm = lowered[start:end]
        # "group's" reads as "group", remembering the possessive. (A word never ends in an apostrophe: in
        # "militants'" the apostrophe is a token of its own.)
        if norm[-1] == "s" and len(norm) > 2 and norm[-2] in "'’":
            append(new(cls, (text[start:end], norm[:-2], start, end, True)))
        else:
            append(new(cls, (text[start:end], norm, start, end, False)))
    return tokens


# A span of at most this many tokens is searched token by token: cheaper than one list.index per known word.
_SHORT_SPAN = 64


def positions(
    tokens: list[Token], norms: frozenset[str] | set[str], start: int = 0, stop: int | None = None
) -> list[int]:
    """The indexes of the tokens of ``tokens[start:stop]`` whose lower-case form is in ``norms``, in order.

    The cost follows the span, not the whole token list: a search in a clause of a long sentence does not scan
    the sentence (which made reading a sentence quadratic in its length)."""
    stop = len(tokens) if stop is None else min(stop, len(tokens))
    if not isinstance(tokens, Tokens):
        return [index for index in range(start, stop) if tokens[index].norm in norms]
    last, all_norms = tokens.last_index()
    if stop - start <= _SHORT_SPAN:
        return [index for index in range(start, stop) if all_norms[index] in norms]
    present = norms.intersection(last)
    if not present:
        return []
    found = []
    for norm in present:
        final = min(last[norm], stop - 1)
        if final < start:
            continue
        try:
            index = all_norms.index(norm, start, final + 1)  # list.index scans in C
        except ValueError:
            continue  # only before ``start``
        found.append(index)
        while index < final:
            index = all_norms.index(norm, index + 1, final + 1)
            found.append(index)
    if len(found) > 1:
        found.sort()
    return found


@cache
def toll_verbs() -> frozenset[str]:
    """Verbs that state a death toll as it now stands ("rose", "climbed"): ``data/toll_verbs.tsv``."""
    return frozenset(row["verb"].lower() for row in read_table("toll_verbs.tsv"))


class PhraseMatch(NamedTuple, Generic[Payload]):
    """A phrase found in a token list. A named tuple: an article makes hundreds, and tuples are cheap to build."""

    start: int  # token index of the first token
    end: int  # token index after the last token
    payload: Payload


_NO_PHRASE = object()  # a first word that is no phrase on its own


class PhraseTable(Generic[Payload]):
    """Phrases keyed by their first token; finds the longest phrase starting at each token."""

    def __init__(self, phrases: list[tuple[str, Payload]]) -> None:
        # first word → (second word → longer phrases starting with both, longest first; the one-word phrase).
        # Filing longer phrases under their second word too spares trying every "the …" phrase at each "the".
        self._by_first: dict[str, tuple[dict[str, list[tuple[tuple[str, ...], Payload]]], object]] = {}
        entries: dict[str, list[tuple[tuple[str, ...], Payload]]] = {}
        for phrase, payload in phrases:
            words = tuple(token.norm for token in tokenize(phrase))
            if words:
                entries.setdefault(words[0], []).append((words, payload))
        for first, same_first in entries.items():
            same_first.sort(key=lambda entry: -len(entry[0]))  # stable: equal lengths keep the file's order
            longer: dict[str, list[tuple[tuple[str, ...], Payload]]] = {}
            for words, payload in same_first:
                if len(words) > 1:
                    longer.setdefault(words[1], []).append((words, payload))
            single = next((payload for words, payload in same_first if len(words) == 1), _NO_PHRASE)
            self._by_first[first] = (longer, single)
        self.first_words = frozenset(self._by_first)

    def match_at(self, tokens: list[Token], index: int) -> PhraseMatch[Payload] | None:
        found = self._by_first.get(tokens[index].norm)
        if found is None:
            return None
        longer, single = found
        if longer and index + 1 < len(tokens):
            for words, payload in longer.get(tokens[index + 1].norm, ()):
                stop = index + len(words)
                if stop <= len(tokens):
                    for k in range(2, len(words)):
                        if tokens[index + k].norm != words[k]:
                            break
                    else:
                        return _new_tuple(PhraseMatch, (index, stop, payload))
        if single is not _NO_PHRASE:
            return _new_tuple(PhraseMatch, (index, index + 1, single))
        return None

    def find_all(self, tokens: list[Token], start: int = 0, stop: int | None = None) -> Iterator[PhraseMatch]:
        """Non-overlapping matches from left to right, the longest at each position."""
        stop = len(tokens) if stop is None else stop
        reached = start
        for index in positions(tokens, self.first_words, start, stop):
            if index < reached:
                continue
            match = self.match_at(tokens, index)
            if match and match.end <= stop:
                yield match
                reached = match.end


_WORD_RE = re.compile(r"[^\W\d_]+")


@cache
def first_words(*table_names: str) -> frozenset[str]:
    """The first words of the named tables' phrases, lower case: a cheap test of whether a text may match."""
    words: set[str] = set()
    for name in table_names:
        for row in read_table(name):
            first = tokenize(row["phrase"])
            if first:
                words.add(first[0].norm)
    return frozenset(words)


# Words too common to tell whether a phrase may be present ("as per", "sent to hell", "paid tribute"). "in" is
# not among them: "in a statement" keys on it, which keeps nearly every sentence with "in" as a unit the later
# stages read.
_COMMON_WORDS = frozenset("a an the to of as and or up down away out off sent paid expressed".split())


@cache
def key_words(*table_names: str) -> frozenset[str]:
    """One word of each of the named tables' phrases that the phrase cannot occur without, lower case: its
    first word that is not a common one ("per" for "as per"). A text with none of them holds none of the
    phrases, and such a word passes the test less often than a common first word would. Rows whose
    ``outcome`` is "none" (phrases that hide a shorter one, "death squad") are left out."""
    words: set[str] = set()
    for name in table_names:
        for row in read_table(name):
            if row.get("outcome") == "none":
                continue
            norms = [token.norm for token in tokenize(row["phrase"]) if token.is_word]
            if norms:
                words.add(next((w for w in norms if w not in _COMMON_WORDS), norms[0]))
    return frozenset(words)


class WordSpotter:
    """Tells which of several word lists a text uses, stopping at the first word of the first list.

    One Aho-Corasick pass over the lower-cased text, whole words only (a word is a run of letters, as in
    ``has_any_word``), instead of splitting the whole text into words: most texts asked about hold a word of
    the first list early on.
    """

    _RANKS = 16  # the automaton stores one int a word: its length × 16 + the rank of its list

    def __init__(self, *word_lists: frozenset[str]) -> None:
        if len(word_lists) > self._RANKS:
            raise ValueError(f"at most {self._RANKS} word lists")
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for rank in reversed(range(len(word_lists))):  # a word in several lists counts for the first
            for word in word_lists[rank]:
                self._automaton.add_word(word, len(word) * self._RANKS + rank)
        self._automaton.make_automaton()

    def first_list(self, text: str) -> int | None:
        """The index of the first list that has a word in ``text``, or None."""
        lowered = text.lower()
        length = len(lowered)
        best: int | None = None
        for last, value in self._automaton.iter(lowered):
            word_length, rank = divmod(value, self._RANKS)
            if best is not None and rank >= best:
                continue
            start = last + 1 - word_length
            if (start and lowered[start - 1].isalpha()) or (
                last + 1 < length and lowered[last + 1].isalpha()
            ):
                continue
            if rank == 0:
                return 0
            best = rank
        return best


def has_any_word(text: str, words: frozenset[str]) -> bool:
    return not words.isdisjoint(_WORD_RE.findall(text.lower()))
