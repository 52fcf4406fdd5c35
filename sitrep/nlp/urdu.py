"""Urdu claims: every casualty figure of an Urdu article with its claimant, stance and verification. In: the
article's text; out: ``Claim``s in the English reader's contract (``quote`` and offsets in the Urdu text,
claimant kinds and canonical names neutral and in English, the claimant's words as written).

The words are data (``sitrep/data/ur/*.tsv``); the grammar is Urdu's, verb-final:

- a sentence ends at ۔ ؟ ! ? or a line break;
- a figure is the number nearest before an outcome word in the same clause ("9 فوجی اہلکار شہید"), with the
  victim noun between them; a figure with no noun of its own takes the victim of the figure before it in the
  sentence ("چار اہلکار شہید اور چار زخمی");
- "کم از کم" before a number makes it a lower bound, "سے زائد" after it an exceeded one;
- the claimant is the nearest claimant word before a reporting phrase of the sentence ("پولیس کے مطابق");
  a word that refers back ("بیان", "تنظیم") takes the claimant, or the armed group, named before.

Urdu is written with few spaces after a letter that does not join the next one (ا د ڈ ذ ر ڑ ز ژ و ے):
"اورچار" is "اور چار". A phrase therefore starts after a space, a punctuation mark or a digit, or right after
"اور" / "پر"; a long phrase ending in such a letter may run into the next word ("اہلکارکی").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from sitrep.data import read_table
from sitrep.model import Claim, Claimant, Count

# Letters that never join the next letter: a word may follow them without a space.
NON_JOINING = "اآأدڈذرڑزژوؤےۓۃ"
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_DIGIT_RE = re.compile(r"[0-9۰-۹٠-٩]+")
_SENTENCE_END = re.compile(r"[۔؟!?]+|\n+")
# Clause boundaries: a figure never reaches across them to its outcome word.
_CLAUSE_RE = re.compile(r"[،,؛;:]|(?<![^\s])(?:جبکہ|جب کہ|تاہم|لیکن)(?![^\s])")
_NEAR = 45  # characters between a number and its outcome word: "کیپٹن سمیت 9 فوجی اہلکار شہید" fits


class Match(NamedTuple):
    start: int
    end: int
    phrase: str


class PhraseFinder:
    """Finds the phrases of a list in Urdu text: the longest at each place, on Urdu word boundaries."""

    def __init__(self, phrases: list[str]) -> None:
        self._re = re.compile("|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True)))

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        end = len(text) if end is None else end
        at = start
        while (match := self._re.search(text, at, end)) is not None:
            if _on_boundaries(text, match.start(), match.end()):
                yield Match(match.start(), match.end(), match.group())
                at = match.end()
            else:
                at = match.start() + 1


# The short words most often typed without a space before the next one (their last letter, ر, does not join).
_GLUING_WORDS = ("اور", "پر")


def glued_after_word(text: str, start: int) -> bool:
    """Whether ``text[:start]`` ends with "اور" or "پر" written against the word at ``start``."""
    return any(
        text.endswith(word, 0, start) and (start == len(word) or not text[start - len(word) - 1].isalpha())
        for word in _GLUING_WORDS
    )


def _on_boundaries(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole word (or words): it starts after a non-letter and ends before one.
    A word of three letters or more may also start right after "اور" (and) or "پر" (on) written without a space
    ("اورچار", "پردہشت گردوں"; not "تین" in "خواتین"), or end right
    before a letter when its own last letter does not join ("اہلکارکی"); a shorter one may not, as "دو" (two)
    is the end of "اردو" and "سو" (hundred) the start of "سوات"."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    long = end - start >= 3
    starts = not before.isalpha() or (long and before in NON_JOINING and glued_after_word(text, start))
    ends = not after.isalpha() or (long and text[end - 1] in NON_JOINING)
    return starts and ends


# The case markers most often written against a noun that ends in a letter that does not join ("لیویزکے").
_CASE_MARKERS = ("کے", "کی", "کا", "کو", "نے", "سے", "میں", "پر", "تک")


def within_words(text: str, start: int, end: int) -> bool:
    """Whether a name at text[start:end] that touches a letter is still whole words: "اور"/"پر" written against
    its start ("اورپولیس"), or a case marker against its end when its last letter does not join ("لیویزکے").
    Stricter than a phrase's ending (``_on_boundaries``): a name must not be read inside a longer word, as
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
        for marker in _CASE_MARKERS
    )


@dataclass(frozen=True)
class Lexicon:
    """The Urdu word lists, each with its finder."""

    numbers: dict[str, tuple[str, int | None]]
    outcomes: dict[str, str]
    victims: dict[str, str]
    numbers_of: dict[str, str]  # victim noun: plural | singular | any
    claimants: dict[str, tuple[str, str]]
    reporting: dict[str, tuple[str, str]]  # phrase: (stance, form)
    verification: dict[str, bool]
    actors: dict[str, str]
    background: PhraseFinder
    number_finder: PhraseFinder
    outcome_finder: PhraseFinder
    victim_finder: PhraseFinder
    claimant_finder: PhraseFinder
    reporting_finder: PhraseFinder
    verification_finder: PhraseFinder


def _rows(name: str, *columns: str) -> dict[str, tuple[str, ...]]:
    return {row["phrase"]: tuple(row[c] for c in columns) for row in read_table(f"ur/{name}")}


@cache
def urdu_lexicon() -> Lexicon:
    """The Urdu word lists of ``sitrep/data/ur/`` (and an analyst's overlay, ``SITREP_DATA``)."""
    numbers = {p: (k, int(v) if v else None) for p, (k, v) in _rows("numbers.tsv", "kind", "value").items()}
    outcomes = {p: o for p, (o,) in _rows("outcomes.tsv", "outcome").items()}
    victims = {p: v for p, (v,) in _rows("victims.tsv", "victim").items()}
    claimants = {p: (k, n) for p, (k, n) in _rows("claimants.tsv", "kind", "name").items()}
    actors = {p: a for p, (a,) in _rows("actors.tsv", "actor").items()}
    reporting = {p: (s, f) for p, (s, f) in _rows("reporting.tsv", "stance", "form").items()}
    verification = {p: v == "yes" for p, (v,) in _rows("verification.tsv", "verified").items()}
    return Lexicon(
        numbers=numbers,
        outcomes=outcomes,
        victims=victims,
        numbers_of={p: n for p, (n,) in _rows("victims.tsv", "number").items()},
        claimants=claimants,
        reporting=reporting,
        verification=verification,
        actors=actors,
        background=PhraseFinder(list(_rows("background.tsv"))),
        number_finder=PhraseFinder(list(numbers)),
        outcome_finder=PhraseFinder(list(outcomes)),
        victim_finder=PhraseFinder(list(victims)),
        claimant_finder=PhraseFinder([*claimants, *actors]),
        reporting_finder=PhraseFinder(list(reporting)),
        verification_finder=PhraseFinder(list(verification)),
    )


def urdu_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: up to and including ۔ ؟ ! ?, or up to a line break; blanks left out."""
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
        if start < end:
            out.append((start, end))
    return out


class _Figure(NamedTuple):
    start: int
    end: int
    low: int | None
    high: int | None
    approximate: bool


def _numbers(text: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[int, int, str, int | None]]:
    """(start, end, kind, value) of the digits, number words and quantity phrases between start and end."""
    found = [
        (m.start(), m.end(), "number", int(m.group().translate(_DIGITS)))
        for m in _DIGIT_RE.finditer(text, start, end)
    ]
    for m in lexicon.number_finder.find(text, start, end):
        kind, value = lexicon.numbers[m.phrase]
        found.append((m.start, m.end, kind, value))
    return sorted(found)


def _figure(text: str, numbers: list[tuple[int, int, str, int | None]], lo: int, at: int) -> _Figure | None:
    """The figure of the outcome word at ``at``: the last number in [lo, at), within reach, with its bounds."""
    values = [n for n in numbers if lo <= n[0] and n[1] <= at and n[2] in ("number", "dozens", "hundreds")]
    if not values or at - values[-1][1] > _NEAR:
        return None
    start, end, kind, value = values[-1]
    low, high, approximate = value, value, False
    if kind != "number":
        high, approximate = None, True
    for q_start, q_end, q_kind, _ in numbers:
        if q_kind == "at_least" and q_end <= start and start - q_end <= 2:
            high, start = None, q_start
        elif q_kind == "more_than" and q_start >= end and q_start - end <= 2 and q_end <= at:
            low, high, end = (value or 0) + 1, None, q_end
        elif q_kind == "about" and q_end <= start and start - q_end <= 2:
            approximate, start = True, q_start
    return _Figure(start, end, low, high, approximate)


class _Voice(NamedTuple):
    """A reporting phrase of a sentence with who speaks through it."""

    start: int
    end: int
    leads: bool  # "کے مطابق" gives the figures after it; a verb ("نے کہا") the whole sentence's
    claimant: Claimant
    stance: str


def _voices(
    text: str, s_start: int, s_end: int, lexicon: Lexicon, memory: dict[str, Claimant]
) -> list[_Voice]:
    """The sentence's reporting phrases, each with the claimant words before it (after the previous phrase)."""
    voices: list[_Voice] = []
    after = s_start
    for report in lexicon.reporting_finder.find(text, s_start, s_end):
        words = list(lexicon.claimant_finder.find(text, after, report.start))
        after = report.end
        if not words:
            claimant = Claimant()
        else:
            # A name beats a word that refers back; of those, "تنظیم" (the group) beats "بیان" (the statement).
            kinds = [lexicon.claimants.get(m.phrase, ("armed_group", ""))[0] for m in words]
            named = [m for m, k in zip(words, kinds, strict=True) if k not in _BACK]
            group = [m for m, k in zip(words, kinds, strict=True) if k == "previous_armed_group"]
            claimant = _resolve((named or group or words)[-1], lexicon, memory)
        _, form = lexicon.reporting[report.phrase]
        stance = "claimed" if claimant.kind == "armed_group" else lexicon.reporting[report.phrase][0]
        voices.append(_Voice(report.start, report.end, form == "leads", claimant, stance))
        if claimant.kind != "none":
            memory["claimant"] = claimant
    return voices


def _voice_at(voices: list[_Voice], at: int) -> tuple[Claimant, str]:
    """Who gives the figure at ``at``: the last leading phrase before it, else the sentence's first verb."""
    leading = [v for v in voices if v.leads and v.end <= at]
    verbs = [v for v in voices if not v.leads]
    voice = leading[-1] if leading else verbs[0] if verbs else None
    return (voice.claimant, voice.stance) if voice else (Claimant(), "reported")


_BACK = ("previous", "previous_armed_group")


def _resolve(word: Match, lexicon: Lexicon, memory: dict[str, Claimant]) -> Claimant:
    if word.phrase in lexicon.actors:
        return Claimant(name=lexicon.actors[word.phrase], kind="armed_group", text=word.phrase)
    kind, name = lexicon.claimants[word.phrase]
    if kind == "none":  # "اطلاعات کے مطابق" (according to reports): the article's own voice
        return Claimant()
    if kind == "previous":
        return memory.get("claimant", Claimant())
    if kind == "previous_armed_group":
        return memory.get("armed_group", Claimant())
    return Claimant(name=name or word.phrase, kind=kind, text=word.phrase)  # type: ignore[arg-type]


def _remember(text: str, start: int, end: int, lexicon: Lexicon, memory: dict[str, Claimant]) -> None:
    """The last armed group named in a sentence, for a later "تنظیم" (the group) to refer to."""
    for m in lexicon.claimant_finder.find(text, start, end):
        if m.phrase in lexicon.actors:
            memory["armed_group"] = Claimant(name=lexicon.actors[m.phrase], kind="armed_group", text=m.phrase)


def read_urdu_claims(text: str) -> list[Claim]:
    """Every casualty figure in the Urdu ``text`` with its claimant, stance and verification, in text order."""
    lexicon = urdu_lexicon()
    memory: dict[str, Claimant] = {}
    claims: list[Claim] = []
    sentences = urdu_sentences(text)
    for index, (s_start, s_end) in enumerate(sentences):
        outcomes = list(lexicon.outcome_finder.find(text, s_start, s_end))
        voices = _voices(text, s_start, s_end, lexicon, memory)
        _remember(text, s_start, s_end, lexicon, memory)
        if not outcomes:
            continue
        numbers = _numbers(text, s_start, s_end, lexicon)
        clauses = [m.end() for m in _CLAUSE_RE.finditer(text, s_start, s_end)]
        verified = _verified(text, sentences, index, lexicon)
        background = next(lexicon.background.find(text, s_start, s_end), None) is not None
        lo, victim = s_start, None
        for outcome in outcomes:
            lo = max([lo, *(c for c in clauses if c <= outcome.start)])
            figure = _figure(text, numbers, lo, outcome.start)
            if figure is None:
                continue
            nouns = list(lexicon.victim_finder.find(text, figure.end, outcome.start))
            if figure.low == 1 and nouns and lexicon.numbers_of[nouns[-1].phrase] == "plural":
                continue  # "ایک الگ حملے میں اہلکاروں کو": "ایک" is "a" (attack), not the count of a plural
            victim_text = nouns[-1].phrase if nouns else ""
            victim = lexicon.victims[victim_text] if nouns else victim or "unspecified"
            claimant, stance = _voice_at(voices, figure.start)
            main = _Read(figure, outcome.phrase, victim, victim_text)
            claims.append(
                _claim(text, main, claimant, stance, verified, background, (s_start, s_end), len(claims))
            )
            subset = _subset(text, numbers, lo, figure, lexicon)
            if subset is not None:  # "ایک پولیس اہلکار سمیت تین راہگیر زخمی": one policeman among the three
                read = _Read(subset[0], outcome.phrase, lexicon.victims[subset[1]], subset[1])
                part = _claim(
                    text, read, claimant, stance, verified, background, (s_start, s_end), len(claims)
                )
                claims.append(part.model_copy(update={"part_of": claims[-1].id}))
            lo = outcome.end
    return claims


class _Read(NamedTuple):
    figure: _Figure
    outcome: str
    victim: str
    victim_text: str


def _claim(
    text: str,
    read: _Read,
    claimant: Claimant,
    stance: str,
    verified: bool | None,
    background: bool,
    sentence: tuple[int, int],
    made: int,
) -> Claim:
    figure = read.figure
    return Claim(
        id=f"c{made + 1}",
        outcome=urdu_lexicon().outcomes[read.outcome],  # type: ignore[arg-type]
        victim=read.victim,  # type: ignore[arg-type]
        victim_text=read.victim_text,
        count=Count(
            low=figure.low,
            high=figure.high,
            text=text[figure.start : figure.end],
            approximate=figure.approximate,
        ),
        claimant=claimant,
        stance=stance,  # type: ignore[arg-type]
        verified=verified,
        quote=text[sentence[0] : sentence[1]],
        start=sentence[0],
        end=sentence[1],
        background=background,
    )


def _subset(
    text: str, numbers: list[tuple[int, int, str, int | None]], lo: int, figure: _Figure, lexicon: Lexicon
) -> tuple[_Figure, str] | None:
    """A figure with its victim noun right before "سمیت" (including) before ``figure``: part of it."""
    including = [n for n in numbers if n[2] == "including" and lo <= n[0] and n[1] <= figure.start]
    if not including or figure.start - including[-1][1] > 2:
        return None
    part = _figure(text, numbers, lo, including[-1][0])
    if part is None:
        return None
    nouns = list(lexicon.victim_finder.find(text, part.end, including[-1][0]))
    return (part, nouns[-1].phrase) if nouns else None


def _verified(text: str, sentences: list[tuple[int, int]], index: int, lexicon: Lexicon) -> bool | None:
    """What the sentence, or the one after it, says of independent verification (None: nothing)."""
    for start, end in sentences[index : index + 2]:
        for m in lexicon.verification_finder.find(text, start, end):
            return lexicon.verification[m.phrase]
    return None
