"""The date of the event a sentence describes, with ACLED and UCDP date precision.

Our own rules, not dateparser's: dateparser reads "a day after the group announced" as publication + 1 and has
nothing for "late last night" or "the early hours of Wednesday". The phrases, and the numbers that go with
them, are the rows of ``sitrep/data/time_expressions.tsv``; this module compiles them into one regular
expression (once) and applies the rules below.

Reading expressions
  * Explicit dates: ISO ``2022-12-26`` and month-name forms ("26 December 2022", "December 26, 2022",
    "Dec. 26", "the 26th of December"). Numeric "26/12/2022" is never read: sources differ on day/month order.
  * A day and month with no year: the latest such day on or before publication, looked for in the publication
    year and the year before only (a report drops the year of recent days); "next" moves it strictly after,
    "last" strictly before, "this" into the publication year.
  * A weekday: the latest such day on or before publication ("on Tuesday" in Tuesday's paper is that day);
    "last" strictly before, "next"/"coming" strictly after, "this" the publication's Monday-Sunday week;
    "Monday last week" that week's Monday. Part-of-day words ("late on", "the early hours of", "night") widen
    the quoted text but never move the date: ACLED codes the day that is named.
  * Periods (this/last week, the weekend, this/last month or year, "the past week"): the span of days, cut at
    publication (a reported event cannot be later), dated at its mid-point, rounded down. ACLED codes a week
    at its mid-point; we do the same for months and years. Weeks run Monday-Sunday.
  * References to another event X ("a day after X", "two days before X") are read from, in order:
      1. ``anchors``: X contains a phrase the caller already dated;
      2. a date inside X ("a day after Tuesday's raid");
      3. X's words found in the earlier text or ``context``: the date nearest them in that sentence;
      4. the last date mentioned before: date +/- offset, no finer than ACLED 2 / UCDP 2;
      5. publication: "after" gives the publication date (the latest possible), "before" publication minus
         the offset (the latest possible), ACLED 2 / UCDP 3. Never publication + offset.
    "the next day", "two days later", "that day" count from the last date mentioned before (the text, then
    ``context``), else step 5. A date computed past publication is cut to publication, UCDP 2 at best.
  * A date right after a reporting verb ("police said on Wednesday", "told AFP on Wednesday", reporting.tsv)
    dates a statement, not the event: the event was on that day or before, so its precision is lowered to
    ACLED 2 / UCDP 2 and the rule is prefixed "statement+". Other dates in the sentence are preferred.

Choosing the date of a sentence (``find_event_date``)
  * Of the expressions read, the most precise (UCDP, then ACLED) wins; on a tie, the first in the sentence.
  * No date words at all: the publication date, ACLED 2 / UCDP 3 ("reported within the week"). News reports
    mostly cover the last day or two, so publication is the likeliest single day; the week precision says we
    do not know which. Words such as "today" or "on Tuesday" are read by the rules above (ACLED 1 / UCDP 1).
  * No publication date: only explicit dates with a year, anchors and the context can date an event;
    otherwise the date is None and the precision {}.

Precision: ACLED time_precision 1 day, 2 week or weekend, 3 month (also for a year: ACLED has nothing
coarser); UCDP date_prec 1 day, 2 two to six days, 3 a week, 4 a month, 5 a year.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from sitrep.data import read_table
from sitrep.events.tactics import tactic_reader  # its table names the attack words
from sitrep.nlp.lexicon import has_any_word, spaces_for

__all__ = ["EventDate", "find_dates", "find_event_date", "incident_day", "tells_a_proceeding"]

TABLE = "time_expressions.tsv"

Precision = tuple[int, int]  # (ACLED time_precision, UCDP date_prec)
_DAY: Precision = (1, 1)
_MONTH: Precision = (3, 4)
_YEAR: Precision = (3, 5)
_NEAR: Precision = (2, 2)  # within a few days of the date given
_WEEK_OF_PUBLICATION: Precision = (2, 3)

_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class EventDate:
    """A date with its precision, the words it was read from and the rule that read them."""

    date: dt.date | None
    precision: dict[str, int]  # {"acled": 1-3, "ucdp": 1-5}; {} when there is no date
    text: str
    rule: str


# ---------------------------------------------------------------------------------------------- the grammar


@dataclass(frozen=True, slots=True)
class _Row:
    phrase: str
    rule: str
    value: int
    precision: Precision | None


_MONTH_RULES = ("month_name", "month_cased", "month_abbr")
# Phrases read relative to publication, or (context) to the date mentioned before.
_RELATIVE_RULES = ("day", "week", "week_earlier", "weekend", "month", "month_earlier", "year", "year_earlier")
_RELATIVE_RULES += ("recent", "context")
_DIRECTION_RULES = ("ago", "after", "before", "later", "earlier")
_RULES = frozenset(
    {"weekday", *_MONTH_RULES, *_RELATIVE_RULES, "lead", "tail", "shift", "number", "unit", *_DIRECTION_RULES}
)
_YEARS = frozenset(str(year) for year in range(1900, 2100))


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]  # for lower-cased text (``_any_case_pattern`` reads the rest)
    triggers: frozenset[str]  # a date expression contains one of these words
    starts: frozenset[str]  # ... and begins with one of these (or a number)
    vocabulary: frozenset[str]  # every word of every phrase: what may stand between a start and a trigger
    verbs: frozenset[str]  # reporting phrases, for statement dates
    verb_words: int  # the longest reporting phrase, in words
    verb_ends: frozenset[str]  # the last words of the reporting phrases
    window: int  # how far before a trigger word an expression may begin ("shortly before dawn on" Friday)
    weekdays: dict[str, int]
    months: dict[str, _Row]
    relative: dict[str, _Row]
    shifts: dict[str, int]
    period_leads: frozenset[str]
    numbers: dict[str, _Row]
    units: dict[str, _Row]
    directions: dict[str, str]
    vague: _Row


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _alternation(phrases: list[str]) -> str:
    """A regex for any of the phrases, factored as a character trie.

    Why a trie: ``re`` tries the branches of a flat alternation one after another; with shared prefixes a
    failing position is rejected after one character. Spaces match any whitespace; a longer phrase is tried
    before its prefix.
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in _norm(phrase):
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


@cache
def _grammar() -> _Grammar:
    rows: list[_Row] = []
    for raw in read_table(TABLE):
        if raw["rule"] not in _RULES:
            raise ValueError(f"{TABLE}: unknown rule {raw['rule']!r} for {raw['phrase']!r}")
        rows.append(_Row(_norm(raw["phrase"]), raw["rule"], int(raw["value"] or 0), _precision(raw)))

    def by_rule(*rules: str) -> list[_Row]:
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
        raise ValueError(f"{TABLE}: a vague number row (with a precision, e.g. 'a few') is needed")

    # Every expression holds a day or month name, a unit, a year or a relative phrase's last word (the
    # triggers), and begins with a lead, shift, number, relative phrase, name or unit (the starts).
    triggers = {*weekdays, *months, *units, *(phrase.split()[-1] for phrase in relative), *_YEARS}
    starts = {row.phrase.split()[0] for row in rows if row.rule not in ("tail", *_DIRECTION_RULES)}
    vocabulary = {word for row in rows for word in row.phrase.split()} | {"of", "the", "st", "nd", "rd", "th"}

    # Three chained leads, a shift, a number and a day ("shortly after midnight on the 9th of" October).
    longest = sorted((len(row.phrase) + 1 for row in leads), reverse=True)[:3]
    window = sum(longest) + max(map(len, shifts), default=0) + max(map(len, numbers), default=0) + 16

    lead = _alternation([row.phrase for row in leads])
    shift = _alternation(list(shifts))
    weekday = _alternation(list(weekdays))
    month = _alternation(list(months))
    year = r"(?:19|20)[0-9]{2}(?![0-9])"
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
          | (?P<rel>{_alternation(list(relative))})
          | (?P<qty>(?:(?P<qty_n>{_alternation(list(numbers))}|[0-9]{{1,3}})[\s-]+)?
                (?P<qty_u>{_alternation(list(units))})\s+(?P<qty_dir>{_alternation(list(directions))}))
          | (?P<wd>(?P<wd_name>{weekday})(?:['’]s)?(?:\s+(?:of\s+)?(?P<wd_week>{shift})\s+week)?)
          | (?P<mon>(?P<mon_m>{month})(?:\s+(?:of\s+)?(?P<mon_ys>{shift})\s+year)?)
          | (?P<yr>{year})
        )
        (?:\s+(?:{_alternation([row.phrase for row in by_rule("tail")])}))?
        (?!\w)
    """
    # Reporting verbs from the attribution lexicon (a date right after one dates a statement).
    verbs = frozenset(_norm(row["phrase"]) for row in read_table("reporting.tsv") if row["form"] == "verb")
    return _Grammar(
        pattern=re.compile(pattern, re.VERBOSE),
        triggers=frozenset(triggers),
        starts=frozenset(starts),
        vocabulary=frozenset(vocabulary),
        verbs=verbs,
        verb_words=max((len(verb.split()) for verb in verbs), default=1),
        verb_ends=frozenset(verb.split()[-1] for verb in verbs),
        window=window,
        weekdays=weekdays,
        months=months,
        relative=relative,
        shifts=shifts,
        period_leads=frozenset(row.phrase for row in leads if row.value == 1),
        numbers=numbers,
        units=units,
        directions=directions,
        vague=vague,
    )


@cache
def _any_case_pattern() -> re.Pattern[str]:
    """The date pattern for the rare text whose lower case changes its length. Compiled on first need: the
    pattern takes some 15 ms to compile, and a process may never meet such a text."""
    return re.compile(_grammar().pattern.pattern, re.VERBOSE | re.IGNORECASE)


# ---------------------------------------------------------------------------------------------- scanning

# Punctuation to spaces, so that str.split() yields the words ("Wednesday's" -> "wednesday", "s").
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~’‘“”–—…"
_SEPARATORS = ",.'’-"  # may stick to a word inside an expression ("Dec.", "26,", "mid-")


def _words(lowered: str) -> list[str]:
    return spaces_for(lowered, _PUNCTUATION).split()


def _scan(text: str, grammar: _Grammar) -> list[re.Match[str]]:
    """The matches of the date pattern in a text, in order (offsets are the text's).

    Why not ``finditer``: running the full pattern at every position costs ~0.3 µs a character. Instead the
    words are collected with C-speed string methods, and the pattern is tried only at the few word starts just
    before a trigger word ("Tuesday", "days", "2022"); a text with none costs a few microseconds.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lengthen in lower case: keep offsets, scan fully
        return list(_any_case_pattern().finditer(text))
    present = grammar.triggers.intersection(_words(lowered))
    if not present:
        return []
    positions: list[tuple[int, str]] = []
    for word in present:
        size = len(word)
        index = lowered.find(word)
        while index >= 0:
            stop = index + size
            if (index == 0 or not lowered[index - 1].isalnum()) and (
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


# ---------------------------------------------------------------------------------------- date arithmetic


def _add_months(year: int, month: int, delta: int) -> dt.date:
    index = year * 12 + (month - 1) + delta
    return dt.date(index // 12, index % 12 + 1, 1)


def _month_end(first: dt.date) -> dt.date:
    return _add_months(first.year, first.month, 1) - _ONE_DAY


def _midpoint(first: dt.date, last: dt.date, published: dt.date | None, *, before: bool = False) -> dt.date:
    """The mid-point of a span of days, the span cut at publication (or the day before it, for "earlier")."""
    if published is not None and first <= published:
        cut = published - _ONE_DAY if before else published
        last = max(first, min(last, cut))
    return first + dt.timedelta(days=(last - first).days // 2)


def _weekday_date(published: dt.date, weekday: int, shift: int | None, week: int | None) -> dt.date:
    monday = published - dt.timedelta(days=published.weekday())
    if week is not None:  # "Monday last week"
        return monday + dt.timedelta(days=7 * week + weekday)
    if shift is None:
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    if shift < 0:
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7 or 7)
    if shift > 0:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    return monday + dt.timedelta(days=weekday)


def _day_month(published: dt.date, month: int, day: int, shift: int | None) -> dt.date | None:
    """A day and month with no year, within a year of publication (else None: "29 February" in 2023)."""
    if shift == 0:
        return _safe_date(published.year, month, day)
    # A report leaves out the year only for a day close to publication.
    if shift is not None and shift > 0:
        years = (published.year, published.year + 1)
    else:
        years = (published.year, published.year - 1)
    for year in years:
        found = _safe_date(year, month, day)
        if found is None:
            continue
        if shift is None and found <= published:
            return found
        if shift is not None and ((shift < 0 and found < published) or (shift > 0 and found > published)):
            return found
    return None


def _month_first(published: dt.date, month: int, shift: int | None) -> dt.date:
    """The first day of a month named without a year."""
    year = published.year
    if shift is None:
        year -= month > published.month
    elif shift < 0:
        year -= month >= published.month
    elif shift > 0:
        year += month <= published.month
    return dt.date(year, month, 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31 February, 2023-13-45
        return None


def _coarsest(*precisions: Precision) -> Precision:
    return (max(p[0] for p in precisions), max(p[1] for p in precisions))


# ------------------------------------------------------------------------------------ reading one match


@dataclass(slots=True)
class _Found:
    """An expression read: its date with the expression's own precision, before statement lowering."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: Precision
    rule: str
    statement: bool = False
    derived: bool = False  # counted from another date ("the next day")


@dataclass(slots=True)
class _Pending:
    """An expression that counts from another date, resolved once the plain dates are known."""

    start: int
    end: int
    text: str
    days: int  # signed offset from the reference date
    precision: Precision
    direction: str  # after | before | later | earlier | context
    statement: bool = False


def _read(
    match: re.Match[str], source: str, grammar: _Grammar, published: dt.date | None
) -> _Found | _Pending | None:
    """Date one match; None when the words are not a date after all ("may", "Dec" alone, 31 June)."""
    kind = match.lastgroup or ""  # the branch: the tail group does not capture, so the branch closes last
    group = match.group
    start, end = match.span()
    if kind == "qty":  # "moved in a day after": "in" is not part of the expression
        start = match.start("qty")
    elif (
        kind in ("dmy", "mdy", "my")
        and source[end - 1] == "."
        and grammar.months[_norm(group(f"{kind}_m")).rstrip(".")].rule != "month_abbr"
    ):
        end -= 1  # "on 12 June." ends a sentence; "on 7 Feb." may be an abbreviation's point
    text = source[start:end]
    shift = grammar.shifts[_norm(group("shift"))] if group("shift") else None
    date: dt.date | None
    precision, rule = _DAY, kind

    if kind == "iso":
        date = _safe_date(int(group("iso_y")), int(group("iso_m")), int(group("iso_d")))
    elif kind in ("dmy", "mdy"):
        month = _month_row(grammar, source, match, f"{kind}_m", alone=False)
        if month is None:
            return None
        day = int(re.sub(r"[^0-9]", "", group(f"{kind}_d")))
        if group(f"{kind}_y"):
            date, rule = _safe_date(int(group(f"{kind}_y")), month.value, day), "day-month-year"
        elif group(f"{kind}_ys") and published is not None:  # "on March 3 last year"
            year = published.year + grammar.shifts[_norm(group(f"{kind}_ys"))]
            date, rule = _safe_date(year, month.value, day), "day-month-year shift"
        elif published is None:
            return None
        else:
            date, rule = _day_month(published, month.value, day, shift), "day-month"
    elif kind == "my":
        month = _month_row(grammar, source, match, "my_m", alone=False)
        if month is None:
            return None
        first = dt.date(int(group("my_y")), month.value, 1)
        date, precision, rule = _midpoint(first, _month_end(first), published), _MONTH, "month-year"
    elif kind == "rel":
        return _read_relative(grammar.relative[_norm(group("rel"))], start, end, text, published)
    elif kind == "qty":
        return _read_quantity(match, grammar, published, start, end, text)
    elif published is None:  # what is left is placed relative to publication
        return None
    elif kind == "wd":
        weekday = grammar.weekdays[_norm(group("wd_name"))]
        week = grammar.shifts[_norm(group("wd_week"))] if group("wd_week") else None
        date, rule = _weekday_date(published, weekday, shift, week), "weekday"
    else:
        # A bare month name or year needs a period lead ("in", "since", "mid-") or a shift ("last August").
        lead_words = set(re.split(r"[\s-]+", _norm(group("lead") or "")))
        year_shift = grammar.shifts[_norm(group("mon_ys"))] if kind == "mon" and group("mon_ys") else None
        if shift is None and year_shift is None and lead_words.isdisjoint(grammar.period_leads):
            return None
        if kind == "mon":
            month = _month_row(grammar, source, match, "mon_m", alone=True)
            if month is None and year_shift is not None:  # "a long march last year": the year is still read
                phrase = _norm(source[match.start("mon_ys") : end])
                row = grammar.relative.get(phrase)
                start = match.start("mon_ys")
                return None if row is None else _read_relative(row, start, end, source[start:end], published)
            if month is None:
                return None
            if year_shift is not None:  # "in March last year", "March of this year"
                first = dt.date(published.year + year_shift, month.value, 1)
            else:
                first = _month_first(published, month.value, shift)
            date, precision, rule = (
                _midpoint(first, _month_end(first), published),
                month.precision or _MONTH,
                "month",
            )
        else:
            year = int(group("yr"))
            date, precision, rule = (
                _midpoint(dt.date(year, 1, 1), dt.date(year, 12, 31), published),
                _YEAR,
                "year",
            )
    return None if date is None else _Found(start, end, text, date, precision, rule)


def _month_row(
    grammar: _Grammar, source: str, match: re.Match[str], name: str, *, alone: bool
) -> _Row | None:
    word = source[match.start(name) : match.end(name)]
    row = grammar.months[_norm(word).rstrip(".")]
    if row.rule == "month_cased" and not word[0].isupper():  # "militants may attack", "a long march"
        return None
    if row.rule == "month_abbr" and alone:  # "Dec" alone is too often something else
        return None
    return row


def _read_relative(
    row: _Row, start: int, end: int, text: str, published: dt.date | None
) -> _Found | _Pending | None:
    precision = row.precision or _DAY
    if row.rule == "context":
        return _Pending(start, end, text, row.value, precision, "context")
    if published is None:
        return None
    value = row.value
    date: dt.date
    if row.rule == "day":
        date = published + dt.timedelta(days=value)
    elif row.rule in ("week", "week_earlier"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=value)
        date = _midpoint(monday, monday + dt.timedelta(days=6), published, before=row.rule == "week_earlier")
    elif row.rule == "weekend":
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        if value < 0:  # the latest weekend over before publication, then further back
            if saturday + _ONE_DAY >= published:
                saturday -= dt.timedelta(weeks=1)
            saturday -= dt.timedelta(weeks=-value - 1)
        else:
            saturday += dt.timedelta(weeks=value)
        date = _midpoint(saturday, saturday + _ONE_DAY, published)
    elif row.rule in ("month", "month_earlier"):
        first = _add_months(published.year, published.month, value)
        date = _midpoint(first, _month_end(first), published, before=row.rule == "month_earlier")
    elif row.rule in ("year", "year_earlier"):
        first = dt.date(published.year + value, 1, 1)
        date = _midpoint(first, first.replace(month=12, day=31), published, before=row.rule == "year_earlier")
    else:  # recent: the last `value` days, publication included
        date = _midpoint(published - dt.timedelta(days=max(value, 1) - 1), published, published)
    return _Found(start, end, text, date, precision, f"{row.rule}:{row.phrase}")


def _read_quantity(
    match: re.Match[str], grammar: _Grammar, published: dt.date | None, start: int, end: int, text: str
) -> _Found | _Pending | None:
    unit = grammar.units[_norm(match.group("qty_u"))]
    direction = grammar.directions[_norm(match.group("qty_dir"))]
    number_word = match.group("qty_n")
    number: _Row | None
    if number_word is None:  # "days after X" is a few days; "day after X" is one
        number = grammar.vague if unit.phrase.endswith("s") else None
        count = number.value if number else 1
    elif number_word.isdigit():
        number, count = None, int(number_word)
    else:
        number = grammar.numbers[_norm(number_word)]
        count = number.value
    precision = unit.precision or _DAY
    # A vague count ("a few days") blurs whole days; "a few hours" still points at the same day.
    if number is not None and number.precision is not None and unit.value >= 24:
        precision = _coarsest(precision, number.precision)
    days = count * unit.value // 24
    if direction == "ago":
        if published is None:
            return None
        return _Found(start, end, text, published - dt.timedelta(days=days), precision, "ago")
    signed = -days if direction in ("before", "earlier") else days
    return _Pending(start, end, text, signed, precision, direction)


# ------------------------------------------------------------------------------------- resolving a text

_CLAUSE_END = re.compile(r"[,;:.!?()]|\s[-–—]\s")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_WORD = re.compile(r"[^\W\d_]+|[0-9]+")
# Words too common to find an event by: "the group" is everywhere, "group announced" is specific.
_WEAK = frozenset(
    "the a an its their his her this that these those of on in at to by and for with from".split()
)


class _Context:
    """The text before the sentence; its dates are read once, and only when a reference needs them."""

    def __init__(self, text: str, published: dt.date | None, anchors: dict[str, dt.date]) -> None:
        self.text = text
        self._published = published
        self._anchors = anchors
        self._found: list[_Found] | None = None

    @property
    def found(self) -> list[_Found]:
        if self._found is None:
            self._found = (
                _resolve(self.text, self._published, self._anchors, None) if self.text.strip() else []
            )
        return self._found


def _resolve(
    text: str, published: dt.date | None, anchors: dict[str, dt.date], context: _Context | None
) -> list[_Found]:
    """Every date expression of a text, in order, dated (those that cannot be dated are left out)."""
    grammar = _grammar()
    matches = _scan(text, grammar)
    found: list[_Found] = []
    pending: list[_Pending] = []
    for match in matches:
        try:
            item = _read(match, text, grammar, published)
        except (OverflowError, ValueError):  # arithmetic past year 1 or 9999 (a nonsense publication date)
            continue
        if item is None:
            continue
        item.statement = _after_reporting_verb(text, item.start, grammar)
        if isinstance(item, _Found) and _NIGHT_INTO.search(text, max(0, item.start - 24), item.start):
            # "overnight into Wednesday": the night began the evening before, and the evening dates it.
            item.date -= _ONE_DAY
            item.rule = f"evening before:{item.rule}"
        (pending if isinstance(item, _Pending) else found).append(item)
    # References in text order, so that "two days later" can count from "the next day" before it.
    for item in pending:
        try:
            resolved = _resolve_reference(item, text, found, published, anchors, context)
        except (OverflowError, ValueError):
            continue
        if resolved is not None:
            bisect.insort(found, resolved, key=lambda f: f.start)
    return found


# A night named by the morning it ran into ("overnight into Wednesday", "the night to Sunday").
_NIGHT_INTO = re.compile(r"\b(?:overnight|night)\s+(?:into|to)\s+$", re.IGNORECASE)

# Verbs after which a recipient may come before the date ("told AFP on Wednesday").
_TELLING = frozenset({"told", "tells", "telling", "informed"})


def _after_reporting_verb(text: str, start: int, grammar: _Grammar) -> bool:
    """Whether a date follows a reporting verb, so that it dates a statement ("police said on Wednesday")."""
    words = text[max(0, start - 80) : start].lower().rstrip(" ,\t\n").split()[-grammar.verb_words - 1 :]
    if not words:
        return False
    if len(words) >= 2 and words[-2] in _TELLING:
        return True
    if words[-1] not in grammar.verb_ends:  # the common case: no reporting verb at all
        return False
    return any(" ".join(words[-size:]) in grammar.verbs for size in range(1, len(words) + 1))


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding a position starts: after the last . ! or ? followed by a space."""
    while position > 0:
        position = max(
            text.rfind(".", 0, position), text.rfind("!", 0, position), text.rfind("?", 0, position)
        )
        if position < 0:
            return 0
        if position + 1 < len(text) and text[position + 1].isspace():
            return position + 1
    return 0


def _previous_date(text: str, position: int, found: list[_Found]) -> _Found | None:
    """The date a reference counts from: of the dates in the last sentence that has one (before the
    position, statements aside), the most precise; "late on Tuesday, a day after X. The next day…" counts
    from Tuesday."""
    before = [f for f in found if f.end <= position and not f.statement]
    if not before:
        return None
    first = _sentence_start(text, before[-1].start)
    same_sentence = [f for f in before if f.start >= first]
    return min(same_sentence, key=lambda f: (f.precision[1], f.precision[0], f.start))


def _anchor_from_dict(phrase: str, anchors: dict[str, dt.date]) -> dt.date | None:
    """The date of the anchor phrase that X names first (the longest on a tie)."""
    lowered = _norm(phrase)
    best: tuple[int, int] | None = None
    best_date: dt.date | None = None
    for key, date in anchors.items():
        hit = re.search(rf"(?<!\w){re.escape(key)}(?!\w)", lowered)
        if hit is not None and (best is None or (hit.start(), -len(key)) < best):
            best, best_date = (hit.start(), -len(key)), date
    return best_date


def _occurrences(phrase: str, haystack: str) -> Iterator[int]:
    """Where X's opening words (two specific ones at least) occur in an earlier text, the latest first."""
    words = _WORD.findall(phrase.lower())[:6]
    while words and words[0] in _WEAK:  # "the group announced" is looked for as "group announced"
        words.pop(0)
    lowered = haystack.lower()
    if len(lowered) != len(haystack):
        return
    for size in range(len(words), 1, -1):
        if sum(word not in _WEAK for word in words[:size]) < 2:
            continue
        # str.rfind, not a regex: the earlier text may be a whole article.
        needle = " ".join(words[:size])
        index = lowered.rfind(needle)
        while index >= 0:
            stop = index + len(needle)
            if (index == 0 or not lowered[index - 1].isalnum()) and (
                stop == len(lowered) or not lowered[stop].isalnum()
            ):
                yield index
            index = lowered.rfind(needle, 0, index)


def _date_of_phrase(phrase: str, haystack: str, dates: list[_Found]) -> _Found | None:
    """The date of the sentence where X occurs in an earlier text, nearest to X."""
    for position in _occurrences(phrase, haystack):
        # X named by another reference ("a day after the group announced") is not dated there.
        if any(f.derived and 0 <= position - f.end <= 6 for f in dates):
            continue
        near = _nearest_in_sentence(haystack, position, dates)
        if near is not None:
            return near
    return None


def _nearest_in_sentence(text: str, position: int, found: list[_Found]) -> _Found | None:
    """The plain date nearest a position in its sentence; statements count (X may be one), dates counted
    from another do not (they would date X by the reference that named it)."""
    first = _sentence_start(text, position)
    stop = _SENTENCE_END.search(text, position)
    last = stop.end() if stop else len(text)
    inside = [f for f in found if first <= f.start < last and not f.derived]
    return min(inside, key=lambda f: abs(f.start - position), default=None)


def _resolve_reference(
    item: _Pending,
    text: str,
    found: list[_Found],
    published: dt.date | None,
    anchors: dict[str, dt.date],
    context: _Context | None,
) -> _Found | None:
    offset = dt.timedelta(days=item.days)
    reference: dt.date | None = None
    precision = item.precision
    how = ""
    phrase, phrase_end = "", item.end
    if item.direction in ("after", "before"):
        clause = _CLAUSE_END.search(text, item.end)
        phrase_end = clause.start() if clause else len(text)
        phrase = text[item.end : phrase_end].strip()
    named = bool(phrase)  # "the day after." names no event: it counts like "the next day"
    if named:
        # 1. the caller dated X; 2. X holds a date; 3. X is found in the earlier text or the context.
        reference, how = _anchor_from_dict(phrase, anchors), "anchor"
        if reference is None:
            inner = next((f for f in found if item.end <= f.start < phrase_end), None)
            if inner is not None:
                reference, precision, how = inner.date, _coarsest(precision, inner.precision), "anchor-date"
        if reference is None:
            earlier = [(text[: item.start], [f for f in found if f.end <= item.start])]
            if context is not None and context.text:
                earlier.append((context.text, context.found))
            for haystack, dates in earlier:
                near = _date_of_phrase(phrase, haystack, dates)
                if near is not None:
                    reference, precision = near.date, _coarsest(precision, near.precision)
                    how = "anchor-context"
                    break
    if reference is None:
        # 4. the last date mentioned before; an X we could not find is only near it.
        previous = _previous_date(text, item.start, found)
        if previous is None and context is not None:
            previous = _previous_date(context.text, len(context.text), context.found)
        if previous is not None:
            reference, how = previous.date, "previous-date"
            precision = _coarsest(precision, previous.precision, _NEAR if named else _DAY)
    if reference is None:
        # 5. publication: the latest possible date, never publication + offset.
        if published is None:
            return None
        date = published + min(offset, dt.timedelta(0))
        precision = _coarsest(precision, _WEEK_OF_PUBLICATION)
        return _Found(
            item.start,
            item.end,
            item.text,
            date,
            precision,
            f"{item.direction}:publication",
            item.statement,
            derived=True,
        )
    date = reference + offset
    rule = f"{item.direction}:{how}"
    if published is not None and date > published:  # a past event cannot follow its report
        date, precision, rule = published, _coarsest(precision, _NEAR), rule + "+cut"
    return _Found(item.start, item.end, item.text, date, precision, rule, item.statement, derived=True)


def _event_date(item: _Found) -> EventDate:
    precision, rule = item.precision, item.rule
    if item.statement:  # the event was on the day of the statement or before it
        precision, rule = _coarsest(precision, _NEAR), "statement+" + rule
    return EventDate(item.date, {"acled": precision[0], "ucdp": precision[1]}, item.text.strip(), rule)


def _as_date(value: dt.date | None) -> dt.date | None:
    # A datetime is a date whose arithmetic keeps the time of day: reduce it to the day.
    return value.date() if isinstance(value, dt.datetime) else value


# ------------------------------------------------------------------------------------------- public API


def find_dates(text: str, published: dt.date | None) -> list[tuple[int, int, EventDate]]:
    """Every dated expression in a text as (start, end, EventDate), in text order.

    References ("the next day", "a day after X") count from the dates before them in the same text.
    Expressions that cannot be dated (a weekday when there is no publication date) are left out.
    """
    if not text:
        return []
    return [(f.start, f.end, _event_date(f)) for f in _resolve(text, _as_date(published), {}, None)]


# A possessive after a date and up to three words after it: "Tuesday's attack", "Sunday's twin blasts".
_POSSESSIVE = re.compile(r"(?:['\u2019]s)?\s+((?:[\w-]+\s+){0,2}[\w-]+)")


def _owns_an_attack(sentence: str, found: _Found) -> bool:
    """Whether a date is the possessive of an attack word ("Tuesday's attack")."""
    if not found.text.endswith(("'s", "\u2019s")) and sentence[found.end : found.end + 2] not in (
        "'s",
        "\u2019s",
    ):
        return False
    match = _POSSESSIVE.match(sentence, found.end)
    if match is None:
        return False
    attack_words = tactic_reader().table.first_words
    return any(word in attack_words for word in match.group(1).lower().split())


@cache
def _violence_words() -> frozenset[str]:
    """Words that tell of violence: the tactics' first words and the words of deaths and injuries."""
    outcomes = {
        row["phrase"].split()[0]
        for row in read_table("outcomes.tsv")
        if row["outcome"] in ("killed", "injured") and row["phrase"]
    }
    return frozenset(tactic_reader().table.first_words | outcomes)


def _attack_distances(sentence: str, found: list[_Found]) -> list[int]:
    """Each date's distance in words to the nearest word of violence in the sentence. A date told after the
    violence ("were shot dead outside their shop on Friday") counts its distance; one told before it counts
    double, as news prose dates an event after its verb and opens with other days (a vigil, a funeral). With
    no word of violence, the dates keep their order."""
    words = _violence_words()
    spans = [(m.start(), m.group()) for m in _WORD_SPAN.finditer(sentence.lower())]
    spots = [index for index, (_, word) in enumerate(spans) if word in words]
    if not spots:
        return [f.start for f in found]
    starts = [start for start, _ in spans]
    distances = []
    for f in found:
        first = bisect.bisect_left(starts, f.start)  # the date's first word
        last = max(first, bisect.bisect_left(starts, f.end) - 1)  # its last word
        distances.append(
            min(
                first - spot if spot < first else 2 * (spot - last)
                for spot in spots
                if not first <= spot <= last
            )
            if any(not first <= spot <= last for spot in spots)
            else 0
        )
    return distances


_WORD_SPAN = re.compile(r"[a-z]+(?:-[a-z]+)*")


# A follow-up comes this long after its incident at least: within the week, figures with no date of their own
# are the week's news, which the publication date already stands for.
FOLLOW_UP_AFTER = dt.timedelta(days=7)


@cache
def _follow_up_words(*kinds: str) -> frozenset[str]:
    """The words of ``follow_up.tsv`` (of the given kinds; all without)."""
    return frozenset(row["word"] for row in read_table("follow_up.tsv") if not kinds or row["kind"] in kinds)


def tells_a_proceeding(sentence: str) -> bool:
    """Whether a sentence tells of a charge, a court or a ceremony (``follow_up.tsv``): a day it gives is the
    proceeding's ("indicted on Thursday", "the vigil on Sunday"), not the incident's."""
    return has_any_word(sentence, _follow_up_words("charge", "court", "memorial"))


def incident_day(
    text: str, published: dt.date | None, sentences: Sequence[tuple[int, int]]
) -> EventDate | None:
    """The day of the incident a follow-up report is about, when the report gives exactly one.

    A report of an arrest, charges, a trial, a sentencing or a vigil (the words of ``follow_up.tsv``) tells the
    incident's figures in sentences of their own, often with no date ("the shooting that left a boy dead"),
    and gives its day elsewhere ("The boy was shot on Nov. 3"). The incident's day is the one day, told to the
    day and over ``FOLLOW_UP_AFTER`` before publication, of a sentence with a word of violence ("shot", "killed", "fired"); dates a
    reporting verb gives (a statement's day) do not count. None when the report is no follow-up, tells violence
    on a day of the publication's week in a sentence with no word of a charge, a court or a ceremony (fresh news: an earlier day it gives
    is background), gives no such day
    or several (a trial's story of two shootings). ``sentences`` are character spans, in text order."""
    published = _as_date(published)
    if published is None or not sentences or not has_any_word(text, _follow_up_words()):
        return None
    starts = [start for start, _end in sentences]
    days: dict[dt.date, EventDate] = {}
    recent = False  # violence told on a day of the publication's week: fresh news, not a follow-up
    for start, _end, found in find_dates(text, published):
        if found.date is None or found.rule.startswith("statement"):
            continue
        index = bisect.bisect_right(starts, start) - 1
        sentence = text[sentences[index][0] : sentences[index][1]] if index >= 0 else ""
        if not has_any_word(sentence, _violence_words()):
            continue
        proceeding = tells_a_proceeding(sentence)
        if found.date > published - FOLLOW_UP_AFTER:
            # "Jurors watched a tape of the shooting Monday" is the trial's day, not new violence.
            recent = recent or not proceeding
        elif found.precision.get("acled") == 1 and not proceeding and not has_any_word(
            sentence, _follow_up_words("arrest")
        ):
            # "They were arrested on Nov. 6 on murder charges" dates the arrest, not the incident.
            days.setdefault(found.date, found)
    if recent or len(days) != 1:
        return None
    [found] = days.values()
    return EventDate(found.date, found.precision, found.text, f"follow-up+{found.rule}")


def find_event_date(
    sentence: str,
    published: dt.date | None,
    context: str = "",
    anchors: dict[str, dt.date] | None = None,
) -> EventDate:
    """The date of the event a sentence describes (the rules are in the module docstring).

    ``context`` is the text before the sentence (or the whole article: only the part before the sentence is
    used); it dates references to other events. ``anchors`` maps lower-case phrases the caller has dated
    ("the group announced") to their dates, for "a day after the group announced …".
    """
    published = _as_date(published)
    sentence = sentence or ""
    context = context or ""
    if sentence.strip() and sentence in context:
        context = context[: context.index(sentence)]
    keys: dict[str, dt.date] = {}
    for key, date in (anchors or {}).items():
        day = _as_date(date)
        if key.strip() and day is not None:
            keys[_norm(key)] = day
    found = _resolve(sentence, published, keys, _Context(context, published, keys))
    # Statement dates only when nothing else dates the sentence; then the most precise, then the first.
    pool = [f for f in found if not f.statement] or found
    if len(pool) > 1 and not any(f.derived for f in pool):
        # A day that owns an attack ("in Tuesday's attack", "Sunday's deadly blast") names the event's day;
        # the sentence's other dates are of what followed (a funeral, a statement, a rising toll). Not where
        # the sentence counts from that attack ("a day after Monday's raid"): that dates another event.
        pool = [f for f in pool if _owns_an_attack(sentence, f)] or pool
    if pool:
        dated = [(_event_date(f), f.start) for f in pool]
        if len({d.date for d, _ in dated}) > 1 and not any(f.derived for f in pool):
            # Days of different things (a vigil on Saturday for those shot on Friday): the one told nearest to
            # the violence is the event's.
            near = _attack_distances(sentence, pool)
            dated = [(d, near[i]) for i, (d, _) in enumerate(dated)]
        return min(dated, key=lambda d: (d[0].precision["ucdp"], d[0].precision["acled"], d[1]))[0]
    if published is None:
        return EventDate(None, {}, "", "none")
    acled, ucdp = _WEEK_OF_PUBLICATION
    return EventDate(published, {"acled": acled, "ucdp": ucdp}, "", "publication")
