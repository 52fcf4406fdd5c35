"""Sentence boundaries: spaCy's blank English tokenizer (which knows "D.I. Khan", "U.S.") and its sentencizer.

Paragraphs (blank-line separated) are split first, so a headline or dateline line never runs into the next
sentence. No statistical model is loaded: nothing is downloaded.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language

_PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


@cache
def _nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences of ``text``, trimmed of surrounding space."""
    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH_RE.finditer(text) if m.group().strip()]
    spans = []
    for (offset, _), doc in zip(paragraphs, _nlp().pipe(p for _, p in paragraphs), strict=True):
        for sentence in doc.sents:
            start = offset + sentence.start_char
            end = offset + sentence.end_char
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end))
    return spans
