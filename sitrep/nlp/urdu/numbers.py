"""Numbers of an Urdu sentence: digits (Urdu, Eastern-Arabic, Latin), number words and quantity phrases
(``ur/numbers.tsv``), and a number's bounds with the phrases around it ("کم از کم", "سے زائد", "تقریباً"). A number
counting things, a date, a year or a name is no number of people (``ur/non_casualty.tsv``)."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from sitrep.nlp.urdu.lexicon import Lexicon
from sitrep.nlp.urdu.writing import alternation, within_words

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_DIGIT_CHARS = frozenset("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")


# Digits, with thousands set apart by commas ("1,012", "۲٬۵۰۷") read as one number; and a clock time ("3:00",
# "۱۲:۱۰") read whole, so that neither of its parts counts anyone.
_DIGIT_RE = re.compile(
    r"[0-9۰-۹٠-٩]{1,3}(?:[,٬][0-9۰-۹٠-٩]{3})+(?![0-9۰-۹٠-٩])|[0-9۰-۹٠-٩]+(?:[:：][0-9۰-۹٠-٩]+)*"
)
_THOUSANDS = str.maketrans("", "", ",٬")


class Figure(NamedTuple):
    start: int
    end: int
    low: int | None
    high: int | None
    approximate: bool


class Number(NamedTuple):
    """A number, number word or quantity phrase of a sentence (``ur/numbers.tsv`` kinds)."""

    start: int
    end: int
    kind: str
    value: int | None
    high: int | None = None  # a range's upper bound ("15 سے 20")


def numbers_of(text: str, start: int, end: int, lexicon: Lexicon) -> list[Number]:
    """The digits, number words and quantity phrases between start and end, in text order."""
    found = [
        Number(m.start(), m.end(), "number", int(m.group().translate(_THOUSANDS).translate(_DIGITS)))
        for m in _DIGIT_RE.finditer(text, start, end)
        if m.group().translate(_THOUSANDS).isdigit()
    ]
    for m in lexicon.number_finder.find(text, start, end):
        kind, value = lexicon.numbers[m.phrase]
        glued_to_digits = kind == "scale" and m.start > 0 and text[m.start - 1] in _DIGIT_CHARS
        if (
            kind in _WORD_KINDS
            and not within_words(text, m.start, m.end)
            and not (glued_to_digits and within_words(text, m.start - 1, m.end))
        ):
            continue  # "ہزار" (thousand) in "ہزارہ" (Hazara); but "2ہزار", typed against its digits, is 2,000
        found.append(Number(m.start, m.end, kind, value))
    found.sort()
    out: list[Number] = []
    # Where a number made with a scale word ends → that scale ("تین سو": 100), and the number added after it.
    scaled: dict[int, int] = {}
    added: dict[int, tuple[int, int]] = {}  # end → (the scaled number, the number added to it)
    for number in found:
        before = out[-1] if out else None
        adjacent = before is not None and 0 <= number.start - before.end <= 1
        if adjacent and before is not None and before.end in added and number.kind == "scale":
            # "دو ہزار پانچ سو": the hundreds multiply the number added to the thousands (2,500)
            base, part = added.pop(before.end)
            if (number.value or 1) < scaled[before.end]:
                out[-1] = before._replace(end=number.end, value=base + part * (number.value or 1))
                scaled[number.end] = number.value or 1
                continue
        if (
            adjacent
            and before is not None
            and before.end in scaled
            and number.kind == "number"
            and (number.value or 0) < scaled[before.end]
        ):
            # A smaller number after a scaled one adds to it: "تین سو اکہتر" 371
            out[-1] = before._replace(end=number.end, value=(before.value or 0) + (number.value or 0))
            scaled[number.end] = scaled[before.end]
            added[number.end] = (before.value or 0, number.value or 0)
            continue
        if number.kind == "scale":
            # A number right before a scale word multiplies it ("دو سو" 200, "ڈیڑھ درجن" 18: one and a half,
            # its value in halves); a scale alone is its value.
            if (
                before
                and before.kind in ("number", "halves")
                and 0 <= number.start - before.end <= 1
                and before.value
            ):
                times = before.value * (number.value or 1)
                value = times if before.kind == "number" else times // 2
                out[-1] = before._replace(end=number.end, kind="number", value=value)
                scaled[number.end] = number.value or 1
                continue
            number = number._replace(kind="number")
        elif _ends_a_range(out, number):  # "15 سے 20": from one number to the other, one figure
            first = out.pop(-2)
            out[-1] = first._replace(end=number.end, high=number.value)
            continue
        out.append(number)
    counted = ("number", "range", "vague", "dozens", "hundreds")  # "کئی ماہ" (several months) counts no one
    things: set[int] = set()  # where the numbers that count things start
    for at in range(len(out) - 1, -1, -1):
        number, following = out[at], out[at + 1] if at + 1 < len(out) else None
        if number.kind in counted and (
            _counts_things(text, number, end, lexicon)
            # "آٹھ اور گیارہ سال کے دو بچے" (two children, eight and eleven years old): a number joined to one
            # that counts things counts them too
            or (
                following is not None
                and following.start in things
                and _joined().fullmatch(text, number.end, following.start)
            )
        ):
            things.add(number.start)
    return [
        n for n in out if n.start not in things and not (n.kind in counted and _not_its_own(text, n, end))
    ]


@cache
def _joined() -> re.Pattern[str]:
    """What joins two numbers of a list: "اور" (and), a comma."""
    return re.compile(rf"\s*(?:،|(?:{alternation('and')})(?!\S))\s*")


@cache
def _said_of_others() -> tuple[re.Pattern[str], ...]:
    """What may follow a number that is no count of its own: "نہیں بلکہ" and the number that stands for it ("۵ نہیں
    بلکہ ۶", not five but six); "کی شناخت" (the identification of), over one word at most ("تین کی شناخت ہو گئی",
    "4 لاشوں کی شناخت ہو سکی": the dead who were identified, some of those counted before)."""
    return (
        re.compile(rf"\s*(?:{alternation('negation')})\s+(?:{alternation('but_rather')})\s+[^\s]"),
        re.compile(rf"(?:\s*[^\s،۔]+)?\s+(?:{alternation('identification')})(?![^\s،۔])"),
    )


def _not_its_own(text: str, number: Number, end: int) -> bool:
    """Whether a number is one a speaker corrects, or counts those identified (``_said_of_others``)."""
    return any(pattern.match(text, number.end, end) for pattern in _said_of_others())


def _ends_a_range(read: list[Number], number: Number) -> bool:
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


# Number words, which must be whole words ("ہزار" is no thousand in "ہزارہ"); quantity phrases such as "میں" and
# "سے" are found as ``PhraseFinder`` finds them.
_WORD_KINDS = ("number", "scale", "dozens", "hundreds", "halves")


def _counts_things(text: str, number: Number, end: int, lexicon: Lexicon) -> bool:
    """Whether a number counts something other than people: a unit or a thing right after it ("دو روز", two
    days; "تین گاڑیوں", three vehicles), a name right before it ("ریسکیو 1122"), or a year with no victim noun
    after it."""
    if text[number.start - 1 : number.start] == "(" and text[number.end : number.end + 1] == ")":
        return True  # "حاجی فضل حق (58)": an age after a name, as lists of the dead give it
    after = number.end + (1 if text[number.end : number.end + 1] == " " else 0)
    unit = next(lexicon.non_casualty_after.find(text, after, min(end, after + 20)), None)
    noun = next(lexicon.victim_finder.find(text, after, min(end, after + 20)), None)
    if unit is not None and unit.start == after:
        # … unless people are named by it: "دو موٹر سائیکل سوار" (two motorcyclists), not "دو موٹر سائیکل"
        return noun is None or noun.start != after or noun.end <= unit.end
    before = number.start - (1 if text[number.start - 1 : number.start] == " " else 0)
    names = list(lexicon.non_casualty_before.find(text, max(0, before - 20), before))
    if names and names[-1].end == before:
        # … unless the name starts inside a claimant's: "اے این پی کے تین کارکن" (three ANP workers) holds "پی کے"
        claimants = lexicon.claimant_finder.find(text, max(0, before - 40), names[-1].end)
        return not any(m.start < names[-1].start < m.end for m in claimants)
    written_as_year = len(text[number.start : number.end]) == 4 and all(
        c in _DIGIT_CHARS for c in text[number.start : number.end]
    )  # "2024", not "2 ہزار" (2,000)
    return written_as_year and number.value in _YEARS and (noun is None or noun.start != after)


VALUE_KINDS = ("number", "dozens", "hundreds", "vague")


def bounded(numbers: list[Number], number: Number, limit: int) -> Figure:
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
    return Figure(start, end, low, high, approximate)
