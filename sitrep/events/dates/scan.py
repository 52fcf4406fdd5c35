"""Finding date expressions: a text in, the grammar's matches in text order out (offsets are the text's)."""

from __future__ import annotations

import re

from sitrep.events.dates.grammar import Grammar, any_case_pattern
from sitrep.nlp.lexicon import spaces_for

# Punctuation to spaces, so that str.split() yields the words ("Wednesday's" -> "wednesday", "s").
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~’‘“”–—…"
_SEPARATORS = ",.'’-"  # may stick to a word inside an expression ("Dec.", "26,", "mid-")


# Where a word starts right after digits ("27دسمبر", as Urdu is often typed).
_DIGIT_THEN_LETTER = re.compile(r"(?<=[0-9])(?=[^\W\d_])")


def _words(lowered: str) -> list[str]:
    return spaces_for(lowered, _PUNCTUATION).split()


def scan(text: str, grammar: Grammar) -> list[re.Match[str]]:
    """The matches of the date pattern in a text, in order (offsets are the text's).

    Why not ``finditer``: running the full pattern at every position costs ~0.3 µs a character. Instead the
    words are collected with C-speed string methods, and the pattern is tried only at the few word starts just
    before a trigger word ("Tuesday", "days", "2022"); a text with none costs a few microseconds.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lengthen in lower case: keep offsets, scan fully
        return list(any_case_pattern().finditer(text))
    touching = grammar.digits_touch_words
    present = grammar.triggers.intersection(
        _words(_DIGIT_THEN_LETTER.sub(" ", lowered) if touching else lowered)
    )
    if not present:
        return []
    positions: list[tuple[int, str]] = []
    for word in present:
        size = len(word)
        index = lowered.find(word)
        while index >= 0:
            stop = index + size
            before = lowered[index - 1] if index else " "
            if (not before.isalnum() or (touching and before.isdigit())) and (
                stop == len(lowered) or not lowered[stop].isalnum()
            ):
                positions.append((index, word))
            index = lowered.find(word, stop)
    positions.sort()
    matches: list[re.Match[str]] = []
    done = 0  # the end of the last match: expressions do not overlap
    match_at = grammar.pattern.match
    vocabulary, starts = grammar.vocabulary, grammar.starts
    for position, trigger in positions:
        if position < done:
            continue
        # The expression can only begin in the unbroken run of date words just before the trigger
        # ("in the early hours of" Wednesday): walk back over it, collecting the words that may begin one.
        floor = max(done, position - grammar.window)
        segment = lowered[floor:position]
        candidates = []
        cursor = len(segment)
        for part in reversed(segment.split()):
            cursor = segment.rfind(part, 0, cursor)
            word = part.strip(_SEPARATORS)
            if not word or (word not in vocabulary and not word[0].isdigit()):
                break
            if word in starts or word[0].isdigit():
                candidates.append(floor + cursor + part.index(word))
        candidates.reverse()
        if trigger in starts or trigger[0].isdigit():
            candidates.append(position)
        for start in candidates:
            if start and lowered[start - 1].isalnum():  # the window cut a word
                continue
            match = match_at(lowered, start)
            if match is not None and match.end() > position:
                matches.append(match)
                done = match.end()
                break
    return matches
