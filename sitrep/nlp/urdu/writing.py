"""How Urdu is written, and read: text in, places of phrases and sentences out.

Urdu is written with few spaces after a letter that does not join the next one (ا د ڈ ذ ر ڑ ز ژ و ے): "اورچار"
is "اور چار", and "ہلا ک" is "ہلاک". A phrase is therefore matched without vowel marks and without a space after
such a letter (``spelling``), and starts after a space, a punctuation mark or a digit, or right after "اور" /
"پر"; a long phrase ending in such a letter may run into the next word ("اہلکارکی"). Arabic-keyboard letters are
read as Urdu ones (``urdu_letters``), one character for one, so offsets stay the text's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

import ahocorasick

from sitrep.data import read_table

# Letters that never join the next letter: a word may follow them without a space.
NON_JOINING = "اآأدڈذرڑزژوؤےۓۃ"
COMMAS = "،,"  # the Urdu comma and the Latin one, both typed in Urdu text


_SENTENCE_END = re.compile(r"[۔؟!?]+|\n+")


class Match(NamedTuple):
    start: int
    end: int
    phrase: str


# Letters an Arabic keyboard types for Urdu ones, "ۂ" (the izafat's ہ with hamza: "محکمۂ داخلہ"), and spaces
# written as other characters: read as the Urdu letter or a space, one character for one, so offsets do not move.
_LETTERS = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ة": "ۃ", "ۂ": "ہ", "\u200c": " ", "\u00a0": " "}
)


# Vowel marks, shadda, superscript alef: optional in writing; a phrase matches with or without them. So do the
# tatweel that stretches a word ("شہیـد") and the invisible joiner and direction marks web pages carry.
_MARKS = "\u064b-\u065f\u0670\u0640\u200d\u200e\u200f"


# What a phrase is matched without: the marks, and a space right after a non-joining letter, which the writer may
# type or not ("ہلا ک" for "ہلاک", "مارےگئے" for "مارے گئے": the gap shows either way).
_MARK_CHARS = frozenset(map(chr, [*range(0x064B, 0x0660), 0x0670, 0x0640, 0x200D, 0x200E, 0x200F]))


# Quotation marks, which a writer may set inside a phrase ("… کا دعویٰ 'دشمن کا پروپیگنڈا' ہے"): read through as marks.
_QUOTE_MARKS = "'\u2018\u2019\"\u201c\u201d"

# Marks, and a space after a non-joining letter, its marks between ("وزیرِ داخلہ", the izafat's zer on ر)
_UNWRITTEN = re.compile(f"(?<=[{NON_JOINING}])[{_MARKS}{_QUOTE_MARKS}]* |[{_MARKS}{_QUOTE_MARKS}]")


def urdu_letters(text: str) -> str:
    """``text`` with Arabic-keyboard letters read as Urdu ones (same length: offsets are the text's)."""
    return text.translate(_LETTERS)


def folded(words: str) -> str:
    """Words as the reader tells them apart, however typed: Urdu letters, no marks ("ٹي ٹي پي" is "ٹی ٹی پی")."""
    return spelling(urdu_letters(words))


def spelling(phrase: str) -> str:
    """How the finders match a phrase: without marks and the spaces after non-joining letters, for a phrase of
    three letters or more (two phrases with one spelling are one to the reader)."""
    return phrase if len(phrase.replace(" ", "")) < 3 else _UNWRITTEN.sub("", phrase)


@lru_cache(maxsize=8)
def _skeleton(text: str) -> tuple[str, list[int]]:
    """The text without what a phrase is matched without (``_UNWRITTEN``), and where each of its characters is
    in the text. Made once an article: every finder reads the same text."""
    keep: list[int] = []
    at = 0
    for gap in _UNWRITTEN.finditer(text):
        keep.extend(range(at, gap.start()))
        at = gap.end()
    keep.extend(range(at, len(text)))
    return _UNWRITTEN.sub("", text), keep


class PhraseFinder:
    """Finds the phrases of a list in Urdu text (read through ``urdu_letters``): the longest at each place, on
    Urdu word boundaries, however the writer spaced it after its non-joining letters or marked its vowels. A
    phrase of two letters is found only as written: "دو" (two) read as "د و" would be found in any "…د و…".
    One Aho-Corasick automaton (pyahocorasick) over the text without marks and such spaces. ``glued``: the
    phrases may also start right after any word ending in a non-joining letter, as outcome words are typed against
    the noun before them ("1 اہلکارشہید")."""

    def __init__(self, phrases: list[str], glued: bool = False) -> None:
        self._glued = glued
        self._automaton = ahocorasick.Automaton()
        for phrase in sorted(set(phrases), key=len, reverse=True):
            short = len(phrase.replace(" ", "")) < 3
            key = spelling(phrase)
            if key not in self._automaton:
                self._automaton.add_word(key, (len(key), phrase, short))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        end = len(text) if end is None else end
        if self._empty or start >= end:
            return
        skeleton, keep = _skeleton(text)
        first, stop = bisect_left(keep, start), bisect_left(keep, end)
        found = []
        for last, (size, phrase, short) in self._automaton.iter(skeleton, first, stop):
            begin, close = keep[last - size + 1], keep[last] + 1
            if short and text[begin:close] != phrase:
                continue
            while not short and close < end and text[close] in _MARK_CHARS:  # marks on its last letter
                close += 1
            found.append((begin, -close, phrase))
        at = start
        for begin, negative_end, phrase in sorted(found):
            close = -negative_end
            if begin >= at and on_boundaries(text, begin, close, self._glued):
                yield Match(begin, close, phrase)
                at = close


GAP = "…"  # in a phrase of a word list: a few words of anything between its two parts ("اپنے ساتھ … لے گئے")
_GAP_WORDS = 5  # at most so many words stand in a gap, none a clause's punctuation


class GapFinder:
    """Finds the phrases with a gap of a word list ("اپنے ساتھ … لے گئے": took with them, however far, "اپنے ساتھ
    قریبی پہاڑوں کی جانب لے گئے"): its two parts as whole words, one to five words between them in one clause."""

    def __init__(self, phrases: list[str]) -> None:
        def part(words: str) -> str:
            return r"\s+".join(map(re.escape, words.split()))

        self._patterns = [
            (
                re.compile(
                    rf"(?<!\S){part(first)}(?:\s+[^\s،,؛;:۔]+){{1,{_GAP_WORDS}}}?\s+{part(second)}(?![^\s،۔])"
                ),
                phrase,
            )
            for phrase in phrases
            for first, second in [phrase.split(GAP)]
        ]

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        end = len(text) if end is None else end
        for pattern, phrase in self._patterns:
            for m in pattern.finditer(text, start, end):
                yield Match(m.start(), m.end(), phrase)


@cache
def function_words(role: str) -> tuple[str, ...]:
    """The words of ``ur/function_words.tsv`` with a role, longest first."""
    rows = read_table("ur/function_words.tsv")
    return tuple(sorted((r["phrase"] for r in rows if r["role"] == role), key=len, reverse=True))


def alternation(role: str) -> str:
    """A regular expression for the words of a role (a space in a phrase: any run of spaces)."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in function_words(role))


@cache
def clause_breaks() -> re.Pattern[str]:
    """Clause boundaries: punctuation (not a comma or colon between digits: "1,012", "3:00"), or a conjunction
    opening a clause; a figure never reaches across them to its outcome word."""
    digit = "0-9۰-۹٠-٩"
    return re.compile(
        rf"(?<![{digit}])[،,؛;:]|[،,؛;:](?![{digit}])|(?<![^\s])(?:{alternation('clause_break')})(?![^\s])"
    )


@cache
def whole_word(role: str) -> re.Pattern[str]:
    """A word of ``role`` (``function_words``) standing as a whole word, to search for: spaces, a comma (often
    typed with no space after it: "،تاہم") or the text's edge before it, spaces, a comma or a full stop after
    ("کہ", "جبکہ", "نہیں")."""
    return re.compile(rf"(?<![^\s،,؛])(?:{alternation(role)})(?![^\s،۔])")


@cache
def word_after(role: str) -> re.Pattern[str]:
    """Spaces and a whole word of ``role`` (``function_words``), matched where a phrase ends: "کے" after an owner
    (possessive), "جو" after a comma (relative)."""
    return re.compile(rf"\s*(?:{alternation(role)})(?!\S)")


_INSET_REACH = 80  # characters from the comma opening a relative clause to the one closing it


def clauses_of(text: str, start: int, end: int) -> list[int]:
    """Where the clauses of text[start:end] start (``clause_breaks``), but for the two commas around a relative
    clause set into another ("دو اہلکاروں کو، جو چھٹی پر گھر جا رہے تھے، اپنے ساتھ لے گئے", took two personnel, who
    were going home on leave, with them): the figure before it reaches its verb after it."""
    breaks = list(clause_breaks().finditer(text, start, end))
    inset: set[int] = set()
    for opening, closing in pairwise(breaks):
        if (
            opening.group() in COMMAS
            and closing.group() in COMMAS
            and closing.start() - opening.end() <= _INSET_REACH
            and word_after("relative").match(text, opening.end())
        ):
            inset |= {opening.end(), closing.end()}
    return [m.end() for m in breaks if m.end() not in inset]


def glued_after_word(text: str, start: int) -> bool:
    """Whether ``text[:start]`` ends with "اور" or "پر" written against the word at ``start``."""
    return any(
        text.endswith(word, 0, start) and (start == len(word) or not text[start - len(word) - 1].isalpha())
        for word in function_words("glues")
    )


def on_boundaries(text: str, start: int, end: int, glued: bool = False) -> bool:
    """Whether text[start:end] is a whole word (or words): it starts after a non-letter and ends before one.
    A word of three letters or more may also start right after "اور" (and) or "پر" (on) written without a space
    ("اورچار", "پردہشت گردوں"; not "تین" in "خواتین"), or end right
    before a letter when its own last letter does not join ("اہلکارکی"); a shorter one may not, as "دو" (two)
    is the end of "اردو" and "سو" (hundred) the start of "سوات". ``glued``: a word of three letters or more may
    start right after any non-joining letter."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    long = end - start >= 3
    starts = not before.isalpha() or (
        long and before in NON_JOINING and (glued or glued_after_word(text, start))
    )
    ends = not after.isalpha() or (long and text[end - 1] in NON_JOINING and not _word_ending(text, end))
    return starts and ends


_ENDINGS = ("ی", "ان")


def _word_ending(text: str, end: int) -> bool:
    """Whether a word goes on past ``end`` with an ending that closes it: "ی", the noun of a state or trade made
    from the word ("دہشت گردی" terrorism from "دہشت گرد" terrorist, "مزدوری" wage from "مزدور" labourer), or "ان"
    ("مردان", the town, is no "مرد", man); not the word glued to the next."""
    return any(
        text.startswith(ending, end)
        and (end + len(ending) == len(text) or not text[end + len(ending)].isalpha())
        for ending in _ENDINGS
    )


def within_words(text: str, start: int, end: int) -> bool:
    """Whether a name at text[start:end] that touches a letter is still whole words: "اور"/"پر" written against
    its start ("اورپولیس"), or a case marker or "اور" against its end when its last letter does not join
    ("لیویزکے", "پنجگوراور").
    Stricter than a phrase's ending (``on_boundaries``): a name must not be read inside a longer word, as
    "دہشت گرد" (terrorists) in "دہشت گردی" (terrorism)."""
    starts = not start or not text[start - 1].isalnum()
    starts = starts or (text[start - 1] in NON_JOINING and end - start >= 3 and glued_after_word(text, start))
    if not starts:
        return False
    if end == len(text) or not text[end].isalnum():
        return True
    return text[end - 1] in NON_JOINING and any(
        text.startswith(marker, end)
        and (end + len(marker) == len(text) or not text[end + len(marker)].isalnum())
        for marker in (*function_words("case_marker"), *function_words("and"))
    )


@cache
def _link() -> re.Pattern[str]:
    return re.compile(rf"[^\S\n]*(?:{alternation('link')})[^\S\n]*[:：]?[^\S\n]*")


def other_stories(text: str) -> list[tuple[int, int]]:
    """Where a web page links to another story ("یہ بھی پڑھیں: …", also read): the line the link phrase opens,
    with the next line when the phrase stands alone on its own. The linked headline's figures and places are not
    the article's."""
    spans = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for i, (start, end) in enumerate(lines):
        link = _link().match(text, start, end)
        if link is None:
            continue
        alone = link.end() == end and i + 1 < len(lines)
        spans.append((start, lines[i + 1][1] if alone else end))
    return spans


def urdu_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: up to and including ۔ ؟ ! ?, or up to a line break; blanks left out. One
    opened by a relative pronoun goes on with the sentence before it in its paragraph."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group()[0] != "\n" else match.start()
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if (
            start < end
            and out
            and _relative_opening().match(text, start)
            and "\n" not in text[out[-1][1] : start]
        ):
            # A clause of the sentence before, stopped at a full stop: "… قتل کر دیا گیا۔ جن کی نعشیں گزشتہ شب
            # … ملیں" (whose bodies were found last night)
            out[-1] = (out[-1][0], end)
        elif start < end:
            out.append((start, end))
    return out


@cache
def _relative_opening() -> re.Pattern[str]:
    """A relative pronoun opening a sentence ("جن کی", "جس میں"): it goes on with the sentence before."""
    return re.compile(rf"(?:{alternation('relative')})(?![^\s،۔])")
