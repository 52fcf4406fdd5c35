"""The count grammar: written figures ("more than 200", "two dozen", "between 10 and 15") as low/high bounds.

The rules are the rows of ``sitrep/data/count_grammar.tsv``; this module compiles them into one regular
expression and evaluates a row's low/high expressions. Number words are read by text2num.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from text_to_num import text2num

from sitrep.data import read_table
from sitrep.nlp.lexicon import Token, positions, tokenize

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million"
).split()
_NUMBER_WORD = "(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")"
_FIRST_NUMBER_WORD = "(?:" + "|".join(sorted(_UNITS[:-3], key=len, reverse=True)) + ")"
# A run of number words ("two hundred and fifty", "twenty-five") or digits with thousands separators; a run
# never starts with "hundred"/"thousand"/"million" ("1.5 million" is not the number "million").
_WORDS_RUN = rf"{_FIRST_NUMBER_WORD}(?:(?:\s*-\s*|\s+(?:and\s+)?){_NUMBER_WORD})*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?![\d]|[.,]\d)"
NUMBER = rf"(?:{_DIGITS}|{_WORDS_RUN}(?![\w-]))"

# The largest figure read as a count. A figure beyond it ("123456789012345678901 people were killed") is no
# casualty count — the deadliest wars counted tens of millions — but a typo, a phone number or an attack on the
# reader: its claim is kept with its words (``count.text``) and a null count, as for "dozens". The bound lives
# here, where a figure is read, not in the store: the extract output, the store and every export then say the
# same, and the store's integer columns (PostgreSQL's INTEGER ends at 2,147,483,647) hold every count it gives.
MAX_COUNT = 1_000_000_000
# Longer digit runs are not converted at all: int() of thousands of digits is slow, and refused past 4,300.
_MAX_COUNT_DIGITS = len(str(MAX_COUNT))

_EXPRESSION_RE = re.compile(r"^(?:(?P<var>[NMQ])(?:(?P<op>[+*])(?P<arg>\d+))?|(?P<int>\d+))$")


@dataclass(frozen=True, slots=True)
class GrammarRow:
    kind: str  # modifier | quantity | range | vague | singular
    pattern: str
    low: str
    high: str
    approximate: bool


class CountSpan(NamedTuple):
    """A figure found in text: character offsets, bounds, and the grammar rows that read it. A named tuple:
    cheaper to build than a frozen dataclass, and a sentence can hold several."""

    start: int
    end: int
    text: str
    low: int | None
    high: int | None
    approximate: bool
    kind: str  # the quantity row's kind: quantity | range | vague
    has_modifier: bool
    number_start: int  # where the figure's first number starts (for context checks)
    number_end: int


def parse_number(text: str) -> int | None:
    """Digits or number words as an integer; None when the words do not form one number."""
    cleaned = text.replace(",", "").strip()
    if cleaned.isdigit():
        significant = cleaned.lstrip("0")
        # Beyond the bound: any number above MAX_COUNT says so (``find`` makes the count null).
        return int(significant or "0") if len(significant) <= _MAX_COUNT_DIGITS else MAX_COUNT + 1
    words = re.sub(r"\s*-\s*", " ", cleaned.lower()).split()
    # "five and six" is not one number: drop words from the right until text2num accepts the rest.
    while words:
        try:
            return int(text2num(" ".join(words), "en"))
        except ValueError:
            words = words[:-1]
    return None


@cache
def _parse_expression(expression: str) -> tuple[str | None, str, int]:
    """A bound expression ("N", "N+1", "Q*12", "24") as (variable or None for a constant, operator, number);
    parsed once per distinct expression, as the grammar has only a few."""
    match = _EXPRESSION_RE.match(expression)
    if match is None:
        raise ValueError(f"count grammar: cannot read the expression {expression!r}")
    if match.group("int"):
        return None, "", int(match.group("int"))
    return match.group("var"), match.group("op") or "", int(match.group("arg") or 0)


def _evaluate(expression: str, values: dict[str, int | None]) -> int | None:
    if not expression:
        return None
    variable, operator, number = _parse_expression(expression)
    if variable is None:
        return number
    value = values.get(variable)
    if value is None:
        return None
    if operator == "+":
        return value + number
    return value * number if operator == "*" else value


def _pattern_regex(pattern: str, group_prefix: str) -> str:
    """A row pattern as regex: words joined by flexible space, {N}/{M} as numbers, '-' as a hyphen or en dash."""
    parts = re.split(r"(\{[NM]\}|-)", pattern)
    # "15-17": a dash joins digits only, with no space ("March 8 — Two soldiers" is no range).
    slot = _DIGITS if "-" in parts else NUMBER
    pieces = []
    for part in parts:
        if part in ("{N}", "{M}"):
            pieces.append(rf"(?P<{group_prefix}{part[1].lower()}>{slot})")
        elif part == "-":
            pieces.append(r"[-–]")
        elif part.strip():
            pieces.append(r"\s+".join(re.escape(word) for word in part.split()))
    joined = ""
    for piece in pieces:
        # Words next to each other need a space between them; a dash brings its own.
        needs_space = joined and not joined.endswith("[-–]") and piece != "[-–]"
        joined += (r"\s+" if needs_space else "") + piece
    return joined


def _specificity(row: GrammarRow) -> tuple[int, int]:
    words = re.findall(r"\{[NM]\}|[^\s{}-]+|-", row.pattern)
    literals = sum(1 for word in words if not word.startswith("{"))
    return (-len(words), -literals)


# Where a number token starts: a digit not inside a number ("1,000" and "2.5" are one token each).
_NUMBER_START_RE = re.compile(r"\d(?<!\d\d)(?<!\d[.,]\d)")  # the digit first: the engine skips to digits


class CountGrammar:
    """The compiled count grammar. ``find`` returns every figure in a text, left to right."""

    def __init__(self, rows: list[GrammarRow]) -> None:
        self.rows = rows
        self.modifiers = {" ".join(r.pattern.lower().split()): r for r in rows if r.kind == "modifier"}
        self.singular_words = {r.pattern.lower(): r for r in rows if r.kind == "singular"}
        self._figure_rows: dict[str, GrammarRow] = {}
        alternatives = []
        figure_rows = [r for r in rows if r.kind in ("quantity", "range", "vague")]
        seen_patterns: set[str] = set()
        for index, row in enumerate(sorted(figure_rows, key=_specificity)):
            if row.pattern in seen_patterns:  # a row repeated only to add a test example
                continue
            seen_patterns.add(row.pattern)
            name = f"g{index}"
            self._figure_rows[name] = row
            alternatives.append(rf"(?P<{name}>{_pattern_regex(row.pattern, name)})")
        modifiers = "|".join(
            r"\s+".join(re.escape(w) for w in phrase.split())
            for phrase in sorted(self.modifiers, key=len, reverse=True)
        )
        self.regex = re.compile(
            rf"(?<![\w.,/-])(?:(?P<modifier>{modifiers})\s+)?(?:{'|'.join(alternatives)})(?![\w])",
            re.IGNORECASE,
        )
        # Where a figure can start: a digit or the first word of a pattern. Trying the full expression only
        # there is several times faster than scanning every character with it.
        starts = {w.split()[0].lower() for w in self.modifiers} | set(_UNITS)
        starts |= {r.pattern.split()[0].lower() for r in figure_rows if not r.pattern.startswith("{")}
        self._start_words = frozenset(starts)
        self.number_words = frozenset(_UNITS)
        # Each row's number-slot groups ("g5n", "g5m"), or None where the row has no such slot.
        self._slot_groups = {
            name: tuple(
                group if group in self.regex.groupindex else None for group in (f"{name}n", f"{name}m")
            )
            for name in self._figure_rows
        }
        self._next_words = _next_words(list(self.modifiers) + [r.pattern for r in figure_rows])

    def _matches(self, text: str, tokens: list[Token] | None) -> Iterator[re.Match[str]]:
        tokens = tokenize(text) if tokens is None else tokens
        last = len(tokens) - 1
        starts = []
        for index in positions(tokens, self._start_words):
            following = self._next_words.get(tokens[index].norm)
            if following and (index == last or not tokens[index + 1].norm.startswith(following)):
                continue  # "at" not followed by "least", "a" by "dozen"/"few"/…: no figure starts here
            starts.append(tokens[index].start)
        starts += [match.start() for match in _NUMBER_START_RE.finditer(text)]
        starts.sort()
        position = 0
        for start in starts:
            if start < position:
                continue
            match = self.regex.match(text, start)
            if match:
                position = match.end()
                yield match

    def find(self, text: str, tokens: list[Token] | None = None) -> list[CountSpan]:
        """Every figure in ``text``, left to right; ``tokens`` are its tokens when the caller has them."""
        spans = []
        for match in self._matches(text, tokens):
            name = match.lastgroup  # the row's group closes last: its inner groups close inside it
            row = self._figure_rows[name]
            n_group, m_group = self._slot_groups[name]
            values = {
                "N": parse_number(match.group(n_group)) if n_group else None,
                "M": parse_number(match.group(m_group)) if m_group else None,
            }
            if values["N"] is None and "{N}" in row.pattern:
                continue
            low, high = _evaluate(row.low, values), _evaluate(row.high, values)
            approximate = row.approximate
            modifier_text = match.group("modifier")
            if modifier_text and row.kind != "vague":
                modifier = self.modifiers[" ".join(modifier_text.lower().split())]
                quantity = {"Q": low if low is not None else high}
                low, high = _evaluate(modifier.low, quantity), _evaluate(modifier.high, quantity)
                approximate = approximate or modifier.approximate
            if (low or 0) > MAX_COUNT or (high or 0) > MAX_COUNT:
                low = high = None  # no count (see MAX_COUNT); the figure's words stay
            number_start, number_end = match.span(name)
            spans.append(
                CountSpan(
                    start=match.start(),
                    end=match.end(),
                    text=match.group(),
                    low=low,
                    high=high,
                    approximate=approximate,
                    kind=row.kind,
                    has_modifier=bool(modifier_text),
                    number_start=number_start,
                    number_end=number_end,
                )
            )
        return spans


def _next_words(patterns: list[str]) -> dict[str, tuple[str, ...]]:
    """For a first word that only ever begins a longer phrase ("at" least, "a" dozen, "in" excess of): the
    words that can follow it. A word that is a phrase alone ("dozens", a one-word modifier such as "about")
    or is followed by a number slot ("between {N}") is left out: the expression is always tried there."""
    follow: dict[str, set[str] | None] = {}
    for pattern in patterns:
        words = pattern.lower().replace("-", " - ").split()
        first = words[0]
        if first.startswith("{"):
            continue
        if len(words) == 1 or words[1].startswith("{") or words[1] == "-":
            follow[first] = None
        elif first not in follow:
            follow[first] = {words[1]}
        elif (known := follow[first]) is not None:
            known.add(words[1])
    return {word: tuple(sorted(after)) for word, after in follow.items() if after}


def load_rows() -> list[GrammarRow]:
    return [
        GrammarRow(
            kind=row["kind"],
            pattern=row["pattern"],
            low=row["low"],
            high=row["high"],
            approximate=row["approximate"] == "yes",
        )
        for row in read_table("count_grammar.tsv")
    ]


@cache
def count_grammar() -> CountGrammar:
    return CountGrammar(load_rows())
