"""Paragraphs and sentences: spaCy's blank English tokenizer (which knows "D.I. Khan", "U.S.") and sentencizer.

Paragraphs (blank-line separated) come first, so a headline or dateline line never runs into the next sentence.
No statistical model is loaded: nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import spacy
from spacy.language import Language

_PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
# Where a sentence might end inside a paragraph; a paragraph without one is a single sentence.
_MAYBE_BOUNDARY_RE = re.compile(r"[.!?…][\"'”’)\]]*\s")


@cache
def _nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of the non-blank paragraphs of ``text``."""
    for match in _PARAGRAPH_RE.finditer(text):
        if match.group().strip():
            yield match.start(), match.end()


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text[start:end]`` (offsets into ``text``), trimmed of space."""
    end = len(text) if end is None else end
    spans = []
    for paragraph_start, paragraph_end in paragraphs(text[start:end]):
        offset = start + paragraph_start
        paragraph = text[offset : start + paragraph_end]
        if _MAYBE_BOUNDARY_RE.search(paragraph.rstrip()) is None:
            bounds = [(0, len(paragraph))]  # no full stop inside: one sentence, spaCy need not look
        else:
            bounds = [(s.start_char, s.end_char) for s in _nlp()(paragraph).sents]
        for sentence_start, sentence_end in bounds:
            begin, stop = offset + sentence_start, offset + sentence_end
            while begin < stop and text[begin].isspace():
                begin += 1
            while stop > begin and text[stop - 1].isspace():
                stop -= 1
            if stop > begin:
                spans.append((begin, stop))
    return spans
