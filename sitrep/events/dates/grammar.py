"""The time-expression grammar: the rows of ``time_expressions.tsv`` (and the reporting verbs of
``reporting.tsv``) in, one compiled regular expression and the word tables that go with it out.

Compiled once per process and checked at load time: an unknown rule names the table and the bad row. The table's
words by rule (``sort_words``) and the grammar made of them (``make_grammar``) serve the Urdu pattern too (``urdu``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from sitrep.data import read_table
from sitrep.events.dates.days import Precision

TABLE = "time_expressions.tsv"


@dataclass(frozen=True, slots=True)
class Row:
    phrase: str
    rule: str
    value: int
    precision: Precision | None


_MONTH_RULES = ("month_name", "month_cased", "month_abbr")
# Phrases read relative to publication, or (context) to the date mentioned before.
_RELATIVE_RULES = ("day", "week", "week_earlier", "weekend", "month", "month_earlier", "year", "year_earlier")
_RELATIVE_RULES += ("recent", "context")
_DIRECTION_RULES = ("ago", "after", "before", "later", "earlier")
RULES = frozenset(
    {"weekday", *_MONTH_RULES, *_RELATIVE_RULES, "lead", "tail", "shift", "number", "unit", *_DIRECTION_RULES}
)
_YEARS = frozenset(str(year) for year in range(1900, 2100))
YEAR = r"(?:19|20)[0-9]{2}(?![0-9])"


@dataclass(frozen=True, slots=True)
class Grammar:
    pattern: re.Pattern[str]  # for lower-cased text (``any_case_pattern`` reads the rest)
    triggers: frozenset[str]  # a date expression contains one of these words
    starts: frozenset[str]  # ... and begins with one of these (or a number)
    vocabulary: frozenset[str]  # every word of every phrase: what may stand between a start and a trigger
    verbs: frozenset[str]  # reporting phrases, for statement dates
    verb_words: int  # the longest reporting phrase, in words
    verb_ends: frozenset[str]  # the last words of the reporting phrases
    window: int  # how far before a trigger word an expression may begin ("shortly before dawn on" Friday)
    weekdays: dict[str, int]
    months: dict[str, Row]
    relative: dict[str, Row]
    shifts: dict[str, int]
    period_leads: frozenset[str]
    numbers: dict[str, Row]
    units: dict[str, Row]
    directions: dict[str, str]
    vague: Row
    period_tails: frozenset[str] = frozenset()  # words after a bare month or year that make it a period
    verbs_follow: bool = False  # a statement's verb follows its date (Urdu), not precedes it (English)
    # The text as read (Urdu: one spelling of each letter, Western digits), of the same length: offsets hold.
    normalise: Callable[[str], str] | None = None
    digits_touch_words: bool = False  # a date word may follow digits with no space ("27دسمبر", Urdu)


def norm(text: str) -> str:
    return " ".join(text.lower().split())


def alternation(phrases: list[str]) -> str:
    """A regex for any of the phrases, factored as a character trie.

    Why a trie: ``re`` tries the branches of a flat alternation one after another; with shared prefixes a
    failing position is rejected after one character. Spaces match any whitespace; a longer phrase is tried
    before its prefix.
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in norm(phrase):
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie) or "(?!)"


def _emit(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _emit(child) for char, child in node.items() if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase may end here: the continuation is optional (greedy, so tried first)
        return "(?:" + body + ")?"
    return body


def _precision(row: dict[str, str]) -> Precision | None:
    if not row["acled"] and not row["ucdp"]:
        return None
    return (int(row["acled"]), int(row["ucdp"]))


@dataclass(frozen=True, slots=True)
class Words:
    """A time-expression table's rows by what they do, with the words that trigger, begin and make up an
    expression (shared by the English grammar and the Urdu one, ``sitrep.events.dates.urdu``)."""

    rows: list[Row]
    weekdays: dict[str, int]
    months: dict[str, Row]
    relative: dict[str, Row]
    shifts: dict[str, int]
    leads: list[Row]
    numbers: dict[str, Row]
    units: dict[str, Row]
    directions: dict[str, str]
    vague: Row
    triggers: frozenset[str]
    starts: frozenset[str]
    vocabulary: frozenset[str]
    window: int

    def by_rule(self, *rules: str) -> list[Row]:
        return [row for row in self.rows if row.rule in rules]


def read_rows(table: str, rules: frozenset[str] = RULES) -> list[Row]:
    """The rows of a time-expression table, each rule checked (an unknown one names the table and the row)."""
    rows: list[Row] = []
    for raw in read_table(table):
        if raw["rule"] not in rules:
            raise ValueError(f"{table}: unknown rule {raw['rule']!r} for {raw['phrase']!r}")
        rows.append(Row(norm(raw["phrase"]), raw["rule"], int(raw["value"] or 0), _precision(raw)))
    return rows


def sort_words(rows: list[Row], table: str, skip: tuple[str, ...] = ()) -> Words:
    """The rows by rule, and the words an expression is found by. ``skip``: rules of words that follow an
    expression, as a tail does (they neither trigger nor begin one)."""

    def by_rule(*rules: str) -> list[Row]:
        return [row for row in rows if row.rule in rules]

    weekdays = {row.phrase: row.value for row in by_rule("weekday")}
    months = {row.phrase: row for row in by_rule(*_MONTH_RULES)}
    relative = {row.phrase: row for row in by_rule(*_RELATIVE_RULES)}
    shifts = {row.phrase: row.value for row in by_rule("shift")}
    leads = by_rule("lead")
    numbers = {row.phrase: row for row in by_rule("number")}
    units = {row.phrase: row for row in by_rule("unit")}
    directions = {row.phrase: row.rule for row in by_rule(*_DIRECTION_RULES)}
    vague = next((row for row in numbers.values() if row.precision is not None), None)
    if vague is None:
        raise ValueError(f"{table}: a vague number row (with a precision, e.g. 'a few') is needed")

    # Every expression holds a day or month name, a unit, a year or a relative phrase's last word (the
    # triggers), and begins with a lead, shift, number, relative phrase, name or unit (the starts).
    triggers = {phrase.split()[-1] for phrase in (*weekdays, *months, *units, *relative)} | _YEARS
    starts = {row.phrase.split()[0] for row in rows if row.rule not in ("tail", *_DIRECTION_RULES, *skip)}
    vocabulary = {word for row in rows for word in row.phrase.split()}

    # Three chained leads, a shift, a number and a day ("shortly after midnight on the 9th of" October).
    longest = sorted((len(row.phrase) + 1 for row in leads), reverse=True)[:3]
    window = sum(longest) + max(map(len, shifts), default=0) + max(map(len, numbers), default=0) + 16
    return Words(
        rows=rows,
        weekdays=weekdays,
        months=months,
        relative=relative,
        shifts=shifts,
        leads=leads,
        numbers=numbers,
        units=units,
        directions=directions,
        vague=vague,
        triggers=frozenset(triggers),
        starts=frozenset(starts),
        vocabulary=frozenset(vocabulary),
        window=window,
    )


def make_grammar(
    words: Words,
    pattern: str,
    verbs: frozenset[str],
    *,
    vocabulary: frozenset[str] = frozenset(),
    period_tails: frozenset[str] = frozenset(),
    verbs_follow: bool = False,
    normalise: Callable[[str], str] | None = None,
    digits_touch_words: bool = False,
) -> Grammar:
    """A grammar of the words and a pattern with the named groups ``read_match`` reads."""
    return Grammar(
        pattern=re.compile(pattern, re.VERBOSE),
        triggers=words.triggers,
        starts=words.starts,
        vocabulary=words.vocabulary | vocabulary,
        verbs=verbs,
        verb_words=max((len(verb.split()) for verb in verbs), default=1),
        verb_ends=frozenset(verb.split()[-1] for verb in verbs),
        window=words.window,
        weekdays=words.weekdays,
        months=words.months,
        relative=words.relative,
        shifts=words.shifts,
        period_leads=frozenset(row.phrase for row in words.leads if row.value == 1),
        numbers=words.numbers,
        units=words.units,
        directions=words.directions,
        vague=words.vague,
        period_tails=period_tails,
        verbs_follow=verbs_follow,
        normalise=normalise,
        digits_touch_words=digits_touch_words,
    )


@cache
def load_grammar() -> Grammar:
    words = sort_words(read_rows(TABLE), TABLE)
    lead = alternation([row.phrase for row in words.leads])
    shift = alternation(list(words.shifts))
    weekday = alternation(list(words.weekdays))
    month = alternation(list(words.months))
    year = YEAR
    day = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    # Branch order matters where two branches could start at the same word: explicit dates, then relative
    # phrases ("the day before yesterday"), then counted units ("the day before X"), then bare names.
    pattern = rf"""
        (?<!\w)
        (?P<lead>(?:(?:{lead})[\s-]+)+)?
        (?:(?P<shift>{shift})\s+)?
        (?:
            (?P<iso>(?P<iso_y>{year})-(?P<iso_m>[01][0-9])-(?P<iso_d>[0-3][0-9])(?![0-9])
                (?:t[0-9:.]+(?:z|[+-][0-9:]+)?)?)
          | (?P<dmy>(?:(?:{weekday}),?\s+)?(?:the\s+)?(?P<dmy_d>{day})(?:\s+of)?\s+(?P<dmy_m>{month})\.?
                (?:,?\s+(?P<dmy_y>{year})|\s+(?:of\s+)?(?P<dmy_ys>{shift})\s+year)?)
          | (?P<mdy>(?:(?:{weekday}),?\s+)?(?P<mdy_m>{month})\.?\s+(?:the\s+)?(?P<mdy_d>{day})(?![0-9]|,[0-9])
                (?:,?\s+(?P<mdy_y>{year})|\s+(?:of\s+)?(?P<mdy_ys>{shift})\s+year)?)
          | (?P<my>(?P<my_m>{month})\.?,?\s+(?P<my_y>{year}))
          | (?P<rel>{alternation(list(words.relative))})
          | (?P<qty>(?:(?P<qty_n>{alternation(list(words.numbers))}|[0-9]{{1,3}})[\s-]+)?
                (?P<qty_u>{alternation(list(words.units))})\s+(?P<qty_dir>{alternation(list(words.directions))}))
          | (?P<wd>(?P<wd_name>{weekday})(?:['’]s)?(?:\s+(?:of\s+)?(?P<wd_week>{shift})\s+week)?)
          | (?P<mon>(?P<mon_m>{month})(?:\s+(?:of\s+)?(?P<mon_ys>{shift})\s+year)?)
          | (?P<yr>{year})
        )
        (?:\s+(?:{alternation([row.phrase for row in words.by_rule("tail")])}))?
        (?!\w)
    """
    # Reporting verbs from the attribution lexicon (a date right after one dates a statement).
    verbs = frozenset(norm(row["phrase"]) for row in read_table("reporting.tsv") if row["form"] == "verb")
    return make_grammar(words, pattern, verbs, vocabulary=frozenset({"of", "the", "st", "nd", "rd", "th"}))


@cache
def any_case_pattern() -> re.Pattern[str]:
    """The date pattern for the rare text whose lower case changes its length. Compiled on first need: the
    pattern takes some 15 ms to compile, and a process may never meet such a text."""
    return re.compile(load_grammar().pattern.pattern, re.VERBOSE | re.IGNORECASE)
