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
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import ahocorasick

from sitrep.data import read_table
from sitrep.model import Claim, Claimant, Count
from sitrep.nlp.told import Told

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


# Letters an Arabic keyboard types for Urdu ones, and spaces written as other characters: read as the Urdu letter
# or a space, one character for one, so offsets in the text do not move.
_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ة": "ۃ", "\u200c": " ", "\u00a0": " "})
# Vowel marks, shadda, superscript alef: optional in writing; a phrase matches with or without them.
_MARKS = "\u064b-\u065f\u0670"
# What a phrase is matched without: the marks, and a space right after a non-joining letter, which the writer may
# type or not ("ہلا ک" for "ہلاک", "مارےگئے" for "مارے گئے": the gap shows either way).
_MARK_CHARS = frozenset(map(chr, [*range(0x064B, 0x0660), 0x0670]))
_UNWRITTEN = re.compile(f"[{_MARKS}]|(?<=[{NON_JOINING}]) ")


def urdu_letters(text: str) -> str:
    """``text`` with Arabic-keyboard letters read as Urdu ones (same length: offsets are the text's)."""
    return text.translate(_LETTERS)


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
    One Aho-Corasick automaton (pyahocorasick) over the text without marks and such spaces."""

    def __init__(self, phrases: list[str]) -> None:
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
            if begin >= at and _on_boundaries(text, begin, close):
                yield Match(begin, close, phrase)
                at = close


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
    non_casualty_after: PhraseFinder
    non_casualty_before: PhraseFinder
    number_finder: PhraseFinder
    outcome_finder: PhraseFinder
    victim_finder: PhraseFinder
    claimant_finder: PhraseFinder
    reporting_finder: PhraseFinder
    verification_finder: PhraseFinder


def _rows(name: str, *columns: str) -> dict[str, tuple[str, ...]]:
    return {row["phrase"]: tuple(row[c] for c in columns) for row in read_table(f"ur/{name}")}


def _side(side: str) -> PhraseFinder:
    """The words of ``ur/non_casualty.tsv`` on one side of a number (a word may stand on both: "دفعہ")."""
    return PhraseFinder([row["phrase"] for row in read_table("ur/non_casualty.tsv") if row["side"] == side])


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
        non_casualty_after=_side("after"),
        non_casualty_before=_side("before"),
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


class _Number(NamedTuple):
    """A number, number word or quantity phrase of a sentence (``ur/numbers.tsv`` kinds)."""

    start: int
    end: int
    kind: str
    value: int | None
    high: int | None = None  # a range's upper bound ("15 سے 20")


def _numbers(text: str, start: int, end: int, lexicon: Lexicon) -> list[_Number]:
    """The digits, number words and quantity phrases between start and end, in text order."""
    found = [
        _Number(m.start(), m.end(), "number", int(m.group().translate(_DIGITS)))
        for m in _DIGIT_RE.finditer(text, start, end)
    ]
    for m in lexicon.number_finder.find(text, start, end):
        kind, value = lexicon.numbers[m.phrase]
        found.append(_Number(m.start, m.end, kind, value))
    found.sort()
    out: list[_Number] = []
    for number in found:
        before = out[-1] if out else None
        if number.kind == "scale":
            # A number right before a scale word multiplies it ("دو سو" 200); a scale alone is its value.
            if before and before.kind == "number" and 0 <= number.start - before.end <= 1 and before.value:
                out[-1] = before._replace(end=number.end, value=before.value * (number.value or 1))
                continue
            number = number._replace(kind="number")
        elif _ends_a_range(out, number):  # "15 سے 20": from one number to the other, one figure
            first = out.pop(-2)
            out[-1] = first._replace(end=number.end, high=number.value)
            continue
        out.append(number)
    return [n for n in out if n.kind not in ("number", "range") or not _counts_things(text, n, end, lexicon)]


def _ends_a_range(read: list[_Number], number: _Number) -> bool:
    """Whether a number closes "<number> سے <number>" with the two read before it."""
    return (
        number.kind == "number"
        and len(read) >= 2
        and read[-1].kind == "range"
        and read[-2].kind == "number"
        and number.start - read[-1].end <= 1
        and read[-1].start - read[-2].end <= 1
    )


_YEARS = range(1900, 2100)


def _counts_things(text: str, number: _Number, end: int, lexicon: Lexicon) -> bool:
    """Whether a number counts something other than people: a unit or a thing right after it ("دو روز", two
    days; "تین گاڑیوں", three vehicles), a name right before it ("ریسکیو 1122"), or a year with no victim noun
    after it."""
    after = number.end + (1 if text[number.end : number.end + 1] == " " else 0)
    unit = next(lexicon.non_casualty_after.find(text, after, min(end, after + 20)), None)
    if unit is not None and unit.start == after:
        return True
    before = number.start - (1 if text[number.start - 1 : number.start] == " " else 0)
    names = list(lexicon.non_casualty_before.find(text, max(0, before - 20), before))
    if names and names[-1].end == before:
        return True
    noun = next(lexicon.victim_finder.find(text, after, min(end, after + 20)), None)
    return number.value in _YEARS and (noun is None or noun.start != after)


_VALUE_KINDS = ("number", "dozens", "hundreds", "vague")
# Words a number may stand from its outcome word with no victim noun between ("پانچ شدید زخمی", "20 سے زائد
# زخمی"): further, with no noun naming people, the number counts something else ("2 ایمبولینسیں اور ایک فائر
# وہیکل پہنچیں اور زخمیوں کو ...": two ambulances).
_BARE_WORDS = 2


def _figure(text: str, numbers: list[_Number], lo: int, at: int, lexicon: Lexicon) -> _Figure | None:
    """The figure of the outcome word at ``at``: the last number in [lo, at), within reach, with its bounds: a
    noun naming people between them, or at most ``_BARE_WORDS`` words."""
    values = [n for n in numbers if lo <= n.start and n.end <= at and n.kind in _VALUE_KINDS]
    if not values or at - values[-1].end > _NEAR:
        return None
    figure = _bounded(numbers, values[-1], at)
    between = text[figure.end : at]
    if (
        len(between.split()) > _BARE_WORDS
        and next(lexicon.victim_finder.find(text, figure.end, at), None) is None
    ):
        return None
    return figure


def _bounded(numbers: list[_Number], number: _Number, limit: int) -> _Figure:
    """A number with the quantity phrases around it ("کم از کم", "سے زائد", "کے قریب" ending before ``limit``)."""
    start, end, kind, value, high_bound = number
    low, high, approximate = value, high_bound if high_bound is not None else value, False
    if kind != "number":
        high, approximate = None, kind != "vague"
    for other in numbers:
        before = other.end <= start and start - other.end <= 2
        after = other.start >= end and other.start - end <= 2 and other.end <= limit
        if other.kind == "at_least" and before:
            high, start = None, other.start
        elif other.kind == "more_than" and after:
            low, high, end = (value or 0) + 1, None, other.end
        elif other.kind == "about" and before:
            approximate, start = True, other.start
        elif other.kind == "about_after" and after:  # "30 کے قریب"
            approximate, end = True, other.end
    return _Figure(start, end, low, high, approximate)


# From an outcome word to the phrase that puts its figure after it: "جاں بحق افراد کی تعداد 12 ہو گئی" (the
# number of dead rose to 12), "شہید ہونے والے اہلکاروں میں دو ... شامل ہیں" (among the personnel killed were two).
_AFTER_REACH = 30
_AMONG_REACH = 25  # from "ہونے والے" (those who were) to its "میں" (among), a noun between
_RIGHT_AFTER = 3  # from "ہونے والے" to the number it qualifies: a space


def _figures_after(
    sentence: _Sentence, outcome: Match, stop: int, lexicon: Lexicon
) -> list[tuple[_Read, str]]:
    """The figures an outcome word names after itself, each with its role: "total" (a tally), "definite" (the
    number a participle qualifies: "the three killed", people already counted when a figure of the outcome was
    read before, as the English reader reads "the two injured were shifted") or "part" (a list of those among
    the dead, parts of the total before). ``stop`` is where the next outcome word starts."""
    numbers = sentence.numbers
    after = [n for n in numbers if outcome.end <= n.start and n.end <= stop]
    near = [n for n in after if n.start - outcome.end <= _AFTER_REACH]
    # "ہلاک ہونے والوں کی تعداد 9" (the number of those killed): the tally decides.
    lead = next((n for n in near if n.kind == "tally"), None) or next(
        (n for n in near if n.kind == "who_were"), None
    )
    if lead is None:
        return []
    values = [n for n in after if n.start >= lead.end and n.kind in _VALUE_KINDS]
    if lead.kind == "who_were":
        among = next((n for n in after if n.kind == "among" and n.start >= lead.end), None)
        if among is not None and among.start - lead.end <= _AMONG_REACH:
            return _list_of_parts(sentence, outcome, among, stop, lexicon)
        # "جاں بحق ہونے والے پانچ افراد" (the five people killed): the number right after
        values = values[:1] if values and values[0].start - lead.end <= _RIGHT_AFTER else []
        role = "definite"
    else:
        values = values[:1] if values and values[0].start - lead.end <= _AFTER_REACH else []
        role = "total"
    named = list(lexicon.victim_finder.find(sentence.seen, outcome.end, lead.start))
    return [(_read_with_noun(sentence, outcome, v, stop, named, lexicon), role) for v in values]


def _list_of_parts(
    sentence: _Sentence, outcome: Match, among: _Number, stop: int, lexicon: Lexicon
) -> list[tuple[_Read, str]]:
    """The figures listed after "میں" (among), each a part: up to "شامل" (are included), else to the clause's
    end ("ہلاک ہونے والوں میں چار اہلکار اور تین شہری شامل ہیں، جبکہ پانچ افراد زخمی ہوئے")."""
    seen = sentence.seen
    included = next(
        (n for n in sentence.numbers if n.kind == "included" and among.end <= n.start < stop), None
    )
    closes = [c for c in sentence.clauses if c > among.end]
    end = included.end if included else min([stop, *closes])
    values = [n for n in sentence.numbers if among.end <= n.start and n.end <= end and n.kind in _VALUE_KINDS]
    named = list(lexicon.victim_finder.find(seen, outcome.end, among.start))
    reads = []
    for at, number in enumerate(values):
        limit = values[at + 1].start if at + 1 < len(values) else end
        reads.append((_read_with_noun(sentence, outcome, number, limit, named, lexicon), "part"))
    return reads


_WHOM_REACH = 15  # from an outcome word to the "جن میں" (among whom) of its figure: "زخمی ہو گئے جن میں"


def _parts_among_whom(sentence: _Sentence, outcome: Match, stop: int, lexicon: Lexicon) -> list[_Read]:
    """The figures of a list "جن میں … شامل ہیں" (among whom are …) right after an outcome word and its figure:
    parts of that figure. Only a list closed by "شامل": "جن میں سے دو کی حالت نازک ہے" (two of them critical)
    is a state, not a count of a casualty."""
    whom = next(
        (n for n in sentence.numbers if n.kind == "among_whom" and outcome.end <= n.start < stop), None
    )
    if whom is None or whom.start - outcome.end > _WHOM_REACH:
        return []
    included = next(
        (n for n in sentence.numbers if n.kind == "included" and whom.end <= n.start < stop), None
    )
    if included is None:
        return []
    values = [
        n
        for n in sentence.numbers
        if whom.end <= n.start and n.end <= included.start and n.kind in _VALUE_KINDS
    ]
    return [
        _read_with_noun(
            sentence, outcome, v, values[i + 1].start if i + 1 < len(values) else included.start, [], lexicon
        )
        for i, v in enumerate(values)
    ]


def _read_with_noun(
    sentence: _Sentence, outcome: Match, number: _Number, limit: int, named: list[Match], lexicon: Lexicon
) -> _Read:
    """A figure named after its outcome word, with the victim noun right after it (else the one named with the
    outcome word: "شہید اہلکاروں کی تعداد 5")."""
    figure = _bounded(sentence.numbers, number, limit)
    nouns = [
        m
        for m in lexicon.victim_finder.find(sentence.seen, figure.end, limit)
        if m.start - figure.end <= _NEAR
    ]
    noun = (nouns[:1] or named[-1:] or [None])[0]
    victim = lexicon.victims[noun.phrase] if noun else "unspecified"
    return _Read(figure, outcome.phrase, victim, sentence.text[noun.start : noun.end] if noun else "")


class _Voice(NamedTuple):
    """A reporting phrase of a sentence with who speaks through it."""

    start: int
    end: int
    leads: bool  # "کے مطابق" gives the figures after it; a verb ("نے کہا") the whole sentence's
    claimant: Claimant
    stance: str
    spoken: bool  # a statement ("نے کہا", "کی تصدیق"), which goes on over the paragraph's next sentences


def _voices(
    text: str, s_start: int, s_end: int, lexicon: Lexicon, memory: dict[str, Claimant], written: str
) -> list[_Voice]:
    """The sentence's reporting phrases, each with the claimant words before it (after the previous phrase).
    ``text`` is read (``urdu_letters``); the claimant's words are cut from ``written``, the text as written."""
    voices: list[_Voice] = []
    after = s_start
    for report in lexicon.reporting_finder.find(text, s_start, s_end):
        table_stance, form = lexicon.reporting[report.phrase]
        if form == "shift":
            continue
        # Whom a claimant told or talked to is no claimant: "پولیس نے میڈیا کو بتایا" (police told the media).
        words = [
            m
            for m in lexicon.claimant_finder.find(text, after, report.start)
            if not _ADDRESSEE.match(text, m.end)
        ]
        after = report.end
        if not words and voices and report.start - voices[-1].end <= _CHAINED:
            # "نے میڈیا سے گفتگو کرتے ہوئے بتایا کہ": one speaker, two phrases
            claimant = voices[-1].claimant
        elif not words:
            claimant = Claimant()
        else:
            # A name beats a word that refers back; of those, "تنظیم" (the group) beats "بیان" (the statement).
            kinds = [lexicon.claimants.get(m.phrase, ("armed_group", ""))[0] for m in words]
            named = [m for m, k in zip(words, kinds, strict=True) if k not in _BACK]
            group = [m for m, k in zip(words, kinds, strict=True) if k == "previous_armed_group"]
            claimant = _resolve((named or group or words)[-1], lexicon, memory, written)
        stance = "claimed" if claimant.kind == "armed_group" else table_stance
        spoken = table_stance in ("reported", "confirmed")
        leads = form == "leads" or _THAT.match(text, report.end) is not None
        voices.append(_Voice(report.start, report.end, leads, claimant, stance, spoken))
        if claimant.kind != "none":
            memory["claimant"] = claimant
    return voices


_CHAINED = 30  # characters between two reporting phrases of one speaker: "نے واقعے کی تصدیق کرتے ہوئے بتایا"
# After a claimant's words: the one told or talked to ("میڈیا کو", "صحافیوں سے بات کرتے ہوئے"), or where a
# statement was put ("سوشل میڈیا پر جاری بیان میں").
_ADDRESSEE = re.compile(r"\s*(?:کو|پر|سے\s+(?:بات|گفتگو|خطاب))(?![^\s،۔])")
# After a reporting verb: "کہ" (that) opening what was said ("نے دعویٰ کیا ہے کہ …"): the verb gives the
# figures after it, as "کے مطابق" does, not the whole sentence's.
_THAT = re.compile(r"(?:\s+(?!اور(?!\S))\S+){0,2}?\s+کہ(?![^\s،۔])")


def _voice_at(voices: list[_Voice], at: int, speaker: _Voice | None) -> tuple[Claimant, str]:
    """Who gives the figure at ``at``: the last leading phrase before it, else the sentence's first verb; in a
    sentence with no reporting phrase, the paragraph's speaker (``_Speaker``) goes on."""
    leading = [v for v in voices if v.leads and v.end <= at]
    verbs = [v for v in voices if not v.leads]
    voice = leading[-1] if leading else verbs[0] if verbs else None if voices else speaker
    return (voice.claimant, voice.stance) if voice else (Claimant(), "reported")


class _Speaker:
    """Reported speech goes on into the next sentence of its paragraph: a sentence with no reporting phrase of
    its own right after a statement is the statement's, unless it opens with a turn to another matter ("دریں
    اثنا", meanwhile: ``reporting.tsv`` form "shift"). Not further, as the English reader reads a paragraph: the
    Urdu press runs a whole report into one or two paragraphs and names the speaker again when it goes on
    ("انہوں نے مزید کہا", "ان کا کہنا تھا")."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self._text, self._lexicon = text, lexicon
        self._last: tuple[int, _Voice] | None = None

    def read(self, start: int, end: int, voices: list[_Voice]) -> _Voice | None:
        """The speaker who goes on into the sentence [start, end); then the sentence's own voices are heard."""
        paragraph = self._text.count("\n", 0, start)
        opening = next(self._lexicon.reporting_finder.find(self._text, start, min(end, start + 30)), None)
        shifts = (
            opening is not None
            and opening.start == start
            and self._lexicon.reporting[opening.phrase][1] == "shift"
        )
        last = self._last
        going_on = last[1] if last and last[0] == paragraph and not shifts else None
        spoken = [v for v in voices if v.spoken]
        self._last = (paragraph, spoken[-1]) if spoken else None
        return going_on


_BACK = ("previous", "previous_armed_group")


def _resolve(word: Match, lexicon: Lexicon, memory: dict[str, Claimant], written: str) -> Claimant:
    words = written[word.start : word.end]
    if word.phrase in lexicon.actors:
        return Claimant(name=lexicon.actors[word.phrase], kind="armed_group", text=words)
    kind, name = lexicon.claimants[word.phrase]
    if kind == "none":  # "اطلاعات کے مطابق" (according to reports): the article's own voice
        return Claimant()
    if kind == "previous":
        return memory.get("claimant", Claimant())
    if kind == "previous_armed_group":
        return memory.get("armed_group", Claimant())
    return Claimant(name=name or words, kind=kind, text=words)  # type: ignore[arg-type]


def _remember(
    text: str, start: int, end: int, lexicon: Lexicon, memory: dict[str, Claimant], written: str
) -> None:
    """The last armed group named in a sentence, for a later "تنظیم" (the group) to refer to."""
    for m in lexicon.claimant_finder.find(text, start, end):
        if m.phrase in lexicon.actors:
            memory["armed_group"] = _resolve(m, lexicon, memory, written)


def read_urdu_claims(text: str) -> list[Claim]:
    """Every casualty figure in the Urdu ``text`` with its claimant, stance and verification, in text order."""
    lexicon = urdu_lexicon()
    seen = urdu_letters(text)  # what the finders read; quotes and offsets are the text's own
    memory: dict[str, Claimant] = {}
    claims: list[Claim] = []
    told = Told()
    speakers = _Speaker(seen, lexicon)
    sentences = urdu_sentences(seen)
    for s_start, s_end in sentences:
        outcomes = list(lexicon.outcome_finder.find(seen, s_start, s_end))
        voices = _voices(seen, s_start, s_end, lexicon, memory, text)
        speaker = speakers.read(s_start, s_end, voices)
        _remember(seen, s_start, s_end, lexicon, memory, text)
        outcomes = [o for o in outcomes if lexicon.outcomes[o.phrase] != "none"]
        if not outcomes:
            continue
        sentence = _Sentence(
            seen,
            text,
            (s_start, s_end),
            _numbers(seen, s_start, s_end, lexicon),
            [m.end() for m in _CLAUSE_RE.finditer(seen, s_start, s_end)],
            _verified(seen, s_start, s_end, lexicon),
            next(lexicon.background.find(seen, s_start, s_end), None) is not None,
        )
        lo, victim = s_start, None
        for at, outcome in enumerate(outcomes):
            lo = max([lo, *(c for c in sentence.clauses if c <= outcome.start)])
            figure = _figure(seen, sentence.numbers, lo, outcome.start, lexicon)
            if figure is None:
                following = outcomes[at + 1].start if at + 1 < len(outcomes) else s_end
                for read, role in _figures_after(sentence, outcome, following, lexicon):
                    lo = max(lo, read.figure.end)
                    total = _last_of(claims, lexicon.outcomes[read.outcome])
                    if role == "definite" and total is not None:
                        continue  # "شہید ہونے والے تین اہلکاروں کی شناخت": the three already counted
                    claimant, stance = _voice_at(voices, read.figure.start, speaker)
                    whole = total if role == "part" else None
                    _add(claims, told, sentence.claim(read, claimant, stance, len(claims), whole))
                continue
            nouns = list(lexicon.victim_finder.find(seen, figure.end, outcome.start))
            if figure.low == 1 and nouns and lexicon.numbers_of[nouns[-1].phrase] == "plural":
                continue  # "ایک الگ حملے میں اہلکاروں کو": "ایک" is "a" (attack), not the count of a plural
            if figure.low is None and not nouns:
                continue  # "متعدد کی حالت تشویشناک": "several" stands for people told of before, not a figure
            if _attributive_one(seen, figure, outcome, lexicon):
                continue  # "ایک لاپتہ نوجوان کی والدہ": a missing youth's mother, not a count
            victim_text = text[nouns[-1].start : nouns[-1].end] if nouns else ""  # as written
            victim = lexicon.victims[nouns[-1].phrase] if nouns else victim or "unspecified"
            claimant, stance = _voice_at(voices, figure.start, speaker)
            main = sentence.claim(
                _Read(figure, outcome.phrase, victim, victim_text), claimant, stance, len(claims)
            )
            if not _add(claims, told, main):
                lo = outcome.end
                continue
            subset = _subset(seen, sentence.numbers, lo, figure, lexicon)
            if subset is not None:  # "ایک پولیس اہلکار سمیت تین راہگیر زخمی": one policeman among the three
                noun = subset[1]
                read = _Read(
                    subset[0], outcome.phrase, lexicon.victims[noun.phrase], text[noun.start : noun.end]
                )
                _add(claims, told, sentence.claim(read, claimant, stance, len(claims), main.id))
            lo = outcome.end
            following = outcomes[at + 1].start if at + 1 < len(outcomes) else s_end
            for read in _parts_among_whom(sentence, outcome, following, lexicon):
                # "25 افراد زخمی ہوئے جن میں 6 خواتین بھی شامل ہیں": six women among the 25
                _add(claims, told, sentence.claim(read, claimant, stance, len(claims), main.id))
                lo = max(lo, read.figure.end)
    return _unverified_by_later_sentences(seen, sentences, claims, lexicon)


def _attributive_one(text: str, figure: _Figure, outcome: Match, lexicon: Lexicon) -> bool:
    """ "ایک" (one, a) right before an outcome word that qualifies the noun after it: "a missing youth", "an
    injured soldier" name a person spoken of, not a count (as English reads "a wounded soldier said")."""
    if text[figure.start : figure.end] != "ایک" or text[figure.end : outcome.start].strip():
        return False
    noun = next(lexicon.victim_finder.find(text, outcome.end, min(len(text), outcome.end + 20)), None)
    return noun is not None and not text[outcome.end : noun.start].strip()


def _add(claims: list[Claim], told: Told, claim: Claim) -> bool:
    """Keep a claim unless an earlier sentence gave the same figure (a lede said again in the body: the English
    reader's rule, ``Told.said_before``); whether it was kept."""
    if claim.part_of is None and told.said_before(
        claim.outcome,
        claim.count.low,
        claim.count.high,
        claim.claimant.kind,
        claim.victim,
        claim.victim_text,
        claim.start,
    ):
        return False
    claims.append(claim)
    told.add(claim)
    return True


def _last_of(claims: list[Claim], outcome: str) -> str | None:
    """The id of the last whole figure of an outcome read so far: the total a list "among them" divides."""
    return next((c.id for c in reversed(claims) if c.outcome == outcome and c.part_of is None), None)


class _Read(NamedTuple):
    figure: _Figure
    outcome: str
    victim: str
    victim_text: str


@dataclass(frozen=True)
class _Sentence:
    """One sentence with an outcome word, and what its figures share."""

    seen: str  # the text as the finders read it (``urdu_letters``)
    text: str  # the text as written: quotes and figures are cut from it
    span: tuple[int, int]
    numbers: list[_Number]
    clauses: list[int]  # where each clause after the first starts
    verified: bool | None
    background: bool

    def claim(
        self, read: _Read, claimant: Claimant, stance: str, made: int, part_of: str | None = None
    ) -> Claim:
        figure = read.figure
        start, end = self.span
        return Claim(
            id=f"c{made + 1}",
            outcome=urdu_lexicon().outcomes[read.outcome],  # type: ignore[arg-type]
            victim=read.victim,  # type: ignore[arg-type]
            victim_text=read.victim_text,
            count=Count(
                low=figure.low,
                high=figure.high,
                text=self.text[figure.start : figure.end],
                approximate=figure.approximate,
            ),
            claimant=claimant,
            stance=stance,  # type: ignore[arg-type]
            verified=self.verified,
            quote=self.text[start:end],
            start=start,
            end=end,
            background=self.background,
            part_of=part_of,
        )


def _subset(
    text: str, numbers: list[_Number], lo: int, figure: _Figure, lexicon: Lexicon
) -> tuple[_Figure, Match] | None:
    """A figure with its victim noun right before "سمیت" (including) before ``figure``: part of it."""
    including = [n for n in numbers if n.kind == "including" and lo <= n.start and n.end <= figure.start]
    if not including or figure.start - including[-1].end > 2:
        return None
    part = _figure(text, numbers, lo, including[-1].start, lexicon)
    if part is None:
        return None
    nouns = list(lexicon.victim_finder.find(text, part.end, including[-1].start))
    return (part, nouns[-1]) if nouns else None


def _verified(text: str, start: int, end: int, lexicon: Lexicon) -> bool | None:
    """What the sentence says of independent verification (None: nothing)."""
    found = next(lexicon.verification_finder.find(text, start, end), None)
    return lexicon.verification[found.phrase] if found else None


# "ان دعووں کی تصدیق نہیں ہو سکی" (these claims could not be verified): the claims made, not the figures told.
_CLAIMS_WORD = re.compile(r"(?<!\w)دعو(?:ے|وں|یٰ|ی)(?!\w)")


def _unverified_by_later_sentences(
    text: str, sentences: list[tuple[int, int]], claims: list[Claim], lexicon: Lexicon
) -> list[Claim]:
    """A sentence with no figure of its own that says whether figures could be verified speaks, as the English
    reader reads it, of the figures of the claimants it names; of "these claims" (the figures claimed); else of
    the last sentence with figures before it."""
    updates: dict[str, bool] = {}
    for start, end in sentences:
        said = next(lexicon.verification_finder.find(text, start, end), None)
        before = [c for c in claims if c.end <= start]
        if said is None or not before or any(start <= c.start < end for c in claims):
            continue
        named = {
            _resolve(m, lexicon, {}, text).kind
            for m in lexicon.claimant_finder.find(text, start, end)
            if not said.start <= m.start < said.end
            and lexicon.claimants.get(m.phrase, ("armed_group",))[0] != "none"
        } - {"none"}
        if named:
            targets = [c for c in before if c.claimant.kind in named]
        elif _CLAIMS_WORD.search(text, start, end) and any(c.stance == "claimed" for c in before):
            targets = [c for c in before if c.stance == "claimed"]
        else:
            last = before[-1].start
            targets = [c for c in before if c.start == last]
        updates |= {c.id: lexicon.verification[said.phrase] for c in targets if c.verified is None}
    return [c.model_copy(update={"verified": updates[c.id]}) if c.id in updates else c for c in claims]
