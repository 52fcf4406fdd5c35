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
from typing import Generic, TypeVar

Payload = TypeVar("Payload")

# Numbers (with thousands separators), words (with inner apostrophes, e.g. "group's"), single other characters.
# Hyphens are not tokens: "law-enforcement" matches the phrase "law enforcement".
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’.][^\W\d_]+)*|[^\w\s-]")
_POSSESSIVE_RE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark; ``norm`` is lower case without a possessive ending."""

    text: str
    norm: str
    start: int
    end: int
    possessive: bool

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        lowered = word.lower()
        possessive = bool(_POSSESSIVE_RE.search(lowered)) and len(lowered) > 2
        norm = _POSSESSIVE_RE.sub("", lowered) if possessive else lowered
        tokens.append(Token(word, norm, match.start(), match.end(), possessive))
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
            stop = index + len(words)
            if stop <= len(tokens) and all(tokens[index + k].norm == words[k] for k in range(1, len(words))):
                return PhraseMatch(index, stop, payload)
        return None

    def find_all(self, tokens: list[Token], start: int = 0, stop: int | None = None) -> Iterator[PhraseMatch]:
        """Non-overlapping matches from left to right, the longest at each position."""
        index, stop = start, len(tokens) if stop is None else stop
        while index < stop:
            match = self.match_at(tokens, index)
            if match and match.end <= stop:
                yield match
                index = match.end
            else:
                index += 1


@cache
def words_regex(*table_names: str) -> re.Pattern[str]:
    """A case-insensitive regex that finds any first word of the named tables' phrases: a cheap pre-filter."""
    words: set[str] = set()
    for name in table_names:
        for row in read_table(name):
            first = tokenize(row["phrase"])
            if first:
                words.add(first[0].norm)
    alternatives = "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
