"""Paragraphs and sentences.

A sentence ends at ". ! ? …" (with any closing quotes or brackets) followed by space and then a capital
letter, a digit or an opening quote, unless the word before the full stop is an abbreviation: spaCy's English
tokenizer exceptions ("Mr.", "Gen.", "U.S.", "a.m.") plus ``sitrep/data/abbreviations.txt`` ("Lt.", "Rs.")
and initials ("D.I. Khan"). This is the boundary rule of spaCy's sentencizer applied to spaCy's abbreviation
list, without running the tokenizer over every word: sentence splitting was the costliest step of extraction.
``bench/bench_sentences.py`` measures its agreement with spaCy's tokenizer + sentencizer.

Paragraphs (blank-line separated) come first, so a headline or dateline line never runs into the next sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.lang.en import English

from sitrep.data import read_table

_PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_NON_BLANK_RE = re.compile(r"\S")
# A candidate boundary: end punctuation, closing quotes/brackets, space, then what may start a sentence.
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]*[A-Z0-9])")
_WORD_BEFORE_RE = re.compile(r"(\S+)$")
_INITIALS_RE = re.compile(r"^(?:[A-Za-z]\.)+$")


@cache
def abbreviations() -> frozenset[str]:
    """Words ending in a full stop that do not end a sentence."""
    spacy_list = {key for key in English.Defaults.tokenizer_exceptions if key.endswith(".") and len(key) > 1}
    ours = {row["abbreviation"] for row in read_table("abbreviations.txt")}
    return frozenset(spacy_list | ours)


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Character spans of the non-blank paragraphs of ``text[start:end]`` (offsets into ``text``)."""
    end = len(text) if end is None else end
    for match in _PARAGRAPH_RE.finditer(text, start, end):
        if _NON_BLANK_RE.search(text, match.start(), match.end()):  # no copy of the paragraph to test it
            yield match.start(), match.end()


def _ends_sentence(text: str, boundary: re.Match[str]) -> bool:
    if text[boundary.start()] != ".":
        return True
    word = _WORD_BEFORE_RE.search(text, max(0, boundary.start() - 40), boundary.start() + 1)
    if word is None:
        return True
    token = word.group(1).lstrip("\"'“‘([")
    return token not in abbreviations() and _INITIALS_RE.match(token) is None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text[start:end]`` (offsets into ``text``), trimmed of space."""
    end = len(text) if end is None else end
    spans = []
    for begin, stop in paragraphs(text, start, end):
        cuts = [m.end() for m in _BOUNDARY_RE.finditer(text, begin, stop) if _ends_sentence(text, m)]
        for piece_start, piece_end in zip([begin, *cuts], [*cuts, stop], strict=True):
            while piece_start < piece_end and text[piece_start].isspace():
                piece_start += 1
            while piece_end > piece_start and text[piece_end - 1].isspace():
                piece_end -= 1
            if piece_end > piece_start:
                spans.append((piece_start, piece_end))
    return spans
