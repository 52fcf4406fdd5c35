"""Loading the lexicon data files and finding their phrases in tokenised text.

Lexicons live in ``sitrep/data/*.tsv`` (a header row, ``#`` comment lines, tab-separated columns) so analysts
can extend them without touching code. Phrases are matched on word tokens, longest first.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Generic, NamedTuple, TypeVar

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


def tokenize(text: str) -> list[Token]:
    lowered = text.lower()
    new, cls = tuple.__new__, Token  # builds the tuple in C, skipping the named tuple's Python-level __new__
    tokens = []
    append = tokens.append
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        norm = lowered[start:end]
        # "group's" / "militants'" read as "group" / "militants", remembering the possessive.
        last = norm[-1]
        if last in "'’" and len(norm) > 2:
            append(new(cls, (text[start:end], norm[:-1], start, end, True)))
        elif last == "s" and len(norm) > 2 and norm[-2] in "'’":
            append(new(cls, (text[start:end], norm[:-2], start, end, True)))
        else:
            append(new(cls, (text[start:end], norm, start, end, False)))
    return tokens


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a data file in ``sitrep/data`` as dicts keyed by the header; comment lines skipped."""
    text = resources.files("sitrep.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{key: (value or "").strip() for key, value in row.items()} for row in reader]


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[Payload]):
    start: int  # token index of the first token
    end: int  # token index after the last token
    payload: Payload


class PhraseTable(Generic[Payload]):
    """Phrases keyed by their first token; finds the longest phrase starting at each token."""

    def __init__(self, phrases: list[tuple[str, Payload]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Payload]]] = {}
        for phrase, payload in phrases:
            words = tuple(token.norm for token in tokenize(phrase))
            if words:
                self._by_first.setdefault(words[0], []).append((words, payload))
        for entries in self._by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        self.first_words = frozenset(self._by_first)

    def match_at(self, tokens: list[Token], index: int) -> PhraseMatch[Payload] | None:
        entries = self._by_first.get(tokens[index].norm)
        if not entries:
            return None
        for words, payload in entries:
            length = len(words)
            if length == 1:
                return PhraseMatch(index, index + 1, payload)
            stop = index + length
            if stop <= len(tokens):
                for k in range(1, length):
                    if tokens[index + k].norm != words[k]:
                        break
                else:
                    return PhraseMatch(index, stop, payload)
        return None

    def find_all(self, tokens: list[Token], start: int = 0, stop: int | None = None) -> Iterator[PhraseMatch]:
        """Non-overlapping matches from left to right, the longest at each position."""
        index, stop = start, len(tokens) if stop is None else stop
        first_words = self.first_words
        while index < stop:
            if tokens[index].norm not in first_words:  # the common case, without a call
                index += 1
                continue
            match = self.match_at(tokens, index)
            if match and match.end <= stop:
                yield match
                index = match.end
            else:
                index += 1


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


def has_any_word(text: str, words: frozenset[str]) -> bool:
    return not words.isdisjoint(_WORD_RE.findall(text.lower()))
